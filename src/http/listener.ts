// The HTTP listener, apart from what it serves: bound first, before migrations and seeding, so a
// port in use is found at once; it answers 503 {"status":"starting"} until the service is ready.
// Closing stops accepting, lets requests in flight finish, then cuts what is left.
import { type RequestListener, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export class PortInUse extends Error {
  override readonly name = 'PortInUse';
  constructor(host: string, port: number) {
    super(`port ${port} on ${host} is in use`);
  }
}

export interface Listener {
  readonly server: Server;
  /** Binds host:port (once); resolves with the origin, e.g. `http://127.0.0.1:4000`. */
  listen(): Promise<string>;
  /** Hands every request from now on to `handler`. */
  serve(handler: RequestListener): void;
  /**
   * Stops accepting connections, waits for the requests in flight (at most `graceMs`), then
   * closes every connection left. Upgraded sockets (WebSocket) are their server's to close.
   */
  close(graceMs?: number): Promise<void>;
}

export const SHUTDOWN_GRACE_MS = 5_000;

const starting: RequestListener = (_req, res) => {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' }).end('{"status":"starting"}');
};

export function createListener(host: string, port: number): Listener {
  let handler = starting;
  let closing = false;
  const dispatch: RequestListener = (req, res) => {
    // Answered, then the connection closes: a client keeping it alive would hold the stop.
    if (closing) res.shouldKeepAlive = false;
    handler(req, res);
  };
  // The Host header is checked by the service (request-target.ts), in the GraphQL error format.
  const server = createServer({ requireHostHeader: false }, dispatch);
  // A request that expects 100 Continue goes the same way: its handler says when the body may
  // come (an upload only once its checks pass), and while starting it gets its 503 at once.
  server.on('checkContinue', dispatch);
  let bound: Promise<string> | undefined;
  let closed: Promise<void> | undefined;
  return {
    server,
    listen() {
      bound ??= new Promise((resolve, reject) => {
        const fail = (error: NodeJS.ErrnoException) => reject(error.code === 'EADDRINUSE' ? new PortInUse(host, port) : error);
        server.once('error', fail);
        server.listen(port, host, () => {
          server.off('error', fail);
          const { address, port: actual } = server.address() as AddressInfo;
          resolve(`http://${address.includes(':') ? `[${address}]` : address}:${actual}`);
        });
      });
      return bound;
    },
    serve(next) {
      handler = next;
    },
    close(graceMs = SHUTDOWN_GRACE_MS) {
      closed ??= (async () => {
        closing = true;
        if (!server.listening) return;
        const done = new Promise<void>((resolve) => server.close(() => resolve()));
        // Connections fall idle as their answers finish; close each as soon as it does.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        try {
          await done;
        } finally {
          clearInterval(sweep);
          clearTimeout(cut);
        }
      })();
      return closed;
    },
  };
}
