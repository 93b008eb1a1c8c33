// GraphQL over WebSocket (graphql-ws) on the HTTP server's GraphQL path, run through Yoga's
// envelop: HTTP, SSE and WebSocket share one context factory, one validation, one error masking.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import { type ExecutionArgs, GraphQLError } from 'graphql';
import type { ConnectionInitMessage } from 'graphql-ws';
import type { YogaServerInstance } from 'graphql-yoga';
import { type WebSocket, WebSocketServer } from 'ws';
import { type Logger, logger } from '../logger.js';
import { sendOrWait, serveGraphQLWs } from './graphql-ws-transport.js';
import type { SendSerializedNext } from './use-grouped-fan-out.js';
import { operationFields } from './request-log.js';
import { type OperationRecord, newOperationRecord, recordErrors } from './use-operation-log.js';
import { type SuggestionPolicy, withoutSuggestions } from './use-suggestion-policy.js';

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
  /** Whether a handshake from a page of its Origin may go on (src/http/cors.ts); refused with 403 when not. */
  allowsOrigin(request: IncomingMessage): boolean;
  /** A connection is authenticated, so it gets suggestions unless they are off (GRAPHQL_SUGGESTIONS). */
  suggestions: SuggestionPolicy;
  /**
   * Rejects (throws) when the request's credentials are not valid, or its caller (or, without a
   * valid token, its address) has spent its rate: the HTTP context factory's check.
   */
  authenticate(request: Request, address: string | undefined): Promise<unknown>;
  /** Each operation's log line goes here when it ends. */
  logger: Logger;
  /** Called when an operation ends (completed, failed, stopped by the client or the socket's close). */
  onOperationEnded?(operation: OperationRecord, seconds: number): void;
}

/** What the connection remembers between operations. */
type Extra = {
  /** A request carrying the connection's credentials, for Yoga's context factory. */
  credentials: Request;
  /** The operations running on the connection, by their graphql-ws id. */
  operations: Map<string, RunningOperation>;
};

interface RunningOperation {
  requestId: string;
  record: OperationRecord;
  started: number;
}

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
  // A header value is visible ASCII, spaces and tabs: anything else (NUL, CR/LF, non-Latin-1)
  // cannot be a token, and would make the Request constructor throw.
  return header && HEADER_VALUE.test(header) ? new Request(url, { headers: { authorization: header } }) : null;
}

const HEADER_VALUE = /^[\t\x20-\x7e]+$/;

/** A fault's own text stays in the log; the client reads graphql-ws's 4500 with this reason. */
function internalError(during: string, error: unknown): Error {
  logger.error({ err: error }, `graphql-ws ${during} failed`);
  return new Error('Internal server error');
}

/**
 * graphql-ws's `next` message around a payload that is JSON already (src/http/use-grouped-fan-out.ts).
 * It passes graphql-ws by, so its `onNext` and `jsonMessageReplacer` options, unset here, must stay unset.
 */
function serializedNextSender(socket: WebSocket, id: string): SendSerializedNext {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  return (payloadJson) => sendOrWait(socket, `${head}${payloadJson}}`);
}

const throughYoga = (phase: 'execute' | 'subscribe') => (args: ExecutionArgs) => (args.rootValue as Enveloped)[phase](args);

export function attachWebSocketServer(options: WebSocketOptions): { close(graceMs?: number): Promise<void> } {
  const { server, yoga, path, suggestions, authenticate, onOperationEnded } = options;
  const wsServer = new WebSocketServer({
    server,
    path,
    maxPayload: MAX_PAYLOAD_BYTES,
    // A page from an origin the HTTP routes refuse is refused here too, before the handshake.
    verifyClient: ({ req }, done) => (options.allowsOrigin(req) ? done(true) : done(false, 403, 'Origin not allowed')),
  });
  // ws re-emits the HTTP server's errors (EADDRINUSE...); the server's own listeners answer them.
  wsServer.on('error', () => {});
  const url = `http://localhost${path}`;
  const ended = (operations: Map<string, RunningOperation> | undefined, id: string) => {
    const running = operations?.get(id);
    if (!running) return;
    operations!.delete(id);
    const ms = performance.now() - running.started;
    options.logger.info({ requestId: running.requestId, transport: 'graphql-ws', durationMs: Math.round(ms * 10) / 10, ...operationFields(running.record) }, 'operation');
    onOperationEnded?.(running.record, ms / 1000);
  };
  const graphqlWs = serveGraphQLWs<ConnectionInitMessage['payload'], Extra>(
    {
      // Yoga's enveloped execute and subscribe travel in rootValue (see onSubscribe).
      execute: throughYoga('execute'),
      subscribe: throughYoga('subscribe'),
      // false closes the socket with 4403 Forbidden.
      async onConnect(ctx) {
        const credentials = credentialsFrom(ctx.connectionParams, url);
        if (!credentials) return false;
        try {
          await authenticate(credentials, ctx.extra.request.socket.remoteAddress);
        } catch (error) {
          if (error instanceof GraphQLError) return false;
          throw internalError('connection_init', error);
        }
        ctx.extra.credentials = credentials;
        ctx.extra.operations = new Map();
        return true;
      },
      async onSubscribe(ctx, id, params) {
        // One request id per operation: the upgrade request carries many.
        const operationLog = newOperationRecord();
        operationLog.seen = true;
        ctx.extra.operations?.set(id, { requestId: randomUUID(), record: operationLog, started: performance.now() });
        // The connection's request: the context factory authenticates each operation again, so a
        // token revoked since the connection opened starts nothing new.
        const { schema, execute, subscribe, contextFactory, parse, validate } = yoga.getEnveloped({
          ...ctx,
          req: ctx.extra.request,
          socket: ctx.extra.socket,
          request: ctx.extra.credentials,
          params,
          operationLog,
          sendSerializedNext: serializedNextSender(ctx.extra.socket, id),
        });
        try {
          const document = parse(params.query);
          const errors = validate(schema, document);
          if (errors.length) return suggestions === 'never' ? withoutSuggestions(errors) : errors;
          return {
            schema,
            document,
            operationName: params.operationName,
            variableValues: params.variables,
            contextValue: await contextFactory(),
            rootValue: { execute, subscribe },
          };
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw internalError('subscribe', error);
          // A refused token, a syntax error or a refused variable answers this operation; the HTTP
          // status means nothing here.
          const { http, ...extensions } = error.extensions;
          const errors = [new GraphQLError(error.message, { extensions })];
          return suggestions === 'never' ? withoutSuggestions(errors) : errors;
        }
      },
      onError(ctx, id, _payload, errors) {
        const running = ctx.extra.operations?.get(id);
        if (running) recordErrors(running.record, errors);
        // An operation refused before it ran ends here; one that failed while running completes next.
        if (!ctx.subscriptions[id]) ended(ctx.extra.operations, id);
      },
      onComplete(ctx, id) {
        ended(ctx.extra.operations, id);
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
