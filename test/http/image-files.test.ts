import { connect } from 'node:net';
// The bytes endpoints through a real HTTP listener on 127.0.0.1: PUT /images/:id/file streams an
// upload (QUEUED -> SAVING -> ACTIVE), GET/HEAD stream it back with ranges and validators, with
// the same tokens and visibility as GraphQL, and no failure leaves a file behind.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { Image, type DiskFormat, type ImageStatus } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { Region } from '../../src/db/entities/region.js';
import { Task } from '../../src/db/entities/task.js';
import { openFileImageStore } from '../../src/store/image-store.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, gid, unique } from '../helpers/fixtures.js';
import { qcow2 } from '../helpers/disk-images.js';
import { rawRequest } from '../helpers/raw-http.js';

const MAX_BYTES = 1024 * 1024;
const VIRTUAL_SIZE = 10 * 1024 ** 3;
// Big enough to arrive in several chunks; bytes that differ so every slice is recognisable.
const DISK = qcow2(VIRTUAL_SIZE, 256 * 1024);
for (let i = 512; i < DISK.length; i++) DISK[i] = (i * 7) % 251;

const md5 = (bytes: Buffer) => createHash('md5').update(bytes).digest('hex');
const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('hex');

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

/**
 * A request whose body the test writes itself: `send` writes chunks, `finish` ends it,
 * `abort` drops the connection. Node's client, so nothing buffers or retries behind the test.
 */
function openRequest(url: string, method: string, headers: Record<string, string | number> = {}) {
  const request = httpRequest(url, { method, headers });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.once('error', reject);
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('error', reject);
      response.once('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode!, headers: response.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
    });
  });
  answer.catch(() => {}); // an aborted request's answer is never awaited
  return {
    answer,
    send: (chunk: Buffer) => new Promise<void>((resolve, reject) => request.write(chunk, (error) => (error ? reject(error) : resolve()))),
    finish: (chunk?: Buffer) => {
      request.end(chunk);
      return answer;
    },
    abort: () => request.destroy(),
  };
}

describe('image files over HTTP', () => {
  let t: TestApp;
  let base: string;
  let storeDir: string;
  let catalog: Catalog;
  let memberToken: string;
  let readOnlyToken: string;
  let strangerToken: string;

  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'image-files-test-'));
    t = await startTestApp({ PORT: '0', IMAGE_STORE_DIR: storeDir, IMAGE_MAX_BYTES: String(MAX_BYTES) });
    base = new URL(await t.app.start()).origin;
    catalog = await createCatalog(t.app);
    const em = t.app.orm.em.fork();
    const stranger = em.create(Project, { name: unique('stranger'), reseller: null });
    await em.flush();
    memberToken = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    readOnlyToken = await t.tokenFor({ role: 'member', projectId: catalog.project.id, readOnly: true });
    strangerToken = await t.tokenFor({ role: 'member', projectId: stranger.id });
  });
  afterAll(async () => {
    await t?.close();
    await rm(storeDir, { recursive: true, force: true });
  });

  it('refuses a request with a malformed Host header with a 400, never with a fault', async () => {
    const { port } = new URL(base);
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        socket.write(`GET /images/${gid('Image', '00000000-0000-7000-8000-000000000000')}/file HTTP/1.1\r\nHost: a b\r\nAuthorization: Bearer ${t.adminToken}\r\nConnection: close\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString()));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(answer.split('\r\n')[0]).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toContain('"code":"BAD_REQUEST"');
  });

  /** A PRIVATE image of the catalog's project, written straight through the ORM. */
  async function newImage(fields: { status?: ImageStatus; diskFormat?: DiskFormat } = {}): Promise<string> {
    const em = t.app.orm.em.fork();
    const image = em.create(Image, {
      name: unique('upload'),
      region: em.getReference(Region, catalog.region.id),
      owner: em.getReference(Project, catalog.project.id),
      status: fields.status ?? 'QUEUED',
      diskFormat: fields.diskFormat ?? null,
    } as never);
    await em.flush();
    return image.id;
  }
  const reload = (id: string) => t.app.orm.em.fork().findOneOrFail(Image, { id });
  const tasksOf = (id: string) => t.app.orm.em.fork().find(Task, { image: id });
  const fileUrl = (id: string) => `${base}/images/${encodeURIComponent(id)}/file`;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  async function put(id: string, bytes: Buffer, token = memberToken) {
    return fetch(fileUrl(id), { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
  }
  async function get(id: string, headers: Record<string, string> = {}, token = memberToken, method = 'GET') {
    return fetch(fileUrl(id), { method, headers: { ...bearer(token), ...headers } });
  }
  async function uploaded(bytes = DISK): Promise<string> {
    const id = await newImage();
    expect((await put(id, bytes)).status).toBe(200);
    return id;
  }
  /** The store holds exactly the finished files of successful uploads: no temporary file, none for `id`. */
  async function expectNoFileFor(id: string) {
    const names = await readdir(storeDir);
    expect(names.filter((name) => name.startsWith(id))).toEqual([]);
    expect(names.filter((name) => name.endsWith('.partial'))).toEqual([]);
  }
  async function waitForStatus(id: string, status: ImageStatus) {
    for (let attempt = 0; attempt < 200; attempt++) {
      if ((await reload(id)).status === status) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`image ${id} never became ${status}; it is ${(await reload(id)).status}`);
  }

  describe('upload', () => {
    it('stores the bytes and takes the image from QUEUED to ACTIVE with what they are', async () => {
      const id = await newImage();
      expect((await reload(id)).status).toBe('QUEUED');
      const response = await put(gid('Image', id), DISK);
      expect(response.status).toBe(200);
      const expected = {
        status: 'ACTIVE',
        size: DISK.length,
        checksum: md5(DISK),
        hashAlgo: 'sha512',
        hashValue: sha512(DISK),
        diskFormat: 'QCOW2',
        virtualSize: VIRTUAL_SIZE,
      };
      expect((await response.json()).image).toEqual({ id: gid('Image', id), ...expected });
      expect(await reload(id)).toMatchObject(expected);
      expect((await stat(join(storeDir, id))).size).toBe(DISK.length);
      await expectNoFileFor(`${id}.`);
    });

    it('keeps a declared format the bytes agree with, and reads raw bytes as RAW sized like the file', async () => {
      const raw = Buffer.alloc(4096, 1);
      const id = await newImage({ diskFormat: 'RAW' });
      expect((await put(id, raw)).status).toBe(200);
      expect(await reload(id)).toMatchObject({ status: 'ACTIVE', diskFormat: 'RAW', virtualSize: raw.length, size: raw.length });
    });

    it('takes bytes no inspector recognises under a structured declaration, with no virtual size', async () => {
      const unknown = Buffer.alloc(4096, 7);
      const id = await newImage({ diskFormat: 'VMDK' });
      expect((await put(id, unknown)).status).toBe(200);
      expect(await reload(id)).toMatchObject({ status: 'ACTIVE', diskFormat: 'VMDK', virtualSize: null, size: unknown.length });
    });

    it('answers 401 without a token and changes nothing', async () => {
      const id = await newImage();
      const response = await fetch(fileUrl(id), { method: 'PUT', body: new Uint8Array(DISK) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(await response.json()).toEqual({ errors: [{ message: expect.stringMatching(/Authentication required/), extensions: { code: 'UNAUTHENTICATED' } }] });
      expect((await reload(id)).status).toBe('QUEUED');
    });

    it('answers 404 to a member of another project, as if the image did not exist', async () => {
      const id = await newImage();
      const response = await put(id, DISK, strangerToken);
      expect(response.status).toBe(404);
      expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
      expect((await reload(id)).status).toBe('QUEUED');
      await expectNoFileFor(id);
    });

    it('answers 403 to a read-only member of the owning project', async () => {
      const id = await newImage();
      const response = await put(id, DISK, readOnlyToken);
      expect(response.status).toBe(403);
      expect((await response.json()).errors[0]).toMatchObject({ message: 'This token is read-only', extensions: { code: 'FORBIDDEN' } });
      expect((await reload(id)).status).toBe('QUEUED');
    });

    it('answers 404 for an id that is not an image id', async () => {
      for (const bad of ['nothing', gid('Project', catalog.project.id), '00000000-0000-7000-8000-000000000000']) {
        expect((await put(bad, DISK)).status).toBe(404);
      }
    });

    it('answers 409 to a second upload while the first is in progress, and the first completes', async () => {
      const id = await newImage();
      const first = openRequest(fileUrl(id), 'PUT', bearer(memberToken));
      await first.send(DISK.subarray(0, 1000));
      await waitForStatus(id, 'SAVING');

      const second = await put(id, Buffer.from('other bytes'));
      expect(second.status).toBe(409);
      expect((await second.json()).errors[0]).toMatchObject({ message: 'Another upload of this image is in progress', extensions: { code: 'CONFLICT' } });

      const answer = await first.finish(DISK.subarray(1000));
      expect(answer.status).toBe(200);
      expect(await reload(id)).toMatchObject({ status: 'ACTIVE', checksum: md5(DISK) });
    });

    it('answers 409 to an upload to an image that already has its bytes', async () => {
      const id = await uploaded();
      const response = await put(id, Buffer.from('replacement'));
      expect(response.status).toBe(409);
      expect(await reload(id)).toMatchObject({ status: 'ACTIVE', checksum: md5(DISK) });
    });

    it('answers 413 over IMAGE_MAX_BYTES announced by Content-Length, before any statement but the token lookup, no task left', async () => {
      const id = await newImage();
      let response: Response | undefined;
      const statements = await t.statementsOf(async () => (response = await put(id, Buffer.alloc(MAX_BYTES + 1))));
      expect(response!.status).toBe(413);
      expect((await response!.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      // The token's lookup, unless its principal is still cached from an earlier request.
      expect(statements.length).toBeLessThanOrEqual(1);
      for (const sql of statements) expect(sql).toMatch(/\bapi_token\b/);
      expect((await reload(id)).status).toBe('QUEUED');
      expect(await tasksOf(id)).toEqual([]);
      await expectNoFileFor(id);
    });

    it('sends no 100 Continue for an upload refused by its Content-Length, and one for an upload it takes', async () => {
      const { port } = new URL(base);
      const head = (id: string, length: number) =>
        `PUT /images/${id}/file HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${memberToken}\r\nContent-Length: ${length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
      const refused = await rawRequest(Number(port), head(await newImage(), MAX_BYTES + 1));
      expect(refused.status).toBe(413);
      const id = await newImage();
      const continued = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(head(id, DISK.length)));
        let text = '';
        socket.on('data', (chunk) => {
          if (!text && chunk.toString().startsWith('HTTP/1.1 100 Continue')) socket.write(DISK);
          text += chunk.toString('latin1');
        });
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
      });
      expect(continued).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
      expect((await reload(id)).status).toBe('ACTIVE');
    });

    it('answers 413 when a streamed upload passes IMAGE_MAX_BYTES, back to QUEUED with no file left', async () => {
      const id = await newImage();
      const upload = openRequest(fileUrl(id), 'PUT', bearer(memberToken)); // chunked: no length announced
      const chunk = Buffer.alloc(64 * 1024, 7);
      let answered = false;
      upload.answer.then(() => (answered = true), () => (answered = true));
      for (let sent = 0; sent <= MAX_BYTES + chunk.length && !answered; sent += chunk.length) await upload.send(chunk);
      const answer = await upload.finish();
      expect(answer.status).toBe(413);
      expect(answer.json().errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
      expect((await reload(id)).status).toBe('QUEUED');
      // A refusal the request caused, not a failure: no task row in ERROR.
      expect(await tasksOf(id)).toEqual([]);
      await expectNoFileFor(id);
      // QUEUED again: the image takes a right-sized upload.
      expect((await put(id, DISK)).status).toBe(200);
    });

    it('leaves no file and the image QUEUED when the client goes away mid-upload', async () => {
      const id = await newImage();
      const upload = openRequest(fileUrl(id), 'PUT', bearer(memberToken));
      await upload.send(DISK.subarray(0, 100_000));
      await waitForStatus(id, 'SAVING');
      upload.abort();
      await waitForStatus(id, 'QUEUED');
      await expectNoFileFor(id);
    });

    it('answers 422 and KILLs the image when the bytes contradict its declared disk format', async () => {
      const id = await newImage({ diskFormat: 'RAW' });
      const response = await put(id, DISK);
      expect(response.status).toBe(422);
      expect((await response.json()).errors[0]).toMatchObject({
        message: expect.stringMatching(/declares disk format RAW, but its bytes are QCOW2/),
        extensions: { code: 'DISK_FORMAT_MISMATCH' },
      });
      expect(await reload(id)).toMatchObject({ status: 'KILLED', size: null, checksum: null });
      await expectNoFileFor(id);
    });

    it('KILLs an image whose bytes begin as a disk format but do not parse as one, whatever it declares', async () => {
      const qcowV1 = Buffer.from(DISK);
      qcowV1.writeUInt32BE(1, 4);
      for (const [declared, bytes] of [['RAW', qcowV1], ['QCOW2', qcowV1], ['VMDK', Buffer.concat([Buffer.from('QED\0'), Buffer.alloc(4096)])]] as const) {
        const id = await newImage({ diskFormat: declared });
        const response = await put(id, bytes);
        expect(response.status, declared).toBe(422);
        expect((await response.json()).errors[0].message).toMatch(/cannot be taken/);
        expect(await reload(id)).toMatchObject({ status: 'KILLED', size: null });
        await expectNoFileFor(id);
      }
      // A VMDK text descriptor names any file as its extent: refused declared raw or VMDK alike.
      for (const declared of ['RAW', 'VMDK'] as const) {
        const id = await newImage({ diskFormat: declared });
        expect((await put(id, Buffer.from('# Disk DescriptorFile\nversion=1\nRW 8 FLAT "/etc/passwd" 0\n'))).status, declared).toBe(422);
      }
    });

    it('answers 405 to other methods', async () => {
      const id = await newImage();
      const response = await fetch(fileUrl(id), { method: 'DELETE', headers: bearer(memberToken) });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, HEAD, PUT');
    });
  });

  describe('download', () => {
    let id: string;
    beforeAll(async () => {
      id = await uploaded();
    });

    it('streams identical bytes with their length, type, ETag and range support', async () => {
      const response = await get(gid('Image', id));
      expect(response.status).toBe(200);
      expect(Object.fromEntries(response.headers)).toMatchObject({
        'content-length': String(DISK.length),
        'content-type': 'application/octet-stream',
        etag: `"${md5(DISK)}"`,
        'accept-ranges': 'bytes',
      });
      expect(Buffer.from(await response.arrayBuffer()).equals(DISK)).toBe(true);
    });

    it.each([
      ['the first bytes', 'bytes=0-15', 0, 15],
      ['a middle slice', 'bytes=1000-66535', 1000, 66535],
      ['the last bytes', 'bytes=-100', DISK.length - 100, DISK.length - 1],
      ['from an offset to the end', `bytes=${DISK.length - 10}-`, DISK.length - 10, DISK.length - 1],
      ['a range running past the end, cut at it', `bytes=${DISK.length - 5}-${DISK.length + 100}`, DISK.length - 5, DISK.length - 1],
    ])('answers 206 with %s', async (_what, range, start, end) => {
      const response = await get(id, { range });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${DISK.length}`);
      expect(response.headers.get('content-length')).toBe(String(end - start + 1));
      expect(Buffer.from(await response.arrayBuffer()).equals(DISK.subarray(start, end + 1))).toBe(true);
    });

    it('answers 416 with the size for a range that starts past the end', async () => {
      const response = await get(id, { range: `bytes=${DISK.length}-` });
      expect(response.status).toBe(416);
      expect(response.headers.get('content-range')).toBe(`bytes */${DISK.length}`);
      expect((await response.json()).errors[0].extensions.code).toBe('RANGE_NOT_SATISFIABLE');
    });

    it('serves the whole file for several ranges or a range it does not understand', async () => {
      for (const range of ['bytes=0-1,5-9', 'items=0-1', 'bytes=9-2']) {
        const response = await get(id, { range });
        expect(response.status, range).toBe(200);
        expect(Buffer.from(await response.arrayBuffer()).length).toBe(DISK.length);
      }
    });

    it('answers 304 when the client already has these bytes', async () => {
      const response = await get(id, { 'if-none-match': `"stale", "${md5(DISK)}"` });
      expect(response.status).toBe(304);
      expect(response.headers.get('etag')).toBe(`"${md5(DISK)}"`);
      expect((await get(id, { 'if-none-match': '"stale"' })).status).toBe(200);
    });

    it('ignores Range when If-Range names other bytes', async () => {
      const response = await get(id, { range: 'bytes=0-1', 'if-range': '"stale"' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(DISK.length));
    });

    it('answers HEAD like GET without a body', async () => {
      const response = await get(id, {}, memberToken, 'HEAD');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-length')).toBe(String(DISK.length));
      expect(response.headers.get('etag')).toBe(`"${md5(DISK)}"`);
      expect((await response.arrayBuffer()).byteLength).toBe(0);
    });

    it('answers 401 without a token', async () => {
      const response = await fetch(fileUrl(id));
      expect(response.status).toBe(401);
      expect((await response.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });

    it('answers 404 to a member of another project', async () => {
      const response = await get(id, {}, strangerToken);
      expect(response.status).toBe(404);
      expect((await response.json()).errors[0].extensions.code).toBe('NOT_FOUND');
    });

    it('answers 404 when the image has no bytes yet', async () => {
      const response = await get(await newImage());
      expect(response.status).toBe(404);
      expect((await response.json()).errors[0].extensions.code).toBe('NO_IMAGE_DATA');
    });

    it('refuses a DEACTIVATED image to members with 403 and serves it to administrators; reactivating restores it; a member cannot deactivate', async () => {
      const deactivated = await uploaded();
      const toggle = (name: 'imageDeactivate' | 'imageReactivate', caller = t as Pick<TestApp, 'requestRaw'>) =>
        caller.requestRaw(`mutation ($id: ID!) { ${name}(input: { id: $id }) { __typename } }`, { id: gid('Image', deactivated) });
      // The owning project's member may download it, but not deactivate it.
      expect((await get(deactivated, {}, memberToken)).status).toBe(200);
      const refusedToMember = await toggle('imageDeactivate', t.as(memberToken));
      expect(refusedToMember.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect((await get(deactivated, {}, memberToken)).status).toBe(200);
      const result = await toggle('imageDeactivate');
      expect(result.data!.imageDeactivate.__typename).toBe('ImageDeactivatePayload');

      const refused = await get(deactivated, {}, memberToken);
      expect(refused.status).toBe(403);
      expect((await refused.json()).errors[0]).toMatchObject({ message: expect.stringMatching(/deactivated/), extensions: { code: 'FORBIDDEN' } });
      const served = await get(deactivated, {}, t.adminToken);
      expect(served.status).toBe(200);
      expect(Buffer.from(await served.arrayBuffer()).equals(DISK)).toBe(true);

      expect((await toggle('imageReactivate')).data!.imageReactivate.__typename).toBe('ImageReactivatePayload');
      const restored = await get(deactivated, {}, memberToken);
      expect(restored.status).toBe(200);
      expect(Buffer.from(await restored.arrayBuffer()).equals(DISK)).toBe(true);
    });
  });

  describe('configuration', () => {
    it('keeps files under DATA_DIR with a 50 GiB limit unless told otherwise', () => {
      expect(loadConfig({})).toMatchObject({ imageStoreDir: undefined, imageMaxBytes: 50 * 1024 ** 3 });
      expect(loadConfig({ IMAGE_STORE_DIR: '/srv/images', IMAGE_MAX_BYTES: '1048576' })).toMatchObject({
        imageStoreDir: '/srv/images',
        imageMaxBytes: 1048576,
      });
    });

    it('refuses a limit that is not a positive whole number of bytes', () => {
      for (const bad of ['0', '-1', '1.5', 'lots', '1e300']) {
        expect(() => loadConfig({ IMAGE_MAX_BYTES: bad }), bad).toThrow(/IMAGE_MAX_BYTES/);
      }
    });
  });

  describe('the store of a memory:// run', () => {
    it('lives in a temporary directory removed on stop', async () => {
      const store = await openFileImageStore({ imageStoreDir: undefined, dataDir: 'memory://' });
      const dir = (store as unknown as { dir: string }).dir;
      expect(dir.startsWith(tmpdir())).toBe(true);
      expect((await stat(dir)).isDirectory()).toBe(true);
      await store.stop();
      await expect(stat(dir)).rejects.toMatchObject({ code: 'ENOENT' });
    });
  });
});
