// Imports end to end: a real HTTP source on 127.0.0.1 (allowed by IMPORT_ALLOWED_HOSTS), the
// real server and its workers on pg-boss. What arrives is measured and served back byte for byte;
// what must be refused is refused before any task exists; what goes wrong later ends KILLED with
// the reason and leaves no file.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { Task } from '../../src/db/entities/task.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, rawId, unique } from '../helpers/fixtures.js';
import { qcow2, raw } from '../helpers/disk-images.js';
import { graphql } from '../gql/index.js';
import { subscribeSse, subscribeWs, untilSomethingArrives, wsClient } from '../helpers/live.js';
import { waitForTask } from '../helpers/tasks.js';

const WatchRegion = graphql(`
  subscription ImportWatchRegion($filter: ImageStatusFilter) {
    imageStatusChanged(filter: $filter) { image { id } previousStatus status at }
  }
`);

const MAX_BYTES = 1024 * 1024;
const VIRTUAL_SIZE = 20 * 1024 ** 3;
const DISK = qcow2(VIRTUAL_SIZE, 300 * 1024);
for (let i = 512; i < DISK.length; i++) DISK[i] = (i * 13) % 251;
const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

const IMPORT = `mutation ($input: ImageImportInput!) {
  imageImport(input: $input) {
    __typename
    ... on Error { message code }
    ... on UrlRefusedError { field }
    ... on SourceUnavailableError { field }
    ... on ImageImportPayload { image { id status name version sourceUrl } task { id type state } }
  }
}`;
const IMAGE = `query ($id: ID!) {
  image(id: $id) { id status size checksum hashAlgo hashValue virtualSize diskFormat name version
    replicaOf { id } replicas { id status region { slug } checksum } }
}`;

describe('imageImport', () => {
  let t: TestApp;
  let catalog: Catalog;
  let source: Server;
  let origin: string;
  let storeDir: string;
  let graphqlUrl: string;
  const hits = new Map<string, number>();
  let letGo!: () => void;
  const heldBack = new Promise<void>((resolve) => (letGo = resolve));

  beforeAll(async () => {
    source = createServer((req, res) => {
      const path = req.url ?? '/';
      hits.set(path, (hits.get(path) ?? 0) + 1);
      if (path === '/disk.qcow2') return void res.writeHead(200, { 'content-length': DISK.length }).end(DISK);
      if (path === '/big.raw') return void res.writeHead(200).end(raw(MAX_BYTES + 4096));
      if (path === '/flaky.qcow2') {
        // The probe and the first attempt meet a busy server; the retry gets the file.
        if (hits.get(path)! <= 2) return void res.writeHead(503).end('busy');
        return void res.writeHead(200, { 'content-length': DISK.length }).end(DISK);
      }
      if (path === '/always-busy.qcow2') return void res.writeHead(503).end('busy');
      if (path === '/declared-big.raw') return void res.writeHead(200, { 'content-length': MAX_BYTES + 1 }).end();
      if (path === '/held.qcow2') {
        // All but the last byte, then the rest only when the test says so.
        res.writeHead(200, { 'content-length': DISK.length });
        res.write(DISK.subarray(0, DISK.length - 1));
        void heldBack.then(() => !res.destroyed && res.end(DISK.subarray(DISK.length - 1)));
        return;
      }
      if (path === '/to-loopback') return void res.writeHead(302, { location: `http://127.0.0.2:${port()}/disk.qcow2` }).end();
      if (path === '/to-private') return void res.writeHead(302, { location: 'http://10.1.2.3/disk.qcow2' }).end();
      if (path === '/to-disk') return void res.writeHead(301, { location: '/disk.qcow2' }).end();
      if (path === '/manifest.json') {
        return void res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({ name: unique('from-manifest'), version: '24.04.1', description: 'From a manifest', url: '/disk.qcow2', checksum: md5(DISK), diskFormat: 'qcow2' }),
        );
      }
      if (path === '/bad-hash.json') {
        return void res.writeHead(200).end(JSON.stringify({ name: unique('bad-hash'), url: '/disk.qcow2', hashValue: 'a'.repeat(128) }));
      }
      if (path === '/huge.json') return void res.writeHead(200).end(JSON.stringify({ name: unique('huge'), url: '/disk.qcow2', size: MAX_BYTES * 2 }));
      if (path === '/not-json.json') return void res.writeHead(200).end('<html>not a manifest</html>');
      if (path === '/bad-checksum.json') {
        return void res.writeHead(200).end(JSON.stringify({ name: unique('bad-sum'), url: '/disk.qcow2', checksum: '0'.repeat(32) }));
      }
      res.writeHead(404).end('no such file');
    });
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${port()}`;
    storeDir = await mkdtemp(join(tmpdir(), 'import-test-'));
    t = await startTestApp({
      HOST: '127.0.0.1',
      PORT: '0',
      IMPORT_ALLOWED_HOSTS: '127.0.0.1/32',
      IMAGE_STORE_DIR: storeDir,
      IMAGE_MAX_BYTES: String(MAX_BYTES),
      TASK_RETRY_DELAY_SECONDS: '1',
      TASK_MAX_ATTEMPTS: '2',
    });
    graphqlUrl = await t.app.start();
    catalog = await createCatalog(t.app);
  });
  afterAll(async () => {
    await t?.close();
    letGo?.();
    source?.close();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  const port = () => (source.address() as AddressInfo).port;
  const regionId = () => gid('Region', catalog.region.id);
  const importImage = async (input: Record<string, unknown>) =>
    (await t.requestRaw(IMPORT, { input: { regionId: regionId(), ...input } })).data!.imageImport;
  const readImage = async (id: string) => (await t.requestRaw(IMAGE, { id })).data!.image;
  const filesOf = async (imageId: string) => (await readdir(storeDir)).filter((name) => name.startsWith(imageId));
  const download = (id: string, headers: Record<string, string> = {}) =>
    fetch(new URL(`/images/${id}/file`, graphqlUrl), { headers: { authorization: `Bearer ${t.adminToken}`, ...headers } });

  it('streams a qcow2 in, measures it, and serves the same bytes back, whole and by range', async () => {
    const started = await importImage({ name: unique('imported'), url: `${origin}/disk.qcow2`, diskFormat: 'QCOW2' });
    expect(started.__typename).toBe('ImageImportPayload');
    expect(started.image.status).toBe('QUEUED');
    expect(started.task).toMatchObject({ type: 'IMPORT', state: 'NEW' });
    const task = await waitForTask(t, started.task.id);
    // Every byte counted, although the last heartbeat may have been before the end.
    expect(task).toMatchObject({ state: 'FINISHED', progress: 100, error: null, attempts: 1, bytesDone: DISK.length, bytesTotal: DISK.length });
    const image = await readImage(started.image.id);
    expect(image).toMatchObject({
      status: 'ACTIVE',
      size: DISK.length,
      checksum: md5(DISK),
      hashAlgo: 'sha512',
      hashValue: sha512(DISK),
      virtualSize: VIRTUAL_SIZE,
      diskFormat: 'QCOW2',
    });
    const whole = await download(started.image.id);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(DISK)).toBe(true);
    const slice = await download(started.image.id, { range: 'bytes=1000-4999' });
    expect(slice.status).toBe(206);
    expect(Buffer.from(await slice.arrayBuffer()).equals(DISK.subarray(1000, 5000))).toBe(true);
  });

  it('is watched live over graphql-ws and over SSE: QUEUED -> IMPORTING -> ACTIVE', async () => {
    const created = await t.requestRaw('mutation ($input: RegionCreateInput!) { regionCreate(input: $input) { ... on RegionCreatePayload { region { id } } } }', {
      input: { slug: unique('live').toLowerCase(), name: 'Live' },
    });
    const region = created.data!.regionCreate.region.id;
    const client = wsClient(graphqlUrl, t.adminToken);
    const overWs = subscribeWs(client, WatchRegion, { filter: { regionId: region } });
    const overSse = subscribeSse(graphqlUrl, t.adminToken, WatchRegion, { filter: { regionId: region } });
    try {
      // A subscription without an id says nothing until an event comes: register images in the
      // region until both have seen one, so the import below is surely watched from its start.
      const probe = async () => {
        await t.requestRaw('mutation ($input: ImageCreateInput!) { imageCreate(input: $input) { __typename } }', { input: { name: unique('probe'), regionId: region } });
      };
      await untilSomethingArrives(overWs.results, probe);
      await untilSomethingArrives(overSse.results, probe);
      const started = await importImage({ name: unique('watched'), url: `${origin}/disk.qcow2`, regionId: region });
      for (const subscription of [overWs, overSse]) {
        const seen: [string | null, string][] = [];
        while (seen.at(-1)?.[1] !== 'ACTIVE') {
          const event = (await subscription.results.next(10_000)).data!.imageStatusChanged;
          if (event.image.id === started.image.id) seen.push([event.previousStatus ?? null, event.status]);
        }
        expect(seen).toEqual([[null, 'QUEUED'], ['QUEUED', 'IMPORTING'], ['IMPORTING', 'ACTIVE']]);
      }
    } finally {
      await overWs.close();
      await overSse.close();
      await client.dispose();
    }
  });

  it('follows an allowed redirect and detects the format when none is declared', async () => {
    const started = await importImage({ name: unique('redirected'), url: `${origin}/to-disk` });
    expect(await waitForTask(t, started.task.id)).toMatchObject({ state: 'FINISHED' });
    expect(await readImage(started.image.id)).toMatchObject({ status: 'ACTIVE', diskFormat: 'QCOW2', checksum: md5(DISK) });
  });

  it('imports from a Danube manifest: its name, version and checksum apply', async () => {
    const started = await importImage({ manifestUrl: `${origin}/manifest.json` });
    expect(started.__typename).toBe('ImageImportPayload');
    expect(started.image).toMatchObject({ version: '24.04.1', sourceUrl: `${origin}/manifest.json` });
    expect(started.image.name).toMatch(/^from-manifest-/);
    expect(await waitForTask(t, started.task.id)).toMatchObject({ state: 'FINISHED' });
    expect(await readImage(started.image.id)).toMatchObject({ status: 'ACTIVE', checksum: md5(DISK) });
  });

  it('retries a source that is busy for a while, with backoff, and then succeeds', async () => {
    const started = await importImage({ name: unique('flaky'), url: `${origin}/flaky.qcow2` });
    expect(started.__typename).toBe('ImageImportPayload');
    expect(await waitForTask(t, started.task.id)).toMatchObject({ state: 'FINISHED', attempts: 2, error: null });
    expect(await readImage(started.image.id)).toMatchObject({ status: 'ACTIVE', size: DISK.length });
  });

  describe('refused before any task exists', () => {
    const refusals: [string, () => Record<string, unknown>, string, RegExp][] = [
      ['a loopback address that is not allowed', () => ({ url: `http://127.0.0.2:${port()}/disk.qcow2` }), 'UrlRefusedError', /loopback/],
      ['a private address', () => ({ url: 'http://10.20.30.40/disk.qcow2' }), 'UrlRefusedError', /private/],
      ['the metadata address', () => ({ url: 'http://169.254.169.254/latest/meta-data' }), 'UrlRefusedError', /metadata/],
      ['a redirect to a loopback address', () => ({ url: `${origin}/to-loopback` }), 'UrlRefusedError', /loopback/],
      ['a redirect to a private address', () => ({ url: `${origin}/to-private` }), 'UrlRefusedError', /private/],
      ['a scheme other than http(s)', () => ({ url: 'file:///etc/passwd' }), 'UrlRefusedError', /scheme/],
      ['a file that is not there', () => ({ url: `${origin}/missing.qcow2` }), 'SourceUnavailableError', /404/],
      ['a manifest behind a private address', () => ({ manifestUrl: 'http://192.168.1.1/manifest.json' }), 'UrlRefusedError', /private/],
      ['both url and manifestUrl', () => ({ url: `${origin}/disk.qcow2`, manifestUrl: `${origin}/manifest.json` }), 'ValidationError', /either/],
      ['neither url nor manifestUrl', () => ({}), 'ValidationError', /either/],
      ['a malformed checksum', () => ({ url: `${origin}/disk.qcow2`, checksum: 'abc' }), 'ValidationError', /MD5/],
      ['a manifest stating a file over IMAGE_MAX_BYTES', () => ({ manifestUrl: `${origin}/huge.json` }), 'ValidationError', /over the limit/],
      ['a manifest that is not JSON', () => ({ manifestUrl: `${origin}/not-json.json` }), 'InvalidManifestError', /JSON/],
      ['an unknown region, before anything is fetched', () => ({ url: `${origin}/counted-never.qcow2`, regionId: gid('Region', '00000000-0000-7000-8000-000000000000') }), 'ValidationError', /region/],
    ];
    it.each(refusals)('%s', async (_label, input, typename, message) => {
      const before = await t.snapshot('image', 'task');
      const answer = await importImage({ name: unique('refused'), ...input() });
      expect(answer.__typename).toBe(typename);
      expect(answer.message).toMatch(message);
      expect(await t.snapshot('image', 'task')).toEqual(before);
      // Bad input is refused before the server asks the source for anything.
      expect(hits.get('/counted-never.qcow2')).toBeUndefined();
    });
  });

  describe('ends KILLED with the reason, and leaves no file', () => {
    const failures: [string, () => Record<string, unknown>, RegExp][] = [
      ['bytes of another format than declared', () => ({ name: unique('mismatch'), url: `${origin}/disk.qcow2`, diskFormat: 'ISO' }), /declares disk format ISO, but its bytes are QCOW2/],
      ['a checksum that does not match', () => ({ name: unique('checksum'), url: `${origin}/disk.qcow2`, checksum: 'f'.repeat(32) }), /Checksum mismatch/],
      ['a checksum that does not match the manifest', () => ({ manifestUrl: `${origin}/bad-checksum.json` }), /Checksum mismatch/],
      ['a file over IMAGE_MAX_BYTES', () => ({ name: unique('big'), url: `${origin}/big.raw` }), /larger than the limit/],
      ['a file whose Content-Length is over IMAGE_MAX_BYTES', () => ({ name: unique('declared-big'), url: `${origin}/declared-big.raw` }), /over the limit/],
      ['a SHA-512 that does not match the manifest', () => ({ manifestUrl: `${origin}/bad-hash.json` }), /SHA-512/],
      ['a source that stays busy through every attempt', () => ({ name: unique('busy'), url: `${origin}/always-busy.qcow2` }), /503/],
    ];
    it.each(failures)('%s', async (_label, input, reason) => {
      const started = await importImage(input());
      expect(started.__typename).toBe('ImageImportPayload');
      const task = await waitForTask(t, started.task.id);
      expect(task.state).toBe('ERROR');
      expect(task.error).toMatch(reason);
      expect((await readImage(started.image.id)).status).toBe('KILLED');
      expect(await filesOf(rawId(started.image.id))).toEqual([]);
    });
  });

  it('stops an import whose image is deleted meanwhile: the purge wins, no file remains', async () => {
    const started = await importImage({ name: unique('deleted-midway'), url: `${origin}/held.qcow2` });
    const imageId = rawId(started.image.id);
    const em = () => t.app.orm.em.fork();
    for (let tries = 0; (await em().findOneOrFail(Task, { id: rawId(started.task.id) })).bytesDone === 0; tries++) {
      if (tries > 200) throw new Error('the import never started');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const deleted = (
      await t.requestRaw('mutation ($input: ImageDeleteInput!) { imageDelete(input: $input) { ... on ImageDeletePayload { image { status } task { id } } } }', {
        input: { id: started.image.id },
      })
    ).data!.imageDelete;
    expect(deleted.image.status).toBe('PENDING_DELETE');
    expect(await waitForTask(t, deleted.task.id)).toMatchObject({ state: 'FINISHED' });
    letGo();
    const importTask = await waitForTask(t, started.task.id);
    expect(importTask.state).toBe('ERROR');
    expect(importTask.error).toMatch(/PENDING_DELETE|DELETED/);
    expect((await em().findOneOrFail(Image, { id: imageId })).status).toBe('DELETED');
    // The import may still be winding down its stream: its temporary file goes with it.
    for (let tries = 0; (await filesOf(imageId)).length > 0; tries++) {
      if (tries > 100) throw new Error(`files remain: ${await filesOf(imageId)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });

  it('replicates an imported image into another region: same bytes, linked both ways', async () => {
    const started = await importImage({ name: unique('to-copy'), url: `${origin}/disk.qcow2` });
    await waitForTask(t, started.task.id);
    const replicate = (
      await t.requestRaw(
        `mutation ($input: ImageReplicateInput!) { imageReplicate(input: $input) {
          __typename ... on Error { message } ... on ImageReplicatePayload { image { id status replicaOf { id } } task { id type } } } }`,
        { input: { id: started.image.id, regionId: gid('Region', catalog.otherRegion.id) } },
      )
    ).data!.imageReplicate;
    expect(replicate.__typename).toBe('ImageReplicatePayload');
    expect(replicate.image.replicaOf.id).toBe(started.image.id);
    expect(await waitForTask(t, replicate.task.id)).toMatchObject({ type: 'REPLICATE', state: 'FINISHED' });
    const source = await readImage(started.image.id);
    expect(source.replicas).toEqual([{ id: replicate.image.id, status: 'ACTIVE', region: { slug: catalog.otherRegion.slug }, checksum: md5(DISK) }]);
    const copy = await download(replicate.image.id);
    expect(Buffer.from(await copy.arrayBuffer()).equals(DISK)).toBe(true);
  });

  it('refuses to replicate into the region the image is in, or an image without bytes', async () => {
    const started = await importImage({ name: unique('stay'), url: `${origin}/disk.qcow2` });
    await waitForTask(t, started.task.id);
    const send = async (id: string, region: string) =>
      (await t.requestRaw(
        `mutation ($input: ImageReplicateInput!) { imageReplicate(input: $input) { __typename ... on Error { message } } }`,
        { input: { id, regionId: region } },
      )).data!.imageReplicate;
    const queued = (
      await t.requestRaw('mutation ($input: ImageCreateInput!) { imageCreate(input: $input) { ... on ImageCreatePayload { image { id status } } } }', {
        input: { name: unique('no-bytes'), regionId: regionId() },
      })
    ).data!.imageCreate.image;
    expect(queued.status).toBe('QUEUED');
    const before = await t.snapshot('image', 'task', 'image_metadata');
    expect(await send(started.image.id, regionId())).toMatchObject({ __typename: 'ValidationError', message: expect.stringMatching(/already/) });
    expect(await send(queued.id, gid('Region', catalog.otherRegion.id))).toMatchObject({ __typename: 'ConflictError', message: expect.stringMatching(/ACTIVE/) });
    expect(await t.snapshot('image', 'task', 'image_metadata')).toEqual(before);
  });

  it('deletes an imported image through PENDING_DELETE: the purge removes its file', async () => {
    const started = await importImage({ name: unique('purged'), url: `${origin}/disk.qcow2` });
    await waitForTask(t, started.task.id);
    expect(await filesOf(rawId(started.image.id))).toHaveLength(1);
    const deleted = (
      await t.requestRaw(`mutation ($input: ImageDeleteInput!) { imageDelete(input: $input) { ... on ImageDeletePayload { image { status } task { id } } } }`, {
        input: { id: started.image.id },
      })
    ).data!.imageDelete;
    expect(deleted.image.status).toBe('PENDING_DELETE');
    expect(await waitForTask(t, deleted.task.id)).toMatchObject({ state: 'FINISHED' });
    letGo();
    expect(await filesOf(rawId(started.image.id))).toEqual([]);
  });
});
