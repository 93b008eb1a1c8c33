// One urql client per token: graphcache normalizes every object by its id, so a status or a
// task's progress that arrives over the WebSocket updates every view that shows it.
import { type Cache, cacheExchange } from '@urql/exchange-graphcache';
import { Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { createClient as createWsClient } from 'graphql-ws';
import possibleTypes from './gql/possible-types.js';

/** Types that are values of the object around them: no id, cached inside their parent. */
export const EMBEDDED = [
  ...['Architecture', 'ComputeResource', 'Image', 'OperatingSystem', 'Project', 'Region', 'Reseller', 'Task'].flatMap((node) => [`${node}Connection`, `${node}Edge`]),
  'PageInfo', 'ImageStatusEvent', 'ValidationIssue', 'ImageHardware', 'Viewer',
];

/** `onRefused` runs when the gateway refuses the token (401): the session is over. */
export function createClient(token: string, onRefused: () => void): { client: Client; close(): void } {
  const wsUrl = new URL('/graphql', location.href);
  wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  // A browser cannot set headers on a WebSocket: the gateway reads the token from connection_init.
  const ws = createWsClient({
    url: wsUrl.href,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: true,
    // Live badges must come back after any outage, however long.
    retryAttempts: Infinity,
    on: {
      // The gateway closes a connection it refuses with 4403 (graphql-ws: Forbidden): a refused
      // token, or a caller over its rate. Only HTTP's 401 says which, so it is asked.
      closed: (event) => {
        if ((event as CloseEvent | undefined)?.code === 4403) void confirmRefused(token).then((refused) => refused && onRefused());
      },
    },
  });
  const client = new Client({
    url: '/graphql',
    preferGetMethod: false,
    fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
    exchanges: [
      mapExchange({
        onError(error) {
          if (error.response?.status === 401) onRefused();
        },
      }),
      cacheExchange({
        possibleTypes: possibleTypes.possibleTypes,
        keys: {
          ...Object.fromEntries(EMBEDDED.map((type) => [type, () => null])),
          // Payloads and errors are answers, not records.
          ...Object.fromEntries(Object.values(possibleTypes.possibleTypes).flat().filter((type) => /Payload$|Error$/.test(type)).map((type) => [type, () => null])),
        },
        updates: {
          Mutation: {
            // A new image or task belongs in lists the cache cannot place it in: ask again.
            imageCreate: (_result, _args, cache) => invalidateLists(cache),
            imageImport: (_result, _args, cache) => invalidateLists(cache),
          },
        },
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return { client, close: () => void ws.dispose() };
}

async function confirmRefused(token: string): Promise<boolean> {
  const answer = await fetch('/graphql', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  }).catch(() => undefined);
  return answer?.status === 401;
}

function invalidateLists(cache: Cache) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'images' || field.fieldName === 'tasks') cache.invalidate('Query', field.fieldKey);
  }
}
