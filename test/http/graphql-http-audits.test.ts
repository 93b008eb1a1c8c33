// The GraphQL-over-HTTP spec's server audits (graphql-http's serverAudits), every one of them,
// against the real server over HTTP with an administrator's token: with the operation limits and
// the rate limit at their defaults, and with the tightest limits the audits' documents allow.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, startTestApp } from '../helpers/app.js';

const AUDIT_COUNT = 61;

describe.each([
  ['the default limits', {}],
  ['tight limits', { MAX_TOKENS: '50', MAX_DEPTH: '2', MAX_ALIASES: '1', MAX_ROOT_FIELDS: '2', MAX_DIRECTIVES: '1', MAX_FIELD_REPEATS: '1', MAX_COST: '20', RATE_LIMIT_COST_PER_SECOND: '1000' }],
])('graphql-http server audits with %s', (_label, limits: Record<string, string>) => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ PORT: '0', WORKERS: '0', RATE_LIMIT_COST_PER_SECOND: '10000', ...limits });
    url = await t.app.start();
  });
  afterAll(() => t?.close());

  it(`passes ${AUDIT_COUNT} of ${AUDIT_COUNT}`, async () => {
    const audits = serverAudits({
      url,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) => {
        const headers = new Headers(init?.headers);
        headers.set('authorization', `Bearer ${t.adminToken}`);
        return fetch(input, { ...init, headers });
      },
    });
    expect(audits).toHaveLength(AUDIT_COUNT);
    const results = [];
    for (const audit of audits) results.push(await audit.fn());
    const failed = results.filter((result) => result.status !== 'ok').map((result) => `${result.id} ${result.name}: ${'reason' in result ? result.reason : ''}`);
    expect(failed).toEqual([]);
  });
});
