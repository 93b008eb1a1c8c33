// One request through Node's own client: headers sent as given (Origin, the preflight's) and the
// body read as it came over the wire, not decompressed.
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

export interface WireAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body's bytes as sent, compressed or not. */
  raw: Buffer;
  /** The same bytes as UTF-8 text. */
  body: string;
}

export function httpAnswer(url: string, method = 'GET', headers: Record<string, string> = {}, body?: Buffer | string): Promise<WireAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ status: response.statusCode!, headers: response.headers, raw, body: raw.toString('utf8') });
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}
