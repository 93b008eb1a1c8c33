// The web console in a real browser (Debian's chromium, driven by playwright-core), served by the
// gateway at / from the build (npm run build). It signs in, filters, searches, sorts and pages the
// catalog, edits an image, offers it to another project which accepts it with its own token,
// uploads a file and imports one from a loopback server, and sees the status badge and the
// progress bar change without a reload. Its pages cost no more SQL statements than their
// operations sent alone. Screenshots go to test-artifacts/ (gitignored); with
// CONSOLE_SCREENSHOT_DOCS=1 one is copied to docs/console.png for the README.
import { existsSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ImageMetadata } from '../../src/db/entities/image-metadata.js';
import { Image } from '../../src/db/entities/image.js';
import { Project } from '../../src/db/entities/project.js';
import { builtConsoleDir } from '../../src/http/console.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';
import { qcow2 } from '../helpers/disk-images.js';
import { wsClient } from '../helpers/live.js';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'test-artifacts';
const DISK = qcow2(1024 ** 3, 128 * 1024);
const BAD_SEARCH = 'name = "ubuntu';
/** SQL statements a page costs once the gateway remembers the reference rows it names. */
const PAGE_STATEMENTS = { catalog: 3, image: 7 };

/** Retries a check until it passes: the page changes on its own (answers, live events). */
const eventually = (check: () => Promise<unknown>, timeout = 10_000) => vi.waitFor(check, { timeout, interval: 50 });
/** Waits until the first of the locator's elements reads `text`. */
const hasText = (locator: Locator, text: string, timeout?: number) =>
  eventually(async () => expect((await locator.allTextContents()).map((t) => t.trim())[0]).toBe(text), timeout);
const containsText = (locator: Locator, text: string) =>
  eventually(async () => expect((await locator.allTextContents()).join(' ')).toContain(text));
const hasAttribute = (locator: Locator, name: string, value: string, timeout?: number) =>
  eventually(async () => expect(await locator.evaluateAll((els, n) => els.map((el) => el.getAttribute(n)), name)).toContain(value), timeout);
const hasCount = (locator: Locator, count: number) => eventually(async () => expect(await locator.count()).toBe(count));
const visible = (locator: Locator) => locator.first().waitFor({ state: 'visible', timeout: 10_000 });

/** Whether the browser may run here, and the console has been built for it to load. */
const skipReason = !existsSync(CHROMIUM) ? `needs ${CHROMIUM}` : !builtConsoleDir() ? 'needs the console built (npm run build)' : null;

describe.skipIf(skipReason !== null)(`the web console in a browser (${skipReason ?? 'chromium'})`, () => {
  let t: TestApp;
  let gateway: string;
  let catalog: Catalog;
  let browser: Browser;
  let ownerToken: string;
  let otherToken: string;
  let otherProject: Project;
  let sharedImageId: string;
  let files: Server;
  let fileOrigin: string;
  let releaseImport!: () => void;
  const importHeld = new Promise<void>((resolve) => (releaseImport = resolve));

  beforeAll(async () => {
    // The import source: it sends all but the last byte, then the rest when the test says so,
    // so the page is seen IMPORTING before it is seen ACTIVE.
    files = createServer((req, res) => {
      if (req.url !== '/disk.qcow2') return void res.writeHead(404).end();
      res.writeHead(200, { 'content-length': DISK.length });
      res.write(DISK.subarray(0, DISK.length - 1));
      void importHeld.then(() => !res.destroyed && res.end(DISK.subarray(DISK.length - 1)));
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    fileOrigin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;

    t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', IMPORT_ALLOWED_HOSTS: '127.0.0.1/32' });
    gateway = new URL(await t.app.start()).origin;
    catalog = await createCatalog(t.app);
    await createImages(t.app, catalog, 25, { metadataPerImage: 1, name: (i) => `console-${String(i).padStart(2, '0')}` });
    const em = t.app.orm.em.fork();
    otherProject = em.create(Project, { name: 'Beta Hosting', reseller: null });
    const [shared] = await createImages(t.app, catalog, 1, { name: () => 'console-shared', metadataPerImage: 1 });
    sharedImageId = shared!.id;
    await em.nativeUpdate(Image, { id: sharedImageId }, { visibility: 'SHARED' } as never);
    em.create(ImageMetadata, { image: em.getReference(Image, sharedImageId), key: 'provider-sku', value: 'S-1', readOnly: true } as never);
    await em.flush();
    ownerToken = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    otherToken = await t.tokenFor({ role: 'member', projectId: otherProject.id });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    await mkdir(ARTIFACTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    releaseImport?.();
    await browser?.close();
    await t?.close();
    files?.close();
  });

  /** What the pages logged as warnings or errors: a normalized cache warns of objects it cannot key. */
  const problems: string[] = [];
  afterEach(() => {
    const seen = problems.splice(0);
    // The one error a test provokes on purpose: the 400 answer to the bad search.
    expect(seen.filter((line) => !/status of 400/.test(line))).toEqual([]);
  });

  /** A fresh tab (its own sessionStorage), signed in with `token`. */
  async function signedIn(token: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    // A step that cannot happen fails in seconds, naming what it waited for.
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') problems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(`${gateway}/`);
    await page.getByLabel('API token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await visible(page.getByRole('heading', { name: 'Images' }));
    return { context, page };
  }

  /** Finds the shared image through the name filter and opens its page. */
  async function openSharedImage(page: Page) {
    await page.getByLabel('Name contains').fill('shared');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.getByRole('link', { name: 'console-shared' }).click();
    await visible(page.getByRole('heading', { name: /console-shared/ }));
  }

  /** Controls with no accessible name (no label, no aria-label, no text): none may exist. */
  const unlabelledControls = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea, button')]
        .filter((el) => {
          const labelled = (el as HTMLInputElement).labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
          return !labelled && !(el.tagName === 'BUTTON' && el.textContent?.trim());
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );

  const rows = (page: Page) => page.locator('table.catalog tbody tr');
  const firstName = (page: Page) => rows(page).first().locator('td').first();
  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, name), fullPage: true });

  it('signs in, filters, sorts, pages and shows a bad search at its position', async () => {
    const refused = await browser.newContext();
    try {
      const page = await refused.newPage();
      await page.goto(`${gateway}/`);
      await page.getByLabel('API token').fill('icg_not-a-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await containsText(page.getByRole('alert'), 'refused this token');
      expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    } finally {
      await refused.close();
    }

    const { context, page } = await signedIn(ownerToken);
    try {
      await visible(page.getByText('26 images'));
      await hasCount(rows(page), 20);
      await hasText(firstName(page), 'console-00');

      await page.getByRole('button', { name: 'Next page' }).click();
      await hasText(firstName(page), 'console-20');
      await hasCount(rows(page), 6);
      await page.getByRole('button', { name: 'Previous page' }).click();
      await hasText(firstName(page), 'console-00');

      // Sorted from the keyboard: the column header is a button.
      await page.getByRole('button', { name: /^Name/ }).focus();
      await page.keyboard.press('Enter');
      await hasText(firstName(page), 'console-shared');
      await containsText(page.locator('th[aria-sort="descending"]'), 'Name');
      expect(await unlabelledControls(page)).toEqual([]);
      await shot(page, 'catalog-1280.png');

      await page.getByLabel('Name contains').fill('shared');
      await page.getByLabel('Visibility').selectOption('SHARED');
      await page.getByLabel('Status').selectOption('ACTIVE');
      await page.getByLabel('Region').selectOption({ label: 'Toronto' });
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await visible(page.getByText('1 image', { exact: true }));
      await hasText(firstName(page), 'console-shared');

      await page.getByLabel('Search').fill(BAD_SEARCH);
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      const error = page.locator('#search-error');
      await containsText(error, 'Unterminated string starting at position 8');
      await hasAttribute(page.getByLabel('Search'), 'aria-invalid', 'true');
      // The marked character is the one the parser names: the opening quote.
      await hasText(error.locator('mark'), '"');
      await hasAttribute(error.locator('[data-position]'), 'data-position', '8');
      await shot(page, 'search-error-1280.png');

      await page.getByLabel('Search').fill('name ~ shared');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await hasCount(error, 0);
      await hasText(firstName(page), 'console-shared');
    } finally {
      await context.close();
    }
  });

  it('edits metadata, shows read-only items as such, and offers the image to a project that accepts', async () => {
    const { context, page } = await signedIn(ownerToken);
    try {
      await openSharedImage(page);
      expect(await unlabelledControls(page)).toEqual([]);

      const readOnly = page.locator('.metadata-item[data-key="provider-sku"]');
      await containsText(readOnly, 'read-only');
      await hasCount(readOnly.locator('input'), 0);
      await page.getByRole('textbox', { name: 'key-0', exact: true }).fill('edited in the console');
      await page.getByRole('button', { name: 'Save key-0' }).click();
      await visible(page.getByRole('status').filter({ hasText: 'Saved' }));
      const em = t.app.orm.em.fork();
      expect((await em.findOneOrFail(ImageMetadata, { image: sharedImageId, key: 'key-0' })).value).toBe('edited in the console');

      // A typed error lands beside the field it names: the read-only key cannot be set.
      await page.getByLabel('New key').fill('provider-sku');
      await page.getByLabel('Value', { exact: true }).fill('S-2');
      await page.getByRole('button', { name: 'Add item' }).click();
      await visible(page.locator('#metadata-new-error'));

      await page.getByLabel('Offer to project').fill(gid('Project', otherProject.id));
      await page.getByRole('button', { name: 'Offer', exact: true }).click();
      const member = page.locator('.members li[data-project="Beta Hosting"]');
      await hasAttribute(member.locator('[data-status]'), 'data-status', 'PENDING');
      // Only the member answers: the owner is offered no Accept or Reject (Query.viewer says who is asking).
      expect(await member.getByRole('button').count()).toBe(0);
      await page.getByLabel('New tag').fill('golden');
      await page.getByLabel('New tag').press('Enter');
      await visible(page.getByRole('button', { name: 'Remove tag golden' }));

      // Offered twice: the ConflictError names projectId, so it shows beside that field.
      await page.getByRole('button', { name: 'Offer', exact: true }).click();
      await containsText(page.locator('#offer-project-error'), 'already a member');
      await shot(page, 'image-1280.png');

      // The other project, in a tab of its own, finds the offer and accepts it.
      const other = await signedIn(otherToken);
      try {
        await other.page.getByLabel('Offers to my project').selectOption('PENDING');
        await other.page.getByRole('button', { name: 'Apply filters' }).click();
        await other.page.getByRole('link', { name: 'console-shared' }).click();
        await other.page.getByRole('button', { name: 'Accept for Beta Hosting' }).click();
        // A member does not speak for the owner: it offers the image to nobody, and changes none of it.
        expect(await other.page.getByLabel('Offer to project').count()).toBe(0);
        expect(await other.page.locator('.image-page input, .image-page textarea').count()).toBe(0);
        expect(await other.page.getByRole('button', { name: /^Remove tag|^Save|^Add/ }).count()).toBe(0);
        await hasAttribute(other.page.locator('.members li[data-project="Beta Hosting"] [data-status]'), 'data-status', 'ACCEPTED');
      } finally {
        await other.context.close();
      }
    } finally {
      await context.close();
    }
  });

  it('uploads a file and imports one from a URL, the badge and progress bar following live', async () => {
    const { context, page } = await signedIn(ownerToken);
    try {
      // Registered in the console: a name already taken comes back beside the name field.
      await page.getByRole('link', { name: 'Register or import' }).click();
      await page.locator('#create-name').fill('console-shared');
      await page.locator('#create-region').selectOption({ label: 'Toronto' });
      await page.getByRole('button', { name: 'Register' }).click();
      await visible(page.locator('#create-name-error'));
      await hasAttribute(page.locator('#create-name'), 'aria-invalid', 'true');
      await page.locator('#create-name').fill('console-uploaded');
      await page.getByRole('button', { name: 'Register' }).click();
      await visible(page.getByRole('heading', { name: /console-uploaded/ }));
      const badge = page.locator('#image-title [data-status]');
      await hasAttribute(badge, 'data-status', 'QUEUED');
      await page.getByLabel('Image file').setInputFiles({ name: 'disk.qcow2', mimeType: 'application/octet-stream', buffer: DISK });
      await page.getByRole('button', { name: 'Upload' }).click();
      await hasAttribute(badge, 'data-status', 'ACTIVE');
      await eventually(async () => expect(await page.getByLabel('UPLOAD progress').evaluateAll((els) => els.map((el) => (el as HTMLProgressElement).value))).toEqual([100]));

      await page.getByRole('link', { name: 'Register or import' }).click();
      await page.locator('#import-url').fill(`${fileOrigin}/disk.qcow2`);
      await page.locator('#import-name').fill('console-imported');
      await page.locator('#import-region').selectOption({ label: 'Toronto' });
      await page.getByRole('button', { name: 'Import' }).click();
      await visible(page.getByRole('heading', { name: /console-imported/ }));
      await hasAttribute(badge, 'data-status', 'IMPORTING');
      const progress = page.getByLabel('IMPORT progress');
      await visible(progress);
      const reloads: string[] = [];
      page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads.push(frame.url()));
      releaseImport();
      await hasAttribute(badge, 'data-status', 'ACTIVE', 15_000);
      await eventually(async () => expect(await progress.evaluateAll((els) => els.map((el) => (el as HTMLProgressElement).value))).toEqual([100]), 15_000);
      expect(reloads).toEqual([]);
      await shot(page, 'import-1280.png');
    } finally {
      await context.close();
    }
  });

  it('fits a phone-wide screen, every control labelled', async () => {
    const { context, page } = await signedIn(ownerToken, 390);
    try {
      await hasCount(rows(page), 20);
      // Nothing wider than the screen: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await unlabelledControls(page)).toEqual([]);
      await shot(page, 'catalog-390.png');
      await openSharedImage(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await unlabelledControls(page)).toEqual([]);
      await shot(page, 'image-390.png');
      await page.getByRole('link', { name: 'Register or import' }).click();
      await visible(page.getByRole('heading', { name: 'Import from a URL' }));
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await unlabelledControls(page)).toEqual([]);
      if (process.env.CONSOLE_SCREENSHOT_DOCS === '1') {
        await mkdir('docs', { recursive: true });
        await copyFile(join(ARTIFACTS, 'catalog-1280.png'), 'docs/console.png');
      }
    } finally {
      await context.close();
    }
  });

  it('costs no more SQL statements for a page than its operations sent alone', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    type Operation = { query: string; variables?: Record<string, unknown> };
    try {
      // Signed in already: the page's loads are what is counted.
      await page.goto(`${gateway}/`);
      await page.evaluate((token) => sessionStorage.setItem('image-catalog.token', token), ownerToken);
      // What the page sends: queries over HTTP, subscriptions over its WebSocket (and which of
      // those have answered: one that follows one object answers with its current state first).
      const sent: Operation[] = [];
      const subscriptions = new Map<string, Operation>();
      const answered = new Set<string>();
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql') sent.push(request.postDataJSON());
      });
      page.on('websocket', (socket) => {
        const mine = new Set<string>();
        // A page torn down by the reload leaves its socket's operations unanswered: none is the new page's.
        socket.on('close', () => mine.forEach((id) => subscriptions.delete(id)));
        socket.on('framesent', ({ payload }) => {
          const message = JSON.parse(String(payload));
          if (message.type === 'subscribe') subscriptions.set(message.id, message.payload), mine.add(message.id);
          // Stopped by the page before it answered: not one of the page's standing operations.
          if (message.type === 'complete') subscriptions.delete(message.id);
        });
        socket.on('framereceived', ({ payload }) => {
          const message = JSON.parse(String(payload));
          if (message.type === 'next') answered.add(message.id);
        });
      });
      const followsOne = (operation: Operation) => operation.variables?.id != null;
      const settled = async () => {
        await page.waitForLoadState('networkidle');
        await eventually(async () => expect([...subscriptions].filter(([id, op]) => followsOne(op) && !answered.has(id))).toEqual([]));
      };
      // Token lookups (cached per token, so one side may make one the other does not), and the task
      // sweep that runs in the background every few seconds with the brackets of its transaction
      // (reads run none), are no statement of the page's.
      const BACKGROUND = [/\bapi_token\b/, /"heartbeat_at" < /, /"run_after" < /, /^(BEGIN|COMMIT|ROLLBACK)\b/i];
      const ownStatements = (sql: string[]) => sql.filter((statement) => !BACKGROUND.some((pattern) => pattern.test(statement))).length;

      for (const [hash, ready] of [
        ['#/', () => hasCount(rows(page), 20)],
        [`#/images/${gid('Image', sharedImageId)}`, () => visible(page.getByRole('heading', { name: /console-shared/ }))],
      ] as const) {
        // Once unwatched, so the reference rows the gateway remembers are remembered for both counts.
        await page.goto(`${gateway}/${hash}`);
        await page.reload();
        await ready();
        await settled();
        sent.length = 0;
        subscriptions.clear();
        const pageSql = await t.statementsOf(async () => {
          await page.reload();
          await ready();
          await settled();
        });
        expect(sent.length).toBeGreaterThan(0);
        const queries = [...sent];
        // Sent alone, a query the page repeated would be repeated too: the page must ask each once.
        expect(new Set(queries.map((operation) => JSON.stringify(operation))).size, `${hash}: a repeated query`).toBe(queries.length);
        const subscribed = [...subscriptions.values()];

        const caller = t.as(ownerToken);
        const client = wsClient(`${gateway}/graphql`, ownerToken);
        const aloneSql = await t.statementsOf(async () => {
          for (const { query, variables } of queries) expect((await caller.requestRaw(query, variables)).errors).toBeUndefined();
          // Those following every change first, then those that answer at once, awaited.
          const waits = [...subscribed.filter((op) => !followsOne(op)), ...subscribed.filter(followsOne)].map(
            (op) => new Promise<void>((resolve, reject) => {
              client.subscribe(op as never, { next: () => resolve(), error: reject, complete: () => resolve() });
              if (!followsOne(op)) resolve();
            }),
          );
          await Promise.all(waits);
        });
        await client.dispose();
        const byPage = ownStatements(pageSql);
        const alone = ownStatements(aloneSql);
        if (byPage > alone) console.error(`${hash}\npage:\n${pageSql.join('\n')}\nalone:\n${aloneSql.join('\n')}`);
        expect(byPage, `${hash}: ${queries.length} queries, ${subscribed.length} subscriptions`).toBeLessThanOrEqual(alone);
        // The figures the README gives: the catalog's page and count, with the regions for the
        // filter; an image with its metadata, members, tasks and the viewer's project.
        expect(byPage, hash).toBe(PAGE_STATEMENTS[hash === '#/' ? 'catalog' : 'image']);
      }
    } finally {
      await context.close();
    }
  });
});
