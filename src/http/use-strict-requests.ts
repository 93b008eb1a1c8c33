// How a GraphQL request may arrive, decided before Yoga's own parsers see it: GET with each
// parameter once and JSON-object variables and extensions; POST only as JSON (a form, multipart
// or text/plain body is what a cross-site page can send without a preflight, so it is refused as
// Yoga's CSRF prevention would). Every refusal is a 4xx with a GraphQL error body and no text of
// the parser's own: Yoga answers a malformed `variables` in a GET with 500, and a bad JSON body
// with the JSON parser's message.
import { GraphQLError } from 'graphql';
import type { GraphQLParams, Plugin } from 'graphql-yoga';

const GET_PARAMETERS = ['query', 'operationName', 'variables', 'extensions'] as const;

/** Media types a GraphQL POST body may have (the second is the spec's older name for JSON). */
const JSON_TYPES = new Set(['application/json', 'application/graphql+json']);

function badRequest(message: string, status = 400, code = 'BAD_REQUEST'): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status } } });
}

/** The parameters of a GET: each once at most; variables and extensions JSON objects. */
function parseGetParameters(url: string): GraphQLParams {
  const search = new URLSearchParams(url.slice(url.indexOf('?') + 1 || url.length));
  const params: Record<string, string | undefined> = {};
  for (const name of GET_PARAMETERS) {
    const values = search.getAll(name);
    if (values.length > 1) throw badRequest(`The "${name}" parameter is given ${values.length} times; give it once`);
    params[name] = values[0] || undefined;
  }
  return {
    query: params.query,
    operationName: params.operationName,
    variables: jsonObject('variables', params.variables),
    extensions: jsonObject('extensions', params.extensions),
  };
}

function jsonObject(name: string, text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest(`The "${name}" parameter is not valid JSON`);
  }
  if (value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`The "${name}" parameter must be a JSON object`);
  return value as Record<string, unknown>;
}

/** A POST body: a JSON object, in UTF-8. */
async function parseJsonBody(request: Request): Promise<GraphQLParams> {
  const text = await request.text();
  if (!text.trim()) throw badRequest('The request body is empty; send {"query": "..."} as JSON');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('The request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('The request body must be a JSON object such as {"query": "..."}');
  }
  return body as GraphQLParams;
}

function mediaType(request: Request): { type: string; charset?: string } | undefined {
  const header = request.headers.get('content-type');
  if (!header) return undefined;
  const [type = '', ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  const charset = parameters.find((part) => part.startsWith('charset='))?.slice('charset='.length).replace(/^"|"$/g, '');
  return { type, charset };
}

export function useStrictRequests(): Plugin {
  return {
    onRequestParse({ request, setRequestParser }) {
      if (request.method === 'GET') {
        setRequestParser((get) => parseGetParameters(get.url));
        return;
      }
      if (request.method !== 'POST') return; // Yoga answers 405
      const media = mediaType(request);
      if (!media || !JSON_TYPES.has(media.type)) {
        throw badRequest('A GraphQL POST must have Content-Type: application/json', 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      if (media.charset && media.charset !== 'utf-8') {
        throw badRequest(`The request body must be UTF-8, not ${media.charset}`, 415, 'UNSUPPORTED_MEDIA_TYPE');
      }
      setRequestParser(parseJsonBody);
    },
    onResponse({ response, setResponse, fetchAPI }) {
      // Yoga answers some refusals (406 among them) with no body: give them the error format.
      if (response.status < 400 || response.headers.get('content-type')) return;
      const headers = new fetchAPI.Headers(response.headers);
      headers.set('content-type', 'application/json; charset=utf-8');
      const body = { errors: [{ message: STATUS_MESSAGES[response.status] ?? `HTTP ${response.status}`, extensions: { code: 'BAD_REQUEST' } }] };
      setResponse(new fetchAPI.Response(JSON.stringify(body), { status: response.status, headers }));
    },
  };
}

const STATUS_MESSAGES: Record<number, string> = {
  404: 'Not found',
  405: 'Method not allowed',
  406: 'None of the accepted media types can be answered; accept application/graphql-response+json or application/json',
  415: 'Unsupported media type',
};
