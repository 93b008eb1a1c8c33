// What every route of the Image API reads from its request: the call, its JSON body, and the
// refusal of a method the route does not take.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GlanceError } from './answers.js';
import { IMAGE_API_PATH } from './routes.js';

/** A request inside the API, its path split into decoded segments. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  segments: string[];
  query: URLSearchParams;
}

/** The largest JSON body (a create or a patch of 128 properties of 1 KiB fits). */
const MAX_JSON_BYTES = 1024 * 1024;

/** The API's absolute URL as the client named it: the versions document's links and Location headers. */
export function rootUrl(req: IncomingMessage): string {
  const host = req.headers.host ?? 'localhost';
  return `http://${host}${IMAGE_API_PATH}`;
}

export const notAllowed = (allowed: string) => new GlanceError(405, 'The method is not allowed for this resource.', { allow: allowed });

/** The request's media type, without its parameters. */
export const mediaType = (req: IncomingMessage) => req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';

/** A JSON body of one of `types`, at most MAX_JSON_BYTES. */
export async function jsonBody(req: IncomingMessage, types: string[], refusalHeaders: Record<string, string> = {}): Promise<unknown> {
  const type = mediaType(req);
  if (!types.includes(type)) throw new GlanceError(415, `The request media type ${type || '(none)'} is not supported by this server; send ${types[0]}`, refusalHeaders);
  const length = Number(req.headers['content-length'] ?? Number.NaN);
  if (length > MAX_JSON_BYTES) throw new GlanceError(413, `The body is larger than ${MAX_JSON_BYTES} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_JSON_BYTES) throw new GlanceError(413, `The body is larger than ${MAX_JSON_BYTES} bytes`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new GlanceError(400, 'Malformed JSON in request body.');
  }
}
