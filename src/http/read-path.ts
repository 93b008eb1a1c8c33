// The compiled read path, in front of Yoga: a GraphQL request it can answer (a query the planner
// covers, in JSON, from a caller admitted like any other) is answered here from one statement per
// root field, written straight into JSON. Everything else goes to Yoga, which answers
// as it always has, errors included. The same limits, cost, admission (token, rate), request log
// and metrics apply on both paths: the limits and cost are the same functions, admission happens
// once (a request handed on carries its outcome), and the request's log record says which path
// answered it.
//
// In front rather than inside: Yoga's own per-request work (its Request and Response objects, the
// envelop phases) costs more than a compiled page does, and a single image could never be served
// at twice PostGraphile's rate behind it.
import { type DocumentNode, type GraphQLSchema, getOperationAST, getVariableValues, validate } from 'graphql';
import type { ReferenceCache } from '../domain/reference-cache.js';
import type { Viewer } from '../domain/viewer.js';
import { Unanswerable, executePlan } from '../compiled/execute.js';
import { type Plan, Unplannable, planOperation } from '../compiled/plan.js';
import { rowsById } from '../compiled/rows-by-id.js';
import type { Statements } from '../compiled/statements.js';
import { type Gate, admit } from './admission.js';
import type { LimitChecks } from './use-operation-limits.js';
import type { OperationRecord } from './use-operation-log.js';
import type { Logger } from '../logger.js';

/** What the read path sees of a request, whatever carried it (node's http, a fetch Request). */
export interface ReadRequest {
  method: string;
  /** The request target: path and query string. */
  url: string;
  header(name: string): string | undefined;
  /** The body, for a POST (the adapter reads it only when `wants` said so). */
  body?: string;
  address: string | undefined;
}

export type ReadOutcome =
  | { answered: true; status: number; headers: Record<string, string>; body: Buffer<ArrayBuffer> }
  /** Yoga answers; `admitted` is the admission already made (its rate already charged), if any. */
  | { answered: false; admitted?: Promise<Viewer> };

export interface ReadPathOptions {
  schema: GraphQLSchema;
  limits: LimitChecks;
  gate: Gate;
  statements: Statements;
  references: ReferenceCache;
  graphqlPath: string;
  /** Yoga's cap on a GraphQL body; larger ones go to Yoga, which refuses them. */
  maxBodyBytes: number;
  logger: Logger;
}

export interface ReadPath {
  /** Whether the request may be one the read path answers: then its body is worth reading. */
  wants(method: string, url: string, header: (name: string) => string | undefined): boolean;
  answer(request: ReadRequest, record: OperationRecord): Promise<ReadOutcome>;
}

/** A document seen before: the plan of each of its operations, or why Yoga must answer it. */
interface DocumentEntry {
  document: DocumentNode | undefined;
  plans: Map<string, Plan | null>;
  /** Why an operation has no plan. */
  unplannable: Map<string, string>;
}

const MAX_DOCUMENTS = 1000;
const MAX_CACHED_QUERY_LENGTH = 100_000;
const JSON_MEDIA = /^application\/(?:graphql\+)?json\s*(?:;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;
const BODY_KEYS = new Set(['query', 'variables', 'operationName', 'extensions']);
const GET_PARAMETERS = ['query', 'operationName', 'variables', 'extensions'];


/** Media types of Yoga's processor for results that are not streams, in its order. */
const REGULAR_TYPES = ['application/graphql-response+json', 'application/json'];

/**
 * The media type Yoga answers a query's result in, for this Accept header: its own choice (the
 * requested types reversed, the last match winning; its regular processor comes after the stream
 * ones, so it wins whenever it matches). Undefined: only a stream processor would answer.
 */
function regularMediaType(accept: string | undefined): string | undefined {
  let chosen: string | undefined;
  const requested = (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',').reverse();
  for (const entry of requested) {
    const [asked = '', ...params] = entry.split(';');
    // Only utf-8 is answered; none named means utf-8.
    if ((params.find((param) => param.includes('charset=')) ?? 'charset=utf-8') !== 'charset=utf-8') continue;
    const [askedPre, askedSuf] = asked.split('/');
    for (const type of REGULAR_TYPES) {
      const [pre, suf] = type.split('/');
      if ((askedPre === '*' || pre === askedPre) && (askedSuf === '*' || suf === askedSuf)) chosen = type;
    }
  }
  return chosen;
}

function parameters(request: ReadRequest): { query: string; operationName?: string; variables?: Record<string, unknown> } | undefined {
  let params: Record<string, unknown>;
  if (request.method === 'POST') {
    try {
      params = JSON.parse(request.body ?? '');
    } catch {
      return undefined;
    }
    if (params === null || typeof params !== 'object' || Array.isArray(params) || Object.keys(params).some((key) => !BODY_KEYS.has(key))) return undefined;
  } else {
    const search = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
    params = {};
    for (const name of GET_PARAMETERS) {
      const values = search.getAll(name);
      if (values.length > 1) return undefined;
      if (values[0]) params[name] = values[0];
    }
    for (const name of ['variables', 'extensions']) {
      if (params[name] === undefined) continue;
      try {
        params[name] = JSON.parse(params[name] as string);
      } catch {
        return undefined;
      }
    }
  }
  const { query, operationName, variables, extensions } = params;
  if (typeof query !== 'string') return undefined;
  if (operationName != null && typeof operationName !== 'string') return undefined;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) return undefined;
  if (extensions != null && (typeof extensions !== 'object' || Array.isArray(extensions))) return undefined;
  return {
    query,
    ...(typeof operationName === 'string' && { operationName }),
    ...(variables != null && { variables: variables as Record<string, unknown> }),
  };
}

export function createReadPath(options: ReadPathOptions): ReadPath {
  const { schema, limits, statements } = options;
  const byId = rowsById(statements);
  const documents = new Map<string, DocumentEntry>();

  const entryOf = (query: string): DocumentEntry => {
    let entry = documents.get(query);
    if (entry) {
      // Least recently used last out: touched entries move to the end.
      documents.delete(query);
      documents.set(query, entry);
      return entry;
    }
    let document: DocumentNode | undefined;
    try {
      document = limits.parse(query);
      if (limits.refusals(schema, document).length || validate(schema, document).length) document = undefined;
    } catch {
      document = undefined;
    }
    entry = { document, plans: new Map(), unplannable: new Map() };
    if (query.length <= MAX_CACHED_QUERY_LENGTH) {
      if (documents.size >= MAX_DOCUMENTS) documents.delete(documents.keys().next().value!);
      documents.set(query, entry);
    }
    return entry;
  };

  // Plans are kept per operation of the document, so only for a name the document defines: a
  // client making up names must not grow the cache.
  const planOf = (entry: DocumentEntry, operationName: string | undefined): Plan | null => {
    const key = operationName ?? '';
    let plan = entry.plans.get(key);
    if (plan === undefined) {
      if (!getOperationAST(entry.document!, operationName)) return null;
      try {
        plan = planOperation(schema, entry.document!, operationName);
      } catch (error) {
        // A fault of the planner is logged (once for a document kept in the cache); the general path answers it.
        if (!(error instanceof Unplannable)) options.logger.error({ err: error, operationName }, 'planning for the compiled read path failed');
        plan = null;
        entry.unplannable.set(key, error instanceof Unplannable ? error.message : 'a fault of the planner');
      }
      entry.plans.set(key, plan);
    }
    return plan;
  };

  return {
    wants(method, url, header) {
      if (url.split('?')[0] !== options.graphqlPath) return false;
      if (regularMediaType(header('accept')) === undefined) return false;
      if (method === 'GET') return true;
      if (method !== 'POST' || !JSON_MEDIA.test(header('content-type') ?? '') || header('transfer-encoding') !== undefined) return false;
      // A body of a length it says, within Yoga's cap (a fetch Request says none: its body is in hand).
      const declared = header('content-length');
      const length = Number(declared);
      return declared === undefined || (Number.isSafeInteger(length) && length <= options.maxBodyBytes);
    },

    async answer(request, record) {
      const handOn = (why: string): ReadOutcome => {
        record.handedOn = why;
        return { answered: false };
      };
      if (request.body !== undefined && Buffer.byteLength(request.body) > options.maxBodyBytes) return handOn('a body over the limit');
      const params = parameters(request);
      if (!params) return handOn('parameters not as the compiled path takes them');
      const entry = entryOf(params.query);
      if (!entry.document) return handOn('a document that does not parse or validate');
      const plan = planOf(entry, params.operationName);
      if (!plan) return handOn(`unplannable: ${entry.unplannable.get(params.operationName ?? '') ?? 'no such operation'}`);
      const media = regularMediaType(request.header('accept'));
      if (!media) return handOn('a media type only Yoga answers');

      const operation = getOperationAST(entry.document, params.operationName)!;
      const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], params.variables ?? {});
      if (coerced.errors) return handOn('variables that do not coerce');
      const cost = limits.cost({ schema, document: entry.document, operationName: params.operationName, variables: params.variables, coercedVariables: coerced.coerced });
      if (typeof cost !== 'number') return handOn(`refused (${String(cost.extensions.limit ?? cost.extensions.code ?? 'cost')})`);
      record.seen = true;
      record.type = 'query';
      record.name = operation.name?.value;
      record.cost = cost;

      const headers = { get: (name: string) => request.header(name) ?? null };
      const admitted = admit({ headers }, options.gate, {
        cost,
        address: request.address,
        onAuthenticated(viewer) {
          record.principal = viewer.kind;
        },
      });
      let viewer: Viewer;
      try {
        viewer = await admitted;
      } catch {
        record.handedOn = 'not admitted';
        return { answered: false, admitted };
      }
      let body: string;
      try {
        body = await executePlan(plan, { viewer, variables: coerced.coerced, statements, rowsById: byId, references: options.references });
      } catch (error) {
        // Unanswerable: the general path answers, with its error. A fault is logged (a bug here
        // must not hide behind the general path's answer), and the general path answers as it does.
        if (!(error instanceof Unanswerable)) options.logger.error({ err: error, operationName: record.name }, 'compiled read path failed; the general path answers');
        record.handedOn = error instanceof Unanswerable ? `unanswerable: ${error.message}` : 'a fault';
        return { answered: false, admitted };
      }
      record.readPath = 'compiled';
      // Encoded once here: a string would be measured, then joined to the headers and encoded again.
      const bytes = Buffer.from(body);
      return {
        answered: true,
        status: 200,
        headers: { 'content-type': `${media}; charset=utf-8`, 'content-length': String(bytes.length) },
        body: bytes,
      };
    },
  };
}
