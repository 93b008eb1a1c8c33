// Downloads from client-supplied URLs (image imports, Danube manifests) without letting the client
// aim the server at itself or its network. Every URL, first and each redirect target, goes through
// checkUrl, and the socket connects only to the addresses checkUrl approved: a custom `lookup`
// answers with them and never asks DNS, so a name cannot resolve differently between check and
// connect (DNS rebinding). The host name still travels in the Host header and TLS SNI, so
// certificates are verified against it. Bodies are streamed, never buffered (images reach tens of GB).
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction, Socket } from 'node:net';
import { Readable } from 'node:stream';
import { checkUrl, displayUrl, type ResolvedAddress, type UrlPolicy } from './url-guard.js';

export interface GuardedFetchOptions {
  /** Passed to checkUrl for the first URL and every redirect target. */
  policy: UrlPolicy;
  /** Default 5. */
  maxRedirects?: number;
  /** Time to open the connection (and finish the TLS handshake); default 15 s. */
  connectTimeoutMs?: number;
  /** No bytes for this long (waiting for headers, or for body bytes the reader asked for) fails the download; default 60 s. */
  idleTimeoutMs?: number;
  /** Aborting rejects, or destroys the body, with the signal's reason. */
  signal?: AbortSignal;
  /** Extra request headers (e.g. Range); Accept-Encoding is always identity. */
  headers?: Record<string, string>;
}

export interface GuardedResponse {
  /** The final URL, after redirects. */
  url: URL;
  /** Always 200: anything else is a FetchFailed. */
  status: number;
  contentLength: number | undefined;
  contentType: string | undefined;
  /** Streamed; fails with FetchFailed (transient) if it ends short of Content-Length or goes idle. */
  body: Readable;
}

/**
 * A download that did not work. `transient` says whether trying again later may succeed
 * (connection trouble, timeouts, 408/429/5xx, a body cut short); `message` is plain words a
 * client can read, with no credentials or query string.
 */
export class FetchFailed extends Error {
  override readonly name = 'FetchFailed';
  readonly transient: boolean;
  readonly status?: number;
  /** The URL as shown in the message. */
  readonly url: string;

  constructor(url: string, message: string, options: { transient: boolean; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.url = url;
    this.transient = options.transient;
    if (options.status !== undefined) this.status = options.status;
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const USER_AGENT = 'image-catalog-gateway (image import)';
// One connection per request: a pooled socket would outlive the check that approved its address.
const httpAgent = new http.Agent({ keepAlive: false });
const httpsAgent = new https.Agent({ keepAlive: false });

/** Downloads `url` (following checked redirects) and returns the 200 response with its body as a stream. */
export async function guardedGet(url: string, options: GuardedFetchOptions): Promise<GuardedResponse> {
  const maxRedirects = options.maxRedirects ?? 5;
  let next = url;
  for (let redirects = 0; ; redirects++) {
    options.signal?.throwIfAborted();
    const { url: target, addresses } = await checkUrl(next, options.policy);
    const { req, res } = await send(target, addresses, options);
    if (options.signal?.aborted) {
      res.destroy(); // aborted between the headers and here
      throw options.signal.reason;
    }
    const status = res.statusCode ?? 0;
    const shown = displayUrl(target);

    if (REDIRECTS.has(status)) {
      res.destroy(); // the redirect's own body is of no use
      const location = res.headers.location;
      if (!location) throw new FetchFailed(shown, `${shown} answered HTTP ${status} (a redirect) without saying where to`, { transient: false, status });
      if (redirects >= maxRedirects) throw new FetchFailed(shown, `${shown} redirected more than ${maxRedirects} times`, { transient: false, status });
      try {
        next = new URL(location, target).href;
      } catch {
        throw new FetchFailed(shown, `${shown} redirected to something that is not a valid URL`, { transient: false, status });
      }
      continue;
    }
    if (status !== 200) {
      res.destroy();
      throw statusFailure(shown, status, res.statusMessage);
    }

    const length = res.headers['content-length'];
    const contentLength = length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined;
    return {
      url: target,
      status,
      contentLength,
      contentType: res.headers['content-type'],
      body: guardedBody(req, res, shown, contentLength, options),
    };
  }
}

/** Reads a small document (a JSON manifest) whole, refusing more than `maxBytes` (default 1 MiB). */
export async function guardedGetText(
  url: string,
  options: GuardedFetchOptions & { maxBytes?: number },
): Promise<{ url: URL; text: string; contentType?: string }> {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const response = await guardedGet(url, options);
  const shown = displayUrl(response.url);
  const tooLarge = () => new FetchFailed(shown, `${shown} is larger than ${maxBytes} bytes, the most accepted here`, { transient: false });
  if (response.contentLength !== undefined && response.contentLength > maxBytes) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw tooLarge(); // leaving the loop destroys the stream
    chunks.push(chunk);
  }
  // TextDecoder drops a UTF-8 byte order mark, which JSON.parse would choke on.
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  return response.contentType === undefined ? { url: response.url, text } : { url: response.url, text, contentType: response.contentType };
}

// ---------------------------------------------------------------------------------------------

/** Sends one GET to `target`, connecting only to `addresses`; resolves when the response headers arrive. */
function send(target: URL, addresses: ResolvedAddress[], options: GuardedFetchOptions) {
  return new Promise<{ req: http.ClientRequest; res: IncomingMessage }>((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) return reject(signal.reason);
    const shown = displayUrl(target);
    const tls = target.protocol === 'https:';
    const connectTimeoutMs = options.connectTimeoutMs ?? 15_000;
    const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;

    // autoSelectFamily reaches net.connect through the agent (@types/node lacks it on requests):
    // with several checked addresses, the next is tried when one fails.
    const requestOptions: http.RequestOptions & { autoSelectFamily: boolean } = {
      method: 'GET',
      agent: tls ? httpsAgent : httpAgent,
      lookup: pinnedLookup(addresses),
      autoSelectFamily: true,
      headers: { 'user-agent': USER_AGENT, ...options.headers, 'accept-encoding': 'identity' },
    };
    const req = (tls ? https : http).request(target, requestOptions);

    const fail = (error: FetchFailed) => req.destroy(error);
    const connectTimer = setTimeout(
      () => fail(new FetchFailed(shown, `could not connect to ${target.host} within ${seconds(connectTimeoutMs)}`, { transient: true })),
      connectTimeoutMs,
    );
    const onAbort = () => req.destroy(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const settle = () => {
      clearTimeout(connectTimer);
      signal?.removeEventListener('abort', onAbort);
    };

    req.on('socket', (socket: Socket) => {
      // Sockets are never reused (keepAlive false), so this one is still connecting.
      socket.once(tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(connectTimer);
        req.setTimeout(idleTimeoutMs); // now waiting for the response headers
      });
    });
    req.on('timeout', () =>
      fail(new FetchFailed(shown, `${target.host} sent no answer for ${seconds(idleTimeoutMs)}`, { transient: true })),
    );
    req.on('error', (error) => {
      settle();
      reject(error instanceof FetchFailed || (signal?.aborted && error === signal.reason) ? error : connectionFailure(shown, target.host, error));
    });
    req.on('response', (res) => {
      settle();
      req.setTimeout(0); // the body has its own idle timer that respects backpressure
      resolve({ req, res });
    });
    req.end();
  });
}

/** A `lookup` that answers with the addresses checkUrl approved and never asks DNS. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    // net expects the answer asynchronously (it attaches listeners after calling lookup).
    process.nextTick(() => {
      if (options.all) callback(null, addresses.map(({ address, family }) => ({ address, family })));
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/**
 * Wraps the response in a stream that fails (transient) if the body stops short of Content-Length
 * or no bytes arrive for idleTimeoutMs while the reader is waiting, and that closes the
 * connection whenever it is destroyed, aborted or fails.
 */
function guardedBody(
  req: http.ClientRequest,
  res: IncomingMessage,
  shown: string,
  contentLength: number | undefined,
  options: GuardedFetchOptions,
): Readable {
  const { signal } = options;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  let received = 0;
  let timer: NodeJS.Timeout | undefined;
  const cutShort = (cause?: unknown) =>
    new FetchFailed(
      shown,
      contentLength === undefined
        ? `the download from ${shown} stopped before it was complete`
        : `the download from ${shown} stopped after ${received} of ${contentLength} bytes`,
      { transient: true, cause },
    );

  const body = new Readable({
    read() {
      arm();
      res.resume();
    },
    destroy(error, callback) {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      res.destroy();
      req.destroy();
      callback(error);
    },
  });
  // The idle clock runs only while the reader wants bytes: a slow disk is not the server's fault.
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(
      () => body.destroy(new FetchFailed(shown, `the download from ${shown} received nothing for ${seconds(idleTimeoutMs)}`, { transient: true })),
      idleTimeoutMs,
    );
  };
  const onAbort = () => body.destroy(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });

  res.pause(); // flow only when the reader asks (read() resumes)
  res.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (body.push(chunk)) arm();
    else {
      clearTimeout(timer);
      res.pause();
    }
  });
  res.on('end', () => {
    clearTimeout(timer);
    if (contentLength !== undefined && received !== contentLength) body.destroy(cutShort());
    else body.push(null);
  });
  res.on('error', (error) => body.destroy(cutShort(error)));
  res.on('close', () => {
    if (!res.complete && !body.destroyed) body.destroy(cutShort());
  });
  return body;
}

function statusFailure(shown: string, status: number, statusMessage: string | undefined): FetchFailed {
  const answered = `${shown} answered HTTP ${status}${statusMessage ? ` (${statusMessage})` : ''}`;
  if (status === 408 || status === 429 || status >= 500) {
    return new FetchFailed(shown, `${answered}; try again later`, { transient: true, status });
  }
  if (status >= 400) return new FetchFailed(shown, answered, { transient: false, status });
  return new FetchFailed(shown, `${answered}, which is not a file download`, { transient: false, status });
}

/** Names a socket-level error in plain words; certificate and protocol errors will not fix themselves, the rest may. */
function connectionFailure(shown: string, host: string, error: unknown): FetchFailed {
  const codes = errorCodes(error);
  const has = (...wanted: string[]) => codes.some((code) => wanted.includes(code));
  let words: string;
  let transient = true;
  if (has('ECONNREFUSED')) words = `${host} refused the connection`;
  else if (has('ECONNRESET', 'EPIPE')) words = `the connection to ${host} was reset`;
  else if (has('ETIMEDOUT')) words = `the connection to ${host} timed out`;
  else if (has('EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL')) words = `${host} cannot be reached`;
  else if (has('ENOTFOUND', 'EAI_AGAIN')) words = `${host} cannot be resolved`;
  else if (codes.some((code) => code.startsWith('HPE_'))) {
    words = `${host} sent an answer that is not valid HTTP`;
    transient = false;
  } else if (codes.some((code) => /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code))) {
    words = `the TLS certificate of ${host} is not valid (${error instanceof Error ? error.message : codes.join(', ')})`;
    transient = false;
  } else words = `the connection to ${host} failed${codes.length ? ` (${codes[0]})` : ''}`;
  return new FetchFailed(shown, `could not download ${shown}: ${words}`, { transient, cause: error });
}

/** The error's code, and those inside an AggregateError (every address failed). */
function errorCodes(error: unknown): string[] {
  const code = (e: unknown) => (typeof (e as { code?: unknown })?.code === 'string' ? [(e as { code: string }).code] : []);
  const inner = error instanceof AggregateError ? error.errors.flatMap(code) : [];
  return [...code(error), ...inner];
}

const seconds = (ms: number) => `${ms / 1000} second${ms === 1000 ? '' : 's'}`;
