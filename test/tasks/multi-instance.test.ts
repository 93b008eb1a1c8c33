// Gateways and workers scale apart: two gateway processes (no workers) and one worker process on
// one PostgreSQL and one Redis. A subscriber on gateway A sees, within 2 s, every status change
// of an import requested through gateway B and carried out by the worker. Needs PostgreSQL
// (TEST_DATABASE_URL) and Redis (REDIS_URL).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { type TestDatabase, createTestDatabase } from '../helpers/database.js';
import { qcow2 } from '../helpers/disk-images.js';
import { unique } from '../helpers/fixtures.js';
import { subscribeWs, untilSomethingArrives, wsClient } from '../helpers/live.js';
import { type ServiceProcess, startService } from '../helpers/processes.js';

const WatchRegionAcross = graphql(`
  subscription AcrossWatchRegion($filter: ImageStatusFilter) {
    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }
  }
`);
const DISK = qcow2(4 * 1024 ** 3, 512 * 1024);

describe.skipIf(!process.env.TEST_DATABASE_URL || !process.env.REDIS_URL)('two gateways and a worker on PostgreSQL and Redis', () => {
  let database: TestDatabase;
  let source: Server;
  let storeDir: string;
  const adminToken = `multi-${randomBytes(24).toString('hex')}`;
  const processes: ServiceProcess[] = [];
  let gatewayA: string;
  let gatewayB: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    storeDir = await mkdtemp(join(tmpdir(), 'multi-instance-'));
    source = createServer((_req, res) => void res.writeHead(200, { 'content-length': DISK.length }).end(DISK));
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    const shared = {
      DATABASE_URL: database.url!,
      DATA_DIR: 'memory://',
      SEED_DEMO: 'false',
      ADMIN_TOKEN: adminToken,
      REDIS_URL: process.env.REDIS_URL!,
      IMAGE_STORE_DIR: storeDir,
      IMPORT_ALLOWED_HOSTS: '127.0.0.1/32',
      HOST: '127.0.0.1',
      PORT: '0',
    };
    // Started together: the first to take the migration lock migrates, the others wait.
    const a = startService('main', { ...shared, WORKERS: '0' });
    const b = startService('main', { ...shared, WORKERS: '0' });
    const worker = startService('worker', { ...shared, WORKERS: '1' });
    processes.push(a, b, worker);
    const listening = /GraphQL and GraphiQL at ([^\s"]+)/;
    [gatewayA, gatewayB] = await Promise.all([a.waitFor(listening, 60_000), b.waitFor(listening, 60_000)]).then((found) => found.map((match) => match[1]!));
    await worker.waitFor(/Image catalog worker/, 60_000);
  }, 90_000);
  afterAll(async () => {
    await Promise.all(processes.map((service) => service.stop()));
    source?.close();
    await database?.drop();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  const send = async (url: string, query: string, variables: Record<string, unknown>) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return ((await response.json()) as { data: Record<string, any> }).data;
  };

  it('delivers every status change to a subscriber of the other gateway within 2 s', async () => {
    expect(gatewayA).not.toBe(gatewayB);
    const region = (
      await send(gatewayB, 'mutation ($input: RegionCreateInput!) { regionCreate(input: $input) { ... on RegionCreatePayload { region { id } } } }', {
        input: { slug: unique('multi').toLowerCase(), name: 'Multi' },
      })
    ).regionCreate.region.id;
    const client = wsClient(gatewayA, adminToken);
    const watching = subscribeWs(client, WatchRegionAcross, { filter: { regionId: region } });
    try {
      // Listening once an image registered through B shows up on A.
      await untilSomethingArrives(watching.results, async () => {
        await send(gatewayB, 'mutation ($input: ImageCreateInput!) { imageCreate(input: $input) { __typename } }', { input: { name: unique('probe'), regionId: region } });
      });
      const url = `http://127.0.0.1:${(source.address() as AddressInfo).port}/disk.qcow2`;
      const started = (
        await send(gatewayB, 'mutation ($input: ImageImportInput!) { imageImport(input: $input) { ... on ImageImportPayload { image { id } } } }', {
          input: { name: unique('across'), regionId: region, url },
        })
      ).imageImport.image.id;
      const seen: { change: string; delayMs: number }[] = [];
      while (seen.at(-1)?.change !== 'IMPORTING -> ACTIVE') {
        const event = (await watching.results.next(10_000)).data!.imageStatusChanged;
        if (event.image.id !== started) continue;
        seen.push({ change: `${event.previousStatus ?? 'new'} -> ${event.status}`, delayMs: Date.now() - Date.parse(event.at as string) });
      }
      expect(seen.map((event) => event.change)).toEqual(['new -> QUEUED', 'QUEUED -> IMPORTING', 'IMPORTING -> ACTIVE']);
      for (const { change, delayMs } of seen) expect(delayMs, change).toBeLessThan(2_000);
    } finally {
      await watching.close();
      await client.dispose();
    }
  }, 60_000);
});
