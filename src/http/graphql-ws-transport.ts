// graphql-ws's server on `ws` sockets: graphql-ws's own `use/ws` glue, but with its faults told
// apart from a client's. `use/ws` closes with 4500 and the error's own text for anything a message
// handler throws, a client's `next` or `error` message included; here a message a client may not
// send closes 4400, and a fault is logged and closes with a bare "Internal server error".
import type { IncomingMessage } from 'node:http';
import { CloseCode, type ServerOptions, handleProtocols, makeServer } from 'graphql-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import { logger } from '../logger.js';

export interface SocketExtra {
  socket: WebSocket;
  request: IncomingMessage;
}

/** Message types only a server sends: a client sending one has broken the protocol. */
const UNEXPECTED_MESSAGE = /^Unexpected message of type \S+ received$/;

/** How often an idle socket is pinged; one that misses a pong for as long is dropped. */
const KEEP_ALIVE_MS = 12_000;

/** Resolves once the socket has taken `data`; at once when it is no longer open. */
function sendText(socket: WebSocket, data: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (socket.readyState !== socket.OPEN) return resolve();
    socket.send(data, (error) => (error ? reject(error) : resolve()));
  });
}

/** Bytes a socket may hold unsent before a sender waits for them to go out. */
const SOCKET_HIGH_WATER_BYTES = 64 * 1024;

/**
 * Sends `data` and returns at once, unless the socket still holds more than its high-water mark
 * unsent: then the promise resolves once `data` has gone out, so a slow client holds its sender
 * back rather than filling the gateway's memory.
 */
export function sendOrWait(socket: WebSocket, data: string): Promise<void> | undefined {
  // A socket that closes meanwhile ends the operation by itself: its write's error is no fault.
  if (socket.bufferedAmount > SOCKET_HIGH_WATER_BYTES) return new Promise<void>((resolve) => socket.send(data, () => resolve()));
  if (socket.readyState === socket.OPEN) socket.send(data);
  return undefined;
}

export function serveGraphQLWs<P extends Record<string, unknown> | undefined, E extends Record<PropertyKey, unknown>>(
  options: ServerOptions<P, E & SocketExtra>,
  wsServer: WebSocketServer,
): { dispose(): Promise<void> } {
  const server = makeServer(options);
  wsServer.options.handleProtocols = handleProtocols;
  wsServer.on('connection', (socket, request) => {
    socket.once('error', (error) => {
      logger.warn({ err: error }, 'graphql-ws socket error');
      socket.close(CloseCode.InternalServerError, 'Internal server error');
    });
    let pongWait: NodeJS.Timeout | undefined;
    const pings = setInterval(() => {
      if (socket.readyState !== socket.OPEN) return;
      pongWait = setTimeout(() => socket.terminate(), KEEP_ALIVE_MS);
      socket.once('pong', () => clearTimeout(pongWait));
      socket.ping();
    }, KEEP_ALIVE_MS);
    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) => sendText(socket, data),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', async (data) => {
            try {
              await handle(String(data));
            } catch (error) {
              if (error instanceof Error && UNEXPECTED_MESSAGE.test(error.message)) {
                socket.close(CloseCode.BadRequest, error.message);
                return;
              }
              logger.error({ err: error }, 'graphql-ws message handling failed');
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            }
          }),
      },
      { socket, request } as E & SocketExtra,
    );
    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pings);
      void closed(code, String(reason));
    });
  });
  return {
    /** Closes every socket (1001 Going away) and stops accepting new ones. */
    async dispose() {
      for (const client of wsServer.clients) client.close(1001, 'Going away');
      wsServer.removeAllListeners();
      await new Promise<void>((resolve, reject) => wsServer.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
