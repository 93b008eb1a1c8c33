// Who may call at all: every operation needs a valid token (an API token or a JWT), a request
// without one gets HTTP 401 and reads or changes nothing, and the open pages stay open.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Project } from '../../src/db/entities/project.js';
import { Reseller } from '../../src/db/entities/reseller.js';
import { hashToken, revokeToken, viewerForToken } from '../../src/domain/tokens.js';
import { isLoopback } from '../../src/server.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { createCatalog, gid, unique } from '../helpers/fixtures.js';

const JWT_SECRET = 'a-test-secret-that-is-long-enough-for-hs256';
const PROBE = '{ images(first: 1) { totalCount } }';

/** A raw POST to the in-process server: the status and headers matter here. */
async function post(t: TestApp, query: string, headers: Record<string, string> = {}) {
  const response = await t.app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as { data?: any; errors?: any[] } };
}

function expectUnauthenticated(result: Awaited<ReturnType<typeof post>>, message: string | RegExp) {
  expect(result.status).toBe(401);
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  expect(result.body.data ?? null).toBeNull();
  expect(result.body.errors).toHaveLength(1);
  expect(result.body.errors![0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'UNAUTHENTICATED' } });
  // The status travels in the HTTP response, not in the body.
  expect(result.body.errors![0].extensions.http).toBeUndefined();
}

/** A JWKS endpoint on loopback, as an identity provider would publish one. */
async function startJwksServer(jwks: unknown): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`, server };
}

describe('authentication', () => {
  let t: TestApp;
  let jwks: { url: string; server: Server };
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let project: Project;
  let reseller: Reseller;
  let resoldProject: Project;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    jwks = await startJwksServer({ keys: [{ ...(await exportJWK(rsa.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
    t = await startTestApp({ JWT_SECRET, JWKS_URL: jwks.url, JWT_ISSUER: 'https://id.example', JWT_AUDIENCE: 'image-catalog' });
    project = (await createCatalog(t.app)).project;
    const em = t.app.orm.em.fork();
    reseller = em.create(Reseller, { name: unique('reseller') });
    resoldProject = em.create(Project, { name: unique('client'), reseller });
    await em.flush();
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => jwks?.server.close(resolve));
  });

  describe('without a valid token', () => {
    it('answers 401 with a GraphQL error body when no token is sent', async () => {
      expectUnauthenticated(await post(t, PROBE), 'Authentication required: send Authorization: Bearer <token>');
    });

    it('answers 401 to a GET query without a token, too', async () => {
      const response = await t.app.yoga.fetch(`http://localhost/graphql?query=${encodeURIComponent(PROBE)}`, {
        headers: { accept: 'application/graphql-response+json' },
      });
      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('changes nothing when a mutation is sent without a token', async () => {
      const before = await t.snapshot('project', 'region', 'api_token');
      const result = await post(t, 'mutation { projectCreate(input: { name: "anonymous-was-here" }) { __typename } }');
      expectUnauthenticated(result, /Authentication required/);
      expect(await t.snapshot('project', 'region', 'api_token')).toEqual(before);
    });

    it('answers 401 to an unknown token, a scheme other than Bearer and an empty X-Auth-Token', async () => {
      expectUnauthenticated(await post(t, PROBE, { authorization: 'Bearer icg_not-a-real-token' }), 'The token is not valid');
      expectUnauthenticated(await post(t, PROBE, { authorization: `Basic ${btoa(`admin:${t.adminToken}`)}` }), /Authentication required/);
      expectUnauthenticated(await post(t, PROBE, { 'x-auth-token': ' ' }), /Authentication required/);
      expect((await t.as('icg_wrong').requestRaw(PROBE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.as(null).requestRaw(PROBE)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('tells the caller the token is invalid without saying which part failed', async () => {
      const result = await post(t, PROBE, { authorization: 'Bearer x' });
      expect(result.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
      expect(result.body.errors![0].message).toBe('The token is not valid');
    });
  });

  describe('API tokens', () => {
    it('lets the ADMIN_TOKEN in', async () => {
      const result = await post(t, PROBE, { authorization: `Bearer ${t.adminToken}` });
      expect(result.status).toBe(200);
      expect(result.body.errors).toBeUndefined();
      expect(result.body.data.images.totalCount).toBe(0);
    });

    it('accepts X-Auth-Token as Glance and PCD clients send it', async () => {
      const result = await post(t, PROBE, { 'x-auth-token': t.adminToken });
      expect(result.status).toBe(200);
      expect(result.body.data.images.totalCount).toBe(0);
    });

    it('stops a revoked token on the very next request', async () => {
      const token = await t.tokenFor({ role: 'ADMIN' });
      expect((await post(t, PROBE, { authorization: `Bearer ${token}` })).status).toBe(200);
      const em = t.app.orm.em.fork();
      const [row] = await em.getConnection().execute<{ id: string }[]>(
        "select id from api_token where name = 'test admin' and revoked_at is null order by created_at desc limit 1",
      );
      await revokeToken(em, row!.id);
      expectUnauthenticated(await post(t, PROBE, { authorization: `Bearer ${token}` }), 'The token is not valid');
    });

    it('makes a read-only member token a read-only member of its project', async () => {
      const token = await t.tokenFor({ role: 'MEMBER', projectId: project.id, readOnly: true });
      expect(await viewerForToken(t.app.orm.em.fork(), token)).toEqual({
        kind: 'member',
        projectId: project.id,
        resellerId: null,
        readOnly: true,
      });
      const result = await t.as(token).requestRaw(PROBE);
      expect(result.errors).toBeUndefined();
      expect(result.data!.images.totalCount).toBe(0);
    });

    it("gives a member the reseller of its project, and a reseller token its reseller", async () => {
      const member = await t.tokenFor({ role: 'member', projectId: resoldProject.id });
      expect(await viewerForToken(t.app.orm.em.fork(), member)).toEqual({
        kind: 'member',
        projectId: resoldProject.id,
        resellerId: reseller.id,
        readOnly: false,
      });
      const resellerToken = await t.tokenFor({ role: 'RESELLER', resellerId: reseller.id });
      expect(await viewerForToken(t.app.orm.em.fork(), resellerToken)).toEqual({ kind: 'reseller', resellerId: reseller.id });
    });

    it('finds a token with one SQL statement', async () => {
      const token = await t.tokenFor({ role: 'MEMBER', projectId: resoldProject.id });
      expect(await t.countStatements(() => viewerForToken(t.app.orm.em.fork(), token))).toBe(1);
    });

    it('issues tokens that start with icg_ and carry 256 random bits', async () => {
      const token = await t.tokenFor({ role: 'ADMIN' });
      expect(token).toMatch(/^icg_[A-Za-z0-9_-]{43}$/);
    });
  });

  describe('JWTs', () => {
    const hs256 = (claims: Record<string, unknown>, options: { expiresIn?: string | number; secret?: string; issuer?: string } = {}) => {
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuedAt()
        .setIssuer(options.issuer ?? 'https://id.example')
        .setAudience('image-catalog');
      if (options.expiresIn !== undefined) jwt = jwt.setExpirationTime(options.expiresIn);
      return jwt.sign(new TextEncoder().encode(options.secret ?? JWT_SECRET));
    };
    const as = async (jwt: string) => post(t, PROBE, { authorization: `Bearer ${jwt}` });

    it('accepts an HS256 token signed with JWT_SECRET', async () => {
      const result = await as(await hs256({ role: 'admin' }, { expiresIn: '5m' }));
      expect(result.status).toBe(200);
      expect(result.body.data.images.totalCount).toBe(0);
    });

    it('accepts a member JWT naming its project by uuid or by global id, read-only or not', async () => {
      for (const projectId of [project.id, gid('Project', project.id)]) {
        const result = await as(await hs256({ role: 'member', project_id: projectId, read_only: true }, { expiresIn: '5m' }));
        expect(result.body.errors).toBeUndefined();
      }
      expect((await as(await hs256({ role: 'reseller', reseller_id: reseller.id }, { expiresIn: '5m' }))).status).toBe(200);
    });

    it('refuses an expired token', async () => {
      const expired = await hs256({ role: 'admin' }, { expiresIn: Math.floor(Date.now() / 1000) - 60 });
      expectUnauthenticated(await as(expired), 'The token has expired');
    });

    it('refuses a token signed with another secret, or with its payload changed', async () => {
      expectUnauthenticated(await as(await hs256({ role: 'admin' }, { expiresIn: '5m', secret: `${JWT_SECRET}-other` })), 'The token is not valid');
      const [header, , signature] = (await hs256({ role: 'member', project_id: project.id }, { expiresIn: '5m' })).split('.');
      const forged = Buffer.from(JSON.stringify({ role: 'admin', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
      expectUnauthenticated(await as(`${header}.${forged}.${signature}`), 'The token is not valid');
    });

    it('refuses an unsigned token (alg none)', async () => {
      const header = Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url');
      const payload = Buffer.from(JSON.stringify({ role: 'admin', exp: Math.floor(Date.now() / 1000) + 300 })).toString('base64url');
      expectUnauthenticated(await as(`${header}.${payload}.e30`), 'The token is not valid');
    });

    it('refuses bad claims: no expiry, another issuer, an unknown role, a member without a known project', async () => {
      const bad = [
        await hs256({ role: 'admin' }),
        await hs256({ role: 'admin' }, { expiresIn: '5m', issuer: 'https://evil.example' }),
        await hs256({ role: 'root' }, { expiresIn: '5m' }),
        await hs256({ role: 'member' }, { expiresIn: '5m' }),
        await hs256({ role: 'member', project_id: '01900000-0000-7000-8000-000000000000' }, { expiresIn: '5m' }),
        await hs256({ role: 'member', project_id: encodeGlobalID('Region', project.id) }, { expiresIn: '5m' }),
        await hs256({ role: 'member', project_id: project.id, read_only: 'yes' }, { expiresIn: '5m' }),
        await hs256({ role: 'reseller', reseller_id: project.id }, { expiresIn: '5m' }),
      ];
      for (const jwt of bad) expectUnauthenticated(await as(jwt), 'The token is not valid');
    });

    it('accepts an RS256 token whose key is published at JWKS_URL, and refuses one from an unknown key', async () => {
      const sign = (key: CryptoKey, kid: string) =>
        new SignJWT({ role: 'member', project_id: project.id })
          .setProtectedHeader({ alg: 'RS256', kid })
          .setIssuer('https://id.example')
          .setAudience('image-catalog')
          .setExpirationTime('5m')
          .sign(key);
      const good = await as(await sign(rsa.privateKey, 'k1'));
      expect(good.status).toBe(200);
      expect(good.body.errors).toBeUndefined();
      const stranger = await generateKeyPair('RS256');
      expectUnauthenticated(await as(await sign(stranger.privateKey, 'k1')), 'The token is not valid');
      expectUnauthenticated(await as(await sign(stranger.privateKey, 'k2')), 'The token is not valid');
    });

    it('refuses an HS256 token signed with the public key of the JWKS (algorithm confusion)', async () => {
      const jwk = await exportJWK(rsa.publicKey);
      const confused = await hs256({ role: 'admin' }, { expiresIn: '5m', secret: JSON.stringify(jwk) });
      expectUnauthenticated(await as(confused), 'The token is not valid');
    });
  });

  describe('open endpoints', () => {
    it('serves the GraphiQL page without a token, pre-filled with ADMIN_TOKEN on loopback', async () => {
      const page = await t.app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<title>Image catalog</title>');
      expect(html).toContain(t.adminToken);
    });

    it('leaves the token out of a page asked for by another name or through a proxy', async () => {
      // DNS rebinding: a foreign name that resolves to 127.0.0.1.
      const rebound = await t.app.yoga.fetch('http://attacker.example/graphql', { headers: { accept: 'text/html' } });
      expect(await rebound.text()).not.toContain(t.adminToken);
      const proxied = await t.app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html', 'x-forwarded-for': '203.0.113.7' } });
      expect(await proxied.text()).not.toContain(t.adminToken);
    });

    it('serves /healthz and /readyz without a token', async () => {
      const open = await startTestApp({ PORT: '0' });
      try {
        const url = await open.app.start();
        expect((await fetch(url.replace('/graphql', '/healthz'))).status).toBe(200);
        expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
        expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: PROBE }) })).status).toBe(401);
      } finally {
        await open.close();
      }
    });

    it('never pre-fills a token in a GraphiQL page served beyond loopback', async () => {
      const exposed = await startTestApp({ HOST: '0.0.0.0' });
      try {
        const page = await exposed.app.yoga.fetch('http://localhost/graphql', { headers: { accept: 'text/html' } });
        expect(page.status).toBe(200);
        expect(await page.text()).not.toContain(exposed.adminToken);
      } finally {
        await exposed.close();
      }
    });

    it('knows which hosts are loopback', () => {
      for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopback(host), host).toBe(true);
      for (const host of ['0.0.0.0', '::', '10.0.0.1', '128.0.0.1', 'example.com', '127.example.com']) expect(isLoopback(host), host).toBe(false);
    });
  });

  describe('configuration', () => {
    it('refuses a short JWT_SECRET and a JWKS_URL that is not http(s)', () => {
      expect(() => loadConfig({ JWT_SECRET: 'too-short' })).toThrow(/JWT_SECRET: must be at least 32 characters/);
      expect(() => loadConfig({ JWKS_URL: 'file:///etc/jwks.json' })).toThrow(/JWKS_URL/);
      // Keys fetched in clear from another host could be swapped on the way.
      expect(() => loadConfig({ JWKS_URL: 'http://id.example/jwks.json' })).toThrow(/JWKS_URL: must be https/);
      expect(loadConfig({ JWKS_URL: 'http://127.0.0.1:8080/jwks.json' }).jwt.jwksUrl).toBe('http://127.0.0.1:8080/jwks.json');
      expect(() => loadConfig({ ADMIN_TOKEN: 'short-admin-token' })).toThrow(/ADMIN_TOKEN: must be at least 32 characters/);
      expect(loadConfig({ JWKS_URL: 'https://id.example/jwks.json', JWT_AUDIENCE: 'catalog' }).jwt).toEqual({
        secret: undefined,
        jwksUrl: 'https://id.example/jwks.json',
        issuer: undefined,
        audience: 'catalog',
      });
    });
  });

  describe('with the identity provider down', () => {
    it('answers 503, not 401 or a fault, when the keys cannot be fetched', async () => {
      // Port 9 on loopback: nothing listens, the connection is refused at once.
      const down = await startTestApp({ JWKS_URL: 'http://127.0.0.1:9/jwks.json' });
      try {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        const token = `${part({ alg: 'RS256', kid: 'k1' })}.${part({ role: 'admin', exp: Math.floor(Date.now() / 1000) + 60 })}.${part({ sig: 1 })}`;
        const response = await down.app.yoga.fetch('http://localhost/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ images(first: 1) { totalCount } }' }),
        });
        expect(response.status).toBe(503);
        const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
        expect(body.errors[0]!.extensions.code).toBe('UNAVAILABLE');
      } finally {
        await down.close();
      }
    });
  });

  describe('with JWTs not configured', () => {
    it('treats a JWT-shaped token as an opaque one, which is unknown', async () => {
      const plain = await startTestApp();
      try {
        const jwt = await new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('5m').sign(new TextEncoder().encode(JWT_SECRET));
        expectUnauthenticated(await post(plain, PROBE, { authorization: `Bearer ${jwt}` }), 'The token is not valid');
      } finally {
        await plain.close();
      }
    });
  });

  describe('secrets at rest', () => {
    it('keeps no plaintext token or image password anywhere in the database', async () => {
      const { region } = await createCatalog(t.app);
      const tokens = [t.adminToken, await t.tokenFor({ role: 'MEMBER', projectId: project.id }), await t.tokenFor({ role: 'RESELLER', resellerId: reseller.id })];
      const password = `pw-${unique('secret')}-never-stored-plain`;
      const created = await t.requestRaw(
        `mutation($input: ImageCreateInput!) { imageCreate(input: $input) { __typename ... on ImageCreatePayload { image { hasPassword } } } }`,
        { input: { name: unique('with-password'), regionId: gid('Region', region.id), username: 'root', password } },
      );
      expect(created.data?.imageCreate).toEqual({ __typename: 'ImageCreatePayload', image: { hasPassword: true } });

      const knex = t.app.orm.em.getConnection().getKnex();
      const tables: { table_name: string }[] = await knex
        .select('table_name')
        .from('information_schema.tables')
        .where({ table_schema: 'public', table_type: 'BASE TABLE' });
      expect(tables.map((table) => table.table_name)).toEqual(expect.arrayContaining(['api_token', 'image']));
      let dump = '';
      for (const { table_name } of tables) dump += JSON.stringify(await knex.select('*').from(table_name));
      // The dump holds the rows in question: the tokens as hashes.
      for (const token of tokens) expect(dump).toContain(hashToken(token));
      for (const secret of [...tokens, password]) expect(dump.includes(secret), 'a plaintext secret is stored').toBe(false);
    });
  });
});
