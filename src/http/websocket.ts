// GraphQL over WebSocket (graphql-ws) on the HTTP server's GraphQL path, run through Yoga's
// envelop: HTTP, SSE and WebSocket share one context factory, one validation, one error masking.
import type { Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { ConnectionInitMessage } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { WebSocketServer } from 'ws';

type Enveloped = ReturnType<YogaServerInstance<Record<string, unknown>, Record<string, unknown>>['getEnveloped']>;

/** The part of a Yoga instance this needs (a method, so any context type fits). */
interface EnvelopedYoga {
  getEnveloped(initialContext: Record<string, unknown>): Pick<Enveloped, 'schema' | 'parse' | 'validate' | 'execute' | 'subscribe'> & {
    contextFactory(): unknown;
  };
}

export interface WebSocketOptions {
  server: Server;
  yoga: EnvelopedYoga;
  path: string;
  /** Rejects (throws) when the request's credentials are not valid; the HTTP context factory's check. */
  authenticate(request: Request): Promise<unknown>;
}

/** What the connection remembers between operations. */
type Extra = {
  /** A request carrying the connection's credentials, for Yoga's context factory. */
  credentials: Request;
};

/** GraphQL documents are small; a large frame is an attack, not a query. */
const MAX_PAYLOAD_BYTES = 1024 * 1024;

/**
 * The token from `connectionParams`: `{ authorization: 'Bearer <token>' }` (as the HTTP header)
 * or `{ token: '<token>' }`. Browsers cannot set headers on a WebSocket, so it travels here.
 */
export function credentialsFrom(params: ConnectionInitMessage['payload'], url: string): Request | null {
  const authorization = params?.authorization ?? params?.Authorization;
  const header = typeof authorization === 'string' && authorization ? authorization
    : typeof params?.token === 'string' && params.token ? `Bearer ${params.token}` : null;
  return header ? new Request(url, { headers: { authorization: header } }) : null;
}

const throughYoga = (phase: 'execute' | 'subscribe') => (args: ExecutionArgs) => (args.rootValue as Enveloped)[phase](args);

export function attachWebSocketServer({ server, yoga, path, authenticate }: WebSocketOptions): { close(graceMs?: number): Promise<void> } {
  const wsServer = new WebSocketServer({ server, path, maxPayload: MAX_PAYLOAD_BYTES });
  // ws re-emits the HTTP server's errors (EADDRINUSE...); the server's own listeners answer them.
  wsServer.on('error', () => {});
  const url = `http://localhost${path}`;
  const graphqlWs = useServer<ConnectionInitMessage['payload'], Extra>(
    {
      // Yoga's enveloped execute and subscribe travel in rootValue (see onSubscribe).
      execute: throughYoga('execute'),
      subscribe: throughYoga('subscribe'),
      // false closes the socket with 4403 Forbidden.
      async onConnect(ctx) {
        const credentials = credentialsFrom(ctx.connectionParams, url);
        if (!credentials) return false;
        try {
          await authenticate(credentials);
        } catch (error) {
          if (error instanceof GraphQLError) return false;
          throw error;
        }
        ctx.extra.credentials = credentials;
        return true;
      },
      async onSubscribe(ctx, _id, params) {
        // The connection's request: the context factory authenticates each operation again, so a
        // token revoked since the connection opened starts nothing new.
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          request: ctx.extra.credentials,
          params,
        });
        try {
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length) return errors;
          return {
            schema,
            document,
            operationName: params.operationName,
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          // A refused token or a syntax error answers this operation; the HTTP status means nothing here.
          const { http, ...extensions } = error.extensions;
          return [new GraphQLError(error.message, { extensions })];
        }
      },
    },
    wsServer,
  );
  return {
    /**
     * Stops accepting sockets and closes every one (1001 Going away); a client that has not
     * answered the closing handshake within `graceMs` is cut.
     */
    close: async (graceMs = 2_000) => {
      const open = [...wsServer.clients];
      await graphqlWs.dispose();
      const deadline = Date.now() + graceMs;
      while (open.some((socket) => socket.readyState !== socket.CLOSED) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const socket of open) socket.terminate();
    },
  };
}
