// The README's walk-through runs as written on the demo catalog: every GraphQL block, in
// order, with the ids and URLs in capitals replaced by real ones; an error example must match the
// JSON block that follows it.
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCatalog } from '../src/db/seed-demo.js';
import { type TestApp, startTestApp } from './helpers/app.js';
import { qcow2 } from './helpers/disk-images.js';

interface Example {
  query: string;
  expectedError?: { message: string; extensions?: Record<string, unknown> };
}

async function readmeExamples(): Promise<Example[]> {
  const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
  const blocks = [...readme.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang, body: body! }));
  const examples: Example[] = [];
  blocks.forEach((block, index) => {
    if (block.lang !== 'graphql') return;
    const next = blocks[index + 1];
    examples.push({
      query: block.body,
      ...(next?.lang === 'json' && { expectedError: JSON.parse(next.body).errors[0] }),
    });
  });
  return examples;
}

describe('the README walk-through', () => {
  let t: TestApp;
  // SOURCE_URL: a disk image served on loopback, which the README allows with IMPORT_ALLOWED_HOSTS.
  let source: Server;
  beforeAll(async () => {
    const disk = qcow2(1024 ** 3, 64 * 1024);
    source = createServer((_req, res) => void res.writeHead(200, { 'content-length': disk.length }).end(disk));
    await new Promise<void>((resolve) => source.listen(0, '127.0.0.1', resolve));
    t = await startTestApp({ IMPORT_ALLOWED_HOSTS: '127.0.0.1/32' });
    await seedDemoCatalog(t.app.orm.em.fork());
  });
  afterAll(async () => {
    await t?.close();
    source?.close();
  });

  it('runs every example as the README says', async () => {
    const examples = await readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(8);
    const known = await t.requestRaw('{ regions(first: 10) { edges { node { id slug } } } projects(first: 10) { edges { node { id name } } } }');
    const ids: Record<string, string> = {
      REGION_ID: known.data!.regions.edges.find((edge: any) => edge.node.slug === 'toronto').node.id,
      PROJECT_ID: known.data!.projects.edges.find((edge: any) => edge.node.name === 'acme-prod').node.id,
      SOURCE_URL: `http://127.0.0.1:${(source.address() as AddressInfo).port}/cirros-0.6.2.qcow2`,
    };
    for (const example of examples) {
      const query = example.query.replace(/\b[A-Z]+_(ID|URL)\b/g, (token) => ids[token] ?? token);
      const result = await t.requestRaw(query);
      if (example.expectedError) {
        expect(result.errors?.[0]).toMatchObject(example.expectedError);
        continue;
      }
      expect(result.errors, query).toBeUndefined();
      const text = JSON.stringify(result.data);
      expect(text, `${query} shows nothing`).not.toMatch(/"totalCount":0\b/);
      // A block may announce the typed error it demonstrates: "# Answers ProtectedImageError".
      const announced = /# Answers (\w+Error)/.exec(query)?.[1];
      const errors = [...text.matchAll(/"__typename":"(\w*Error)"/g)].map((match) => match[1]);
      expect(errors, query).toEqual(announced ? [announced] : []);
      const created = result.data?.imageCreate?.image?.id;
      if (created) ids.IMAGE_ID = created;
    }
    expect(ids.IMAGE_ID).toBeDefined();
  });
});
