// A worker process killed (SIGKILL) in the middle of an import: the task's lease runs out,
// another worker takes it over, and the image ends ACTIVE with the whole file, never with
// partial bytes, and no temporary file remains. Separate processes need a database they can
// share: this runs on PostgreSQL (TEST_DATABASE_URL) only.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { Task } from '../../src/db/entities/task.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, rawId, unique } from '../helpers/fixtures.js';
import { qcow2 } from '../helpers/disk-images.js';
import { type ServiceProcess, startService } from '../helpers/processes.js';
import { type SlowSource, serveSlowly } from '../helpers/slow-source.js';
import { waitForTask } from '../helpers/tasks.js';

const DISK = qcow2(8 * 1024 ** 3, 2 * 1024 * 1024);
for (let i = 512; i < DISK.length; i++) DISK[i] = (i * 31) % 253;
const CHUNK = 64 * 1024;

describe.skipIf(!process.env.TEST_DATABASE_URL)('a worker killed during an import', () => {
  let t: TestApp;
  let catalog: Catalog;
  let source: SlowSource;
  let storeDir: string;
  const workers: ServiceProcess[] = [];

  beforeAll(async () => {
    // Slow enough (about 3 s for the file) that the worker is surely killed mid-way.
    source = await serveSlowly(DISK, CHUNK);
    storeDir = await mkdtemp(join(tmpdir(), 'crash-test-'));
    // The gateway runs no workers: only the worker processes below do.
    // The gateway dispatches the job, so its retry policy is the job's.
    t = await startTestApp({ WORKERS: '0', IMPORT_ALLOWED_HOSTS: '127.0.0.1/32', IMAGE_STORE_DIR: storeDir, TASK_RETRY_DELAY_SECONDS: '1' });
    catalog = await createCatalog(t.app);
  });
  afterAll(async () => {
    for (const worker of workers) await worker.kill();
    await t?.close();
    source?.close();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  const worker = () => {
    const started = startService('worker', {
      DATABASE_URL: t.app.orm.config.get('clientUrl')!,
      DATA_DIR: 'memory://',
      IMAGE_STORE_DIR: storeDir,
      IMPORT_ALLOWED_HOSTS: '127.0.0.1/32',
      WORKERS: '1',
      TASK_LEASE_SECONDS: '2',
      TASK_RETRY_DELAY_SECONDS: '1',
    });
    workers.push(started);
    return started;
  };

  it('is retried by another worker; the image ends ACTIVE with the whole file and no temporary file remains', async () => {
    const first = worker();
    await first.waitFor(/Image catalog worker/);
    const url = source.url;
    const answer = await t.requestRaw(
      'mutation ($input: ImageImportInput!) { imageImport(input: $input) { ... on ImageImportPayload { image { id } task { id } } } }',
      { input: { name: unique('crash'), regionId: gid('Region', catalog.region.id), url } },
    );
    const { image, task } = answer.data!.imageImport;
    const imageId = rawId(image.id);
    const taskId = rawId(task.id);

    // Mid-way: bytes reported, a temporary file on disk, the image IMPORTING.
    const em = () => t.app.orm.em.fork();
    await until(async () => ((await em().findOneOrFail(Task, { id: taskId })).bytesDone ?? 0) > 4 * CHUNK);
    expect((await readdir(storeDir)).some((name) => name.endsWith('.partial'))).toBe(true);
    await first.kill();
    expect((await em().findOneOrFail(Image, { id: imageId })).status).toBe('IMPORTING');

    worker();
    const ended = await waitForTask(t, task.id, 30_000);
    expect(ended).toMatchObject({ state: 'FINISHED', attempts: 2 });
    const row = await em().findOneOrFail(Image, { id: imageId });
    expect(row.status).toBe('ACTIVE');
    expect(row.size).toBe(DISK.length);
    expect(row.checksum).toBe(createHash('md5').update(DISK).digest('hex'));
    expect((await readFile(join(storeDir, imageId))).equals(DISK)).toBe(true);
    expect((await readdir(storeDir)).filter((name) => name.endsWith('.partial'))).toEqual([]);
  }, 60_000);
});

describe.skipIf(!process.env.TEST_DATABASE_URL)('a gateway killed during an upload', () => {
  let t: TestApp;
  let catalog: Catalog;
  let storeDir: string;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'upload-crash-'));
    t = await startTestApp({ WORKERS: '0', IMAGE_STORE_DIR: storeDir });
    catalog = await createCatalog(t.app);
  });
  afterAll(async () => {
    for (const service of services) await service.kill();
    await t?.close();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });

  it('puts the image back to QUEUED once its lease runs out, with the upload task in ERROR and no temporary file', async () => {
    const shared = {
      DATABASE_URL: t.app.orm.config.get('clientUrl')!,
      DATA_DIR: 'memory://',
      IMAGE_STORE_DIR: storeDir,
      ADMIN_TOKEN: t.adminToken,
      TASK_LEASE_SECONDS: '2',
    };
    const gateway = startService('main', { ...shared, HOST: '127.0.0.1', PORT: '0', WORKERS: '0', EVENTS: 'local' });
    services.push(gateway);
    const url = (await gateway.waitFor(/GraphQL and GraphiQL at ([^\s"]+)/))[1]!;
    const created = await t.requestRaw('mutation ($input: ImageCreateInput!) { imageCreate(input: $input) { ... on ImageCreatePayload { image { id } } } }', {
      input: { name: unique('upload-crash'), regionId: gid('Region', catalog.region.id) },
    });
    const imageId = rawId(created.data!.imageCreate.image.id);

    // Half the file, then the gateway dies with the upload open.
    const upload = request(new URL(`/images/${imageId}/file`, url), {
      method: 'PUT',
      headers: { authorization: `Bearer ${t.adminToken}`, 'content-length': DISK.length },
    });
    upload.on('error', () => {});
    upload.write(DISK.subarray(0, DISK.length / 2));
    const em = () => t.app.orm.em.fork();
    await until(async () => ((await em().findOne(Task, { image: imageId, type: 'UPLOAD' }))?.bytesDone ?? 0) > 0);
    expect((await em().findOneOrFail(Image, { id: imageId })).status).toBe('SAVING');
    expect((await readdir(storeDir)).some((name) => name.endsWith('.partial'))).toBe(true);
    await gateway.kill();

    // Any worker's sweep notices the lease ran out.
    const worker = startService('worker', { ...shared, WORKERS: '1' });
    services.push(worker);
    await until(async () => (await em().findOneOrFail(Image, { id: imageId })).status === 'QUEUED', 30_000);
    const task = await em().findOneOrFail(Task, { image: imageId, type: 'UPLOAD' });
    expect(task.state).toBe('ERROR');
    expect(task.error).toMatch(/went away/);
    // The sweep removes what the lost hold left once its transaction has committed.
    await until(async () => (await readdir(storeDir)).every((name) => !name.startsWith(imageId)), 10_000);
  }, 60_000);
});

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
