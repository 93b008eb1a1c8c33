// guardedGet against real HTTP servers on 127.0.0.1 only. Host names are made up and answered by
// an injected resolver, so nothing asks DNS and nothing leaves the loopback interface; redirects
// to private or metadata addresses must be refused before any socket is opened.
import { type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo, type Server as NetServer, Socket, createServer as createNetServer } from 'node:net';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FetchFailed, guardedGet, guardedGetText } from '../../src/http/guarded-fetch.js';
import { UrlRefused, type UrlPolicy } from '../../src/http/url-guard.js';

type Answer = { address: string; family: 4 | 6 };
function dns(table: Record<string, string[]>) {
  return vi.fn(async (host: string): Promise<Answer[]> => {
    const answer = table[host];
    if (!answer) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  });
}

interface TestServer {
  port: number;
  origin: string;
  requests: { url: string; headers: IncomingHttpHeaders }[];
  /** Server-side sockets still open. */
  openSockets(): number;
}

const servers: Server[] = [];
const netServers: NetServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
  for (const server of netServers.splice(0)) await new Promise((done) => server.close(done));
});

const connections = (server: NetServer) =>
  new Promise<number>((done, fail) => server.getConnections((error, count) => (error ? fail(error) : done(count))));

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<TestServer> {
  const requests: TestServer['requests'] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    requests.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { port, origin: `http://127.0.0.1:${port}`, requests, openSockets: () => sockets.size };
}

const loopback = (extra: Partial<UrlPolicy> = {}): UrlPolicy => ({ allowed: ['127.0.0.1/32'], resolve: dns({}), ...extra });

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('should have failed'),
    (error: unknown) => error,
  );
}

async function fetchFailed(promise: Promise<unknown>): Promise<FetchFailed> {
  const error = await failure(promise);
  expect(error).toBeInstanceOf(FetchFailed);
  return error as FetchFailed;
}

const FILE = Buffer.alloc(512 * 1024, 0);
for (let i = 0; i < FILE.length; i++) FILE[i] = (i * 7) % 251;

describe('guardedGet', () => {
  it('streams a 200 body with its length and type, asking for no compression', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': FILE.length });
      res.end(FILE);
    });
    const response = await guardedGet(`${server.origin}/disk.qcow2`, { policy: loopback() });

    expect(response.status).toBe(200);
    expect(response.url.href).toBe(`${server.origin}/disk.qcow2`);
    expect(response.contentLength).toBe(FILE.length);
    expect(response.contentType).toBe('application/octet-stream');
    const chunks: Buffer[] = [];
    for await (const chunk of response.body) chunks.push(chunk as Buffer);
    expect(chunks.length).toBeGreaterThan(1); // streamed, not one buffer
    expect(Buffer.concat(chunks).equals(FILE)).toBe(true);
    expect(server.requests[0]!.headers['accept-encoding']).toBe('identity');
    expect(server.requests[0]!.headers['user-agent']).toMatch(/image-catalog-gateway/);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('sends extra headers but keeps Accept-Encoding identity', async () => {
    const server = await serve((_req, res) => res.end('ok'));
    const response = await guardedGet(`${server.origin}/`, {
      policy: loopback(),
      headers: { 'X-Trace': 'abc', 'Accept-Encoding': 'gzip' },
    });
    await readAll(response.body);
    expect(server.requests[0]!.headers['x-trace']).toBe('abc');
    expect(server.requests[0]!.headers['accept-encoding']).toBe('identity');
  });

  it('connects to the checked address and keeps the host name in the Host header', async () => {
    const server = await serve((_req, res) => res.end('hello'));
    const resolve = dns({ 'images.example.test': ['127.0.0.1'] });
    const response = await guardedGet(`http://images.example.test:${server.port}/x.raw`, { policy: loopback({ resolve }) });

    expect((await readAll(response.body)).toString()).toBe('hello');
    expect(resolve).toHaveBeenCalledWith('images.example.test');
    expect(server.requests[0]!.headers.host).toBe(`images.example.test:${server.port}`);
  });

  it('tries the next checked address when connecting to one fails', async () => {
    const server = await serve((_req, res) => res.end('second'));
    // Nothing listens on 127.0.0.2 (still loopback), so that connection is refused.
    const resolve = dns({ 'images.example.test': ['127.0.0.2', '127.0.0.1'] });
    const policy = { allowed: ['127.0.0.0/8'], resolve };
    const response = await guardedGet(`http://images.example.test:${server.port}/`, { policy });
    expect((await readAll(response.body)).toString()).toBe('second');

    resolve.mockResolvedValueOnce([{ address: '127.0.0.2', family: 4 }]); // the first address alone fails
    const error = await fetchFailed(guardedGet(`http://images.example.test:${server.port}/`, { policy }));
    expect(error.message).toMatch(/refused the connection/);
  });

  it('follows a redirect chain, checking every target', async () => {
    const server = await serve((req, res) => {
      if (req.url === '/a') res.writeHead(301, { location: `http://two.example.test:${server.port}/b` }).end();
      else if (req.url === '/b') res.writeHead(307, { location: '/c?signed=1' }).end();
      else res.end('final');
    });
    const resolve = dns({ 'one.example.test': ['127.0.0.1'], 'two.example.test': ['127.0.0.1'] });
    const response = await guardedGet(`http://one.example.test:${server.port}/a`, { policy: loopback({ resolve }) });

    expect(response.url.href).toBe(`http://two.example.test:${server.port}/c?signed=1`);
    expect((await readAll(response.body)).toString()).toBe('final');
    expect(resolve.mock.calls.map(([host]) => host)).toEqual(['one.example.test', 'two.example.test', 'two.example.test']);
    expect(server.requests.map((r) => `${r.headers.host}${r.url}`)).toEqual([
      `one.example.test:${server.port}/a`,
      `two.example.test:${server.port}/b`,
      `two.example.test:${server.port}/c?signed=1`,
    ]);
  });

  it.each([
    ['a name resolving to a private address', 'http://internal.example.test/secret', '10.0.0.1 is a private address'],
    ['a name resolving to the metadata address', 'http://meta.example.test/latest/meta-data/', '169.254.169.254 is a link-local or metadata address'],
    ['the metadata address itself', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a link-local or metadata address'],
  ])('refuses a redirect to %s without connecting to it', async (_name, location, reason) => {
    const server = await serve((_req, res) => res.writeHead(302, { location }).end());
    const resolve = dns({ 'internal.example.test': ['10.0.0.1'], 'meta.example.test': ['169.254.169.254'] });
    const connect = vi.spyOn(Socket.prototype, 'connect');

    const error = await failure(guardedGet(`${server.origin}/start`, { policy: loopback({ resolve }) }));

    expect(error).toBeInstanceOf(UrlRefused);
    expect((error as UrlRefused).reason).toBe(reason);
    const host = new URL(location).hostname;
    if (host.endsWith('.test')) expect(resolve).toHaveBeenCalledWith(host);
    expect(connect).toHaveBeenCalledTimes(1); // the first hop only
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRedirects, as a permanent failure', async () => {
    const server = await serve((_req, res) => res.writeHead(302, { location: '/again' }).end());
    const error = await fetchFailed(guardedGet(`${server.origin}/again`, { policy: loopback(), maxRedirects: 3 }));
    expect(error.transient).toBe(false);
    expect(error.message).toBe(`${server.origin}/again redirected more than 3 times`);
    expect(server.requests).toHaveLength(4);
  });

  it.each([
    [404, false],
    [403, false],
    [408, true],
    [429, true],
    [500, true],
    [503, true],
  ])('treats HTTP %i as transient: %s', async (status, transient) => {
    const server = await serve((_req, res) => res.writeHead(status).end('nope'));
    const error = await fetchFailed(guardedGet(`${server.origin}/disk.img?token=secret`, { policy: loopback() }));
    expect(error).toMatchObject({ transient, status });
    expect(error.message).toContain(`${server.origin}/disk.img?… answered HTTP ${status}`);
    expect(error.message).not.toContain('secret');
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('refuses a 2xx other than 200 as permanent', async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const error = await fetchFailed(guardedGet(`${server.origin}/`, { policy: loopback() }));
    expect(error).toMatchObject({ transient: false, status: 204 });
  });

  it('reports a refused connection as transient', async () => {
    const server = await serve(() => {});
    const { port } = server;
    servers.pop()!.close();
    await new Promise((closed) => setTimeout(closed, 10));
    const error = await fetchFailed(guardedGet(`http://127.0.0.1:${port}/`, { policy: loopback() }));
    expect(error.transient).toBe(true);
    expect(error.message).toBe(`could not download http://127.0.0.1:${port}/: 127.0.0.1:${port} refused the connection`);
  });

  it('fails a body that ends before Content-Length as transient', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(100));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const response = await guardedGet(`${server.origin}/short`, { policy: loopback() });
    const error = await fetchFailed(readAll(response.body));
    expect(error.transient).toBe(true);
    expect(error.message).toBe(`the download from ${server.origin}/short stopped after 100 of 1000 bytes`);
  });

  it('fails a body that goes idle as transient and closes the connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(10)); // then nothing
    });
    const response = await guardedGet(`${server.origin}/stall`, { policy: loopback(), idleTimeoutMs: 150 });
    const error = await fetchFailed(readAll(response.body));
    expect(error.transient).toBe(true);
    expect(error.message).toBe(`the download from ${server.origin}/stall received nothing for 0.15 seconds`);
    expect(response.body.destroyed).toBe(true);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('fails as transient when the connection (here a TLS handshake) takes longer than connectTimeoutMs', async () => {
    const silent = createNetServer((socket) => socket.resume()); // reads the TLS hello, never answers it
    netServers.push(silent);
    await new Promise<void>((listening) => silent.listen(0, '127.0.0.1', listening));
    const { port } = silent.address() as AddressInfo;
    const error = await fetchFailed(guardedGet(`https://127.0.0.1:${port}/`, { policy: loopback(), connectTimeoutMs: 150 }));
    expect(error.transient).toBe(true);
    expect(error.message).toBe(`could not connect to 127.0.0.1:${port} within 0.15 seconds`);
    await vi.waitFor(async () => expect(await connections(silent)).toBe(0));
  });

  it('fails as transient when the server sends no headers within the idle timeout', async () => {
    const server = await serve(() => {}); // never answers
    const error = await fetchFailed(guardedGet(`${server.origin}/`, { policy: loopback(), idleTimeoutMs: 150 }));
    expect(error.transient).toBe(true);
    expect(error.message).toBe('127.0.0.1:' + server.port + ' sent no answer for 0.15 seconds');
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('does not count time the reader spends not reading as idle', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': FILE.length });
      res.end(FILE);
    });
    const response = await guardedGet(`${server.origin}/`, { policy: loopback(), idleTimeoutMs: 100 });
    await new Promise((later) => setTimeout(later, 250)); // a slow reader, not a slow server
    expect((await readAll(response.body)).equals(FILE)).toBe(true);
  });

  it('stops waiting for the response when aborted, with the signal reason', async () => {
    const server = await serve(() => {});
    const controller = new AbortController();
    const pending = guardedGet(`${server.origin}/`, { policy: loopback(), signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort();
    const error = await failure(pending);
    expect((error as Error).name).toBe('AbortError');
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('destroys the body and the connection when aborted mid-download', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-length': 1000 });
      res.write(Buffer.alloc(10));
    });
    const controller = new AbortController();
    const response = await guardedGet(`${server.origin}/`, { policy: loopback(), signal: controller.signal });
    const reading = failure(readAll(response.body));
    controller.abort(new Error('cancelled by the operator'));
    expect(((await reading) as Error).message).toBe('cancelled by the operator');
    expect(response.body.destroyed).toBe(true);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('rejects at once when the signal is already aborted', async () => {
    const server = await serve((_req, res) => res.end());
    const error = await failure(guardedGet(`${server.origin}/`, { policy: loopback(), signal: AbortSignal.abort() }));
    expect((error as Error).name).toBe('AbortError');
    expect(server.requests).toHaveLength(0);
  });
});

describe('guardedGetText', () => {
  it('reads a small document whole', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('\ufeff{"name":"ubuntu"}'));
    const { url, text, contentType } = await guardedGetText(`${server.origin}/manifest`, { policy: loopback() });
    expect(url.href).toBe(`${server.origin}/manifest`);
    expect(JSON.parse(text)).toEqual({ name: 'ubuntu' });
    expect(contentType).toBe('application/json');
  });

  it('refuses a document whose Content-Length is over maxBytes without reading it', async () => {
    const server = await serve((_req, res) => res.writeHead(200, { 'content-length': FILE.length }).end(FILE));
    const error = await fetchFailed(guardedGetText(`${server.origin}/big`, { policy: loopback(), maxBytes: 1000 }));
    expect(error.transient).toBe(false);
    expect(error.message).toBe(`${server.origin}/big is larger than 1000 bytes, the most accepted here`);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it('stops reading a document without Content-Length once it passes maxBytes', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200); // chunked, length unknown
      res.write(FILE);
    });
    const error = await fetchFailed(guardedGetText(`${server.origin}/endless`, { policy: loopback(), maxBytes: 1000 }));
    expect(error.transient).toBe(false);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });
});
