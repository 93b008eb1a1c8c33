// Requests a client can shape, sent as bytes to the real server: every one that cannot be served
// gets a 4xx with a GraphQL error body and none of the server's own text (stack frames, module
// paths, parser messages), over HTTP and graphql-ws.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { INTERNAL_TEXT, rawRequest } from '../helpers/raw-http.js';


function get(target: string, headers = 'Host: localhost\r\n'): string {
  return `GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`;
}

function post(contentType: string | null, body: string, extra = ''): string {
  const type = contentType === null ? '' : `Content-Type: ${contentType}\r\n`;
  return `POST /graphql HTTP/1.1\r\nHost: localhost\r\n${type}Content-Length: ${Buffer.byteLength(body)}\r\n${extra}Connection: close\r\n\r\n${body}`;
}

describe('requests the gateway refuses', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', WORKERS: '0' });
    port = Number(new URL(await t.app.start()).port);
  });
  afterAll(() => t?.close());

  const refusals: [string, string, number, RegExp][] = [
    ['malformed variables in a GET', get('/graphql?query={__typename}&variables=x'), 400, /"variables" parameter is not valid JSON/],
    ['variables that are not an object', get('/graphql?query={__typename}&variables=[1]'), 400, /must be a JSON object/],
    ['extensions that are a number', get('/graphql?query={__typename}&extensions=1'), 400, /must be a JSON object/],
    ['a parameter given twice', get('/graphql?query={__typename}&query={__typename}'), 400, /given 2 times/],
    ['the * target', get('*'), 400, /must be a path/],
    ['the * target with a Host port', get('*', 'Host: localhost:80\r\n'), 400, /must be a path/],
    ['an absolute-form target', get('http://elsewhere/graphql?query={__typename}'), 400, /must be a path/],
    ['a target starting with //', get('//elsewhere/graphql'), 400, /must be a path/],
    ['a Host with a bracket', get('/graphql?query={__typename}', 'Host: [zz\r\n'), 400, /Host header/],
    ['a Host with a space', get('/healthz', 'Host: a b\r\n'), 400, /Host header/],
    ['a Host with a port past 65535', get('/healthz', 'Host: a:99999\r\n'), 400, /Host header/],
    // With a nested quantifier this one took minutes of the event loop.
    ['a long Host that fails at its end', get('/healthz', `Host: ${'a'.repeat(60)}/\r\n`), 400, /Host header/],
    ['a Host longer than any name', get('/healthz', `Host: ${'a'.repeat(400)}\r\n`), 400, /Host header/],
    ['no Host at all', get('/graphql?query={__typename}', ''), 400, /Host header is missing/],
    ['a text/plain POST', post('text/plain', '{"query":"{__typename}"}'), 415, /Content-Type: application\/json/],
    ['a form POST', post('application/x-www-form-urlencoded', 'query={__typename}'), 415, /Content-Type: application\/json/],
    ['a multipart POST', post('multipart/form-data; boundary=x', '--x--'), 415, /Content-Type: application\/json/],
    ['an application/graphql POST', post('application/graphql', '{__typename}'), 415, /Content-Type: application\/json/],
    ['a POST without a type', post(null, '{"query":"{__typename}"}'), 415, /Content-Type: application\/json/],
    ['a JSON POST in Latin-1', post('application/json; charset=latin1', '{"query":"{__typename}"}'), 415, /UTF-8/],
    ['a body that is not JSON', post('application/json', '{"query":'), 400, /not valid JSON/],
    ['a body that is an array', post('application/json', '[{"query":"{__typename}"}]'), 400, /JSON object/],
    ['an empty body', post('application/json', ''), 400, /empty/],
    ['a body over 1 MiB', post('application/json', `{"query":"${' '.repeat(1024 * 1024)}"}`), 413, /too large/],
    ['a Content-Length that is no number', post('application/json', '{}').replace(/Content-Length: \d+/, 'Content-Length: 1, 2'), 400, /.+/],
    ['an Accept nothing can answer', post('application/json', '{"query":"{__typename}"}', 'Accept: text/html\r\n'), 406, /accept application\/graphql-response\+json/],
    ['a DELETE', 'DELETE /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 405, /GET and POST/],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400, /not valid HTTP/],
    ['headers larger than Node takes', get('/graphql', `Host: localhost\r\nX-Big: ${'a'.repeat(20_000)}\r\n`), 431, /too large/],
  ];

  it.each(refusals)('%s: a 4xx in the GraphQL error format', async (_name, request, status, message) => {
    const response = await rawRequest(port, request);
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(response.body) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(message);
    expect(body.errors[0]!.extensions.code).toMatch(/^[A-Z_]+$/);
    expect(response.body).not.toMatch(INTERNAL_TEXT);
  });

  it('still serves GET and JSON POST with a token', async () => {
    const auth = `Authorization: Bearer ${t.adminToken}\r\n`;
    const viaGet = await rawRequest(port, get('/graphql?query=%7B__typename%7D&variables=%7B%7D', `Host: localhost\r\n${auth}`));
    expect([viaGet.status, JSON.parse(viaGet.body)]).toEqual([200, { data: { __typename: 'Query' } }]);
    const viaPost = await rawRequest(port, post('application/json; charset=utf-8', '{"query":"{__typename}","variables":null}', auth));
    expect([viaPost.status, JSON.parse(viaPost.body)]).toEqual([200, { data: { __typename: 'Query' } }]);
  });

  describe('"Did you mean" suggestions', () => {
    const misspelt = '{ imagez { totalCount } }';
    const messages = async (token: string | null, app = t) => (await app.as(token).requestRaw(misspelt)).errors!.map((e) => e.message);

    it('go to a caller with a valid token', async () => {
      expect(await messages(t.adminToken)).toEqual(['Cannot query field "imagez" on type "Query". Did you mean "image" or "images"?']);
    });

    it('do not go to a caller without one, or with a bad one', async () => {
      expect(await messages(null)).toEqual(['Cannot query field "imagez" on type "Query".']);
      expect(await messages('not-a-token')).toEqual(['Cannot query field "imagez" on type "Query".']);
    });

    it('go to nobody with GRAPHQL_SUGGESTIONS=never, over HTTP and graphql-ws', async () => {
      const strict = await startTestApp({ PORT: '0', WORKERS: '0', GRAPHQL_SUGGESTIONS: 'never' });
      try {
        expect(await messages(strict.adminToken, strict)).toEqual(['Cannot query field "imagez" on type "Query".']);
        const url = await strict.app.start();
        const answer = await wsExchange(url.replace('http', 'ws'), { authorization: `Bearer ${strict.adminToken}` }, misspelt);
        expect(answer).toEqual({ kind: 'error', messages: ['Cannot query field "imagez" on type "Query".'] });
        // A variable refused before execution, whose message would name the value meant.
        const variable = await wsExchange(url.replace('http', 'ws'), { authorization: `Bearer ${strict.adminToken}` }, 'query ($s: [ImageStatus!]) { images(filter: { status: $s }) { totalCount } }', { s: ['ACTIV'] });
        expect(variable).toEqual({ kind: 'error', messages: [expect.stringMatching(/^Variable "\$s" got invalid value "ACTIV"/)] });
        expect(JSON.stringify(variable)).not.toMatch(/Did you mean/);
      } finally {
        await strict.close();
      }
    });
  });

  describe('graphql-ws connectionParams', () => {
    it.each([
      ['a NUL', 'Bearer a\u0000b'],
      ['CR/LF', 'Bearer a\r\nX-Injected: 1'],
      ['a non-Latin-1 character', 'Bearer токен'],
      ['an object', { nested: true }],
    ])('a token holding %s closes the socket 4403, with no internal text', async (_name, authorization) => {
      const answer = await wsExchange(`ws://127.0.0.1:${port}/graphql`, { authorization }, '{ __typename }');
      expect(answer).toEqual({ kind: 'closed', code: 4403, reason: 'Forbidden' });
    });

    it.each(['next', 'error', 'connection_ack'])('a client sending a server-only %s message is closed 4400, not as a fault', async (type) => {
      const payload = type === 'error' ? [{ message: 'x' }] : {};
      const answer = await wsSend(`ws://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${t.adminToken}` }, { id: '1', type, payload });
      expect(answer).toEqual({ code: 4400, reason: `Unexpected message of type ${type} received` });
    });

    it('a valid token still connects', async () => {
      const answer = await wsExchange(`ws://127.0.0.1:${port}/graphql`, { authorization: `Bearer ${t.adminToken}` }, '{ __typename }');
      expect(answer).toEqual({ kind: 'next', payload: { data: { __typename: 'Query' } } });
    });
  });
});

type WsAnswer =
  | { kind: 'closed'; code: number; reason: string }
  | { kind: 'error'; messages: string[] }
  | { kind: 'next'; payload: unknown };

/** connection_init with `payload`, then one subscribe: the first answer that settles it. */
function wsExchange(url: string, payload: unknown, query: string, variables?: Record<string, unknown>): Promise<WsAnswer> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('close', (code, reason) => resolve({ kind: 'closed', code, reason: reason.toString() }));
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; payload?: any };
      if (message.type === 'connection_ack') socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      if (message.type === 'error') resolve({ kind: 'error', messages: message.payload.map((e: { message: string }) => e.message) });
      if (message.type === 'next') resolve({ kind: 'next', payload: message.payload });
      if (message.type !== 'connection_ack') socket.close();
    });
  });
}

/** connection_init with `payload`, then `message` once acknowledged: how the socket closed. */
function wsSend(url: string, payload: unknown, message: unknown): Promise<{ code: number; reason: string }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
    socket.on('message', () => socket.send(JSON.stringify(message)));
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}
