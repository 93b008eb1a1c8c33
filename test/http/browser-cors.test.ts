// A real browser (Debian's chromium, driven by playwright-core) on pages served from two other
// loopback origins: the listed one uploads an image file to the gateway, preflight and all; the
// other is refused, and the image is left as it was. CI installs chromium (.ci/run); without it
// the test is skipped and says why.
import { existsSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image } from '../../src/db/entities/image.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createQueuedImage, gid } from '../helpers/fixtures.js';
import { qcow2 } from '../helpers/disk-images.js';

const CHROMIUM = '/usr/bin/chromium';
const DISK = qcow2(1024 ** 3, 64 * 1024);

/** A loopback server answering every path with an empty page: an origin for the browser to be on. */
async function pageServer(): Promise<{ server: Server; origin: string }> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>page</title>'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe.skipIf(!existsSync(CHROMIUM))(`a browser on another site (needs ${CHROMIUM})`, () => {
  let t: TestApp;
  let gateway: string;
  let catalog: Catalog;
  let listed: { server: Server; origin: string };
  let unlisted: { server: Server; origin: string };
  let browser: Browser;

  beforeAll(async () => {
    listed = await pageServer();
    unlisted = await pageServer();
    t = await startTestApp({ PORT: '0', CORS_ORIGINS: listed.origin });
    gateway = new URL(await t.app.start()).origin;
    catalog = await createCatalog(t.app);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
    listed?.server.close();
    unlisted?.server.close();
  });

  const queuedImage = () => createQueuedImage(t.app, catalog, 'browser');

  /** Uploads DISK from a page of `origin` with fetch, as a console would; the status, or the error's name. */
  async function uploadFrom(origin: string, imageId: string): Promise<number | string> {
    const page = await browser.newPage();
    try {
      await page.goto(`${origin}/console`);
      return await page.evaluate(
        async ({ url, token, bytes }) => {
          try {
            const response = await fetch(url, {
              method: 'PUT',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
              body: new Uint8Array(bytes),
            });
            return response.status;
          } catch (error) {
            return (error as Error).name;
          }
        },
        { url: `${gateway}/images/${gid('Image', imageId)}/file`, token: t.adminToken, bytes: [...DISK] },
      );
    } finally {
      await page.close();
    }
  }

  it('uploads from a page of a listed origin', async () => {
    const id = await queuedImage();
    expect(await uploadFrom(listed.origin, id)).toBe(200);
    const image = await t.app.orm.em.fork().findOneOrFail(Image, { id });
    expect([image.status, image.size]).toEqual(['ACTIVE', DISK.length]);
  });

  it('is refused on a page of any other origin, and the image stays QUEUED', async () => {
    const id = await queuedImage();
    expect(await uploadFrom(unlisted.origin, id)).toBe('TypeError');
    const image = await t.app.orm.em.fork().findOneOrFail(Image, { id });
    expect([image.status, image.size ?? null]).toEqual(['QUEUED', null]);
    // The refusal was the gateway's, not a gateway away: the listed origin uploads into it now.
    expect(await uploadFrom(listed.origin, id)).toBe(200);
  });
});
