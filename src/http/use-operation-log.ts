// What a request log line and the metrics say about a GraphQL operation: its name and type, who
// asked, what it cost and which errors it answered. The transport (HTTP in request-log.ts,
// graphql-ws in websocket.ts) puts an empty record on the initial context as `operationLog`, this
// plugin fills it in as the operation goes through Yoga, and the transport reports it when the
// operation ends. Envelop keeps one context object per operation, so the record is found again
// in every phase.
import { type DocumentNode, type ExecutionResult, type GraphQLError, getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Viewer } from '../domain/viewer.js';
import { QUERY_TOO_COMPLEX } from './use-operation-limits.js';

/** The code of a refusal by the rate limit (src/http/rate-limit.ts). */
const RATE_LIMITED = 'RATE_LIMITED';

export interface OperationRecord {
  /** Whether Yoga took the request as a GraphQL operation (not the GraphiQL page, say). */
  seen: boolean;
  /** The operation's name as written; undefined for an anonymous one, or one never parsed. */
  name: string | undefined;
  /** query, mutation or subscription; undefined when the document did not parse. */
  type: string | undefined;
  /** The viewer's kind (admin, reseller, member), or anonymous when no valid token got in. */
  principal: Viewer['kind'] | 'anonymous';
  /** The operation's cost (src/schema/cost.ts), once it passed its limits. */
  cost: number | undefined;
  /** The codes of the errors it answered (`extensions.code`; ERROR for one without). */
  errorCodes: Set<string>;
  /** The limits that refused it (`extensions.limit` of a QUERY_TOO_COMPLEX or RATE_LIMITED error). */
  refusedBy: Set<string>;
  /** Which read path answered: the compiled one (src/http/read-path.ts), or the general one (Yoga). */
  readPath: 'compiled' | 'general';
  /** Why the compiled read path left a request it looked at to the general one. */
  handedOn?: string;
}

export type Outcome = 'ok' | 'error' | 'refused';

export function newOperationRecord(): OperationRecord {
  return { seen: false, name: undefined, type: undefined, principal: 'anonymous', cost: undefined, errorCodes: new Set(), refusedBy: new Set(), readPath: 'general' };
}

/**
 * Refused by a limit, answered with errors (or an HTTP error status), or ok: a business failure
 * in a payload union is ok.
 */
export function outcomeOf(record: OperationRecord, httpStatus?: number): Outcome {
  if (record.refusedBy.size > 0) return 'refused';
  return record.errorCodes.size > 0 || (httpStatus ?? 0) >= 400 ? 'error' : 'ok';
}

/** Notes the codes (and refusing limits) of `errors`. */
export function recordErrors(record: OperationRecord, errors: readonly GraphQLError[] | undefined): void {
  for (const error of errors ?? []) {
    const extensions = (error.extensions ?? {}) as { code?: unknown; limit?: unknown };
    const code = typeof extensions.code === 'string' ? extensions.code : 'ERROR';
    record.errorCodes.add(code);
    if ((code === QUERY_TOO_COMPLEX || code === RATE_LIMITED) && typeof extensions.limit === 'string') record.refusedBy.add(extensions.limit);
  }
}

export interface OperationLogHooks {
  /** A subscription's stream started (SSE or graphql-ws); `ended` when it is over. */
  subscriptionStarted(): { ended(): void };
}

const recordOf = (context: unknown) => (context as { operationLog?: OperationRecord } | undefined)?.operationLog;

export function useOperationLog(hooks: OperationLogHooks): Plugin<Record<string, unknown>> {
  return {
    onParse({ context }) {
      const record = recordOf(context);
      if (!record) return;
      record.seen = true;
      return ({ result }) => {
        if (!result || result instanceof Error) return;
        const operationName = (context as { params?: { operationName?: string | null } }).params?.operationName;
        const operation = getOperationAST(result as DocumentNode, operationName);
        record.type = operation?.operation;
        record.name = operation?.name?.value;
      };
    },
    onValidate({ context }) {
      // After the operation limits' own hook (this plugin comes later), which puts the cost on the context.
      return () => {
        const record = recordOf(context);
        const cost = (context as { cost?: unknown }).cost;
        if (record && typeof cost === 'number') record.cost = cost;
      };
    },
    onExecute({ args }) {
      const record = recordOf(args.contextValue);
      if (!record) return;
      return {
        onExecuteDone({ result }) {
          if (!isAsyncIterable(result)) recordErrors(record, (result as ExecutionResult).errors);
        },
      };
    },
    onSubscribe({ args }) {
      const record = recordOf(args.contextValue);
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            if (record) recordErrors(record, (result as ExecutionResult).errors);
            return;
          }
          const stream = hooks.subscriptionStarted();
          return {
            onNext: ({ result: event }) => {
              if (record) recordErrors(record, (event as ExecutionResult).errors);
            },
            onEnd: () => stream.ended(),
          };
        },
      };
    },
    // HTTP only: every answer goes through here, the ones refused before execution included.
    onResultProcess({ result, serverContext }) {
      const record = recordOf(serverContext);
      if (!record) return;
      record.seen = true;
      for (const one of Array.isArray(result) ? result : [result]) {
        if (!isAsyncIterable(one)) recordErrors(record, (one as ExecutionResult).errors);
      }
    },
  };
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
