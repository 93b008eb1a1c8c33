// Subscribers who sent the same operation and see alike share one execution of each change
// (src/http/use-grouped-fan-out.ts): the metadata their selection asks for is read once per
// change for the whole group, over graphql-ws and SSE alike, while each still gets its own
// current state first and every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid } from '../helpers/fixtures.js';
import { print } from 'graphql';
import WebSocket from 'ws';
import { Inbox, type Subscription, subscribeSse, subscribeWs, untilSomethingArrives, wsClient } from '../helpers/live.js';

const WatchWithMetadata = graphql(`
  subscription GroupedWatch($id: ID) {
    imageStatusChanged(id: $id) { image { id status metadata { key value } } previousStatus status }
  }
`);
const Deactivate = graphql(`mutation GroupedDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }`);
const Reactivate = graphql(`mutation GroupedReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }`);

const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};

describe('subscribers who see alike', () => {
  let t: TestApp;
  let url: string;
  let catalog: Catalog;
  let member: string;
  let readOnlyMember: string;

  beforeAll(async () => {
    t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', WORKERS: '0', ...redis });
    url = await t.app.start();
    catalog = await createCatalog(t.app);
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    readOnlyMember = await t.tokenFor({ role: 'member', projectId: catalog.project.id, readOnly: true });
  });
  afterAll(() => t?.close());

  /** Reads of image metadata: each execution of the selection reads it once. */
  const metadataReads = (statements: string[]) => statements.filter((sql) => /\bimage_metadata\b/.test(sql)).length;

  it('share one execution of each change, and each gets it', async () => {
    const [image] = await createImages(t.app, catalog, 1, { metadataPerImage: 2 });
    const id = gid('Image', image!.id);
    const clients = [wsClient(url, member), wsClient(url, member), wsClient(url, readOnlyMember)];
    const subscriptions: Subscription<any>[] = [];
    try {
      // Seven writers of one project on two sockets and SSE, three read-only members, one administrator.
      for (let i = 0; i < 6; i++) subscriptions.push(subscribeWs(clients[i % 2]!, WatchWithMetadata, { id }));
      subscriptions.push(subscribeSse(url, member, WatchWithMetadata, { id }));
      for (let i = 0; i < 3; i++) subscriptions.push(subscribeWs(clients[2]!, WatchWithMetadata, { id }));
      subscriptions.push(subscribeSse(url, t.adminToken, WatchWithMetadata, { id }));
      for (const subscription of subscriptions) {
        const first = await subscription.results.next();
        expect(first.errors).toBeUndefined();
        expect(first.data.imageStatusChanged).toMatchObject({ previousStatus: null, status: 'ACTIVE' });
      }

      const statements = await t.statementsOf(async () => {
        expect((await t.request(Deactivate, { id })).errors).toBeUndefined();
        for (const subscription of subscriptions) {
          const change = await subscription.results.next();
          expect(change.errors).toBeUndefined();
          expect(change.data.imageStatusChanged).toEqual({
            image: { id, status: 'DEACTIVATED', metadata: [{ key: 'key-0', value: expect.any(String) }, { key: 'key-1', value: expect.any(String) }] },
            previousStatus: 'ACTIVE',
            status: 'DEACTIVATED',
          });
        }
      });
      // Three groups: the project's writers, its read-only members, the administrator.
      expect(metadataReads(statements)).toBe(3);
    } finally {
      for (const subscription of subscriptions) await subscription.close();
      for (const client of clients) await client.dispose();
    }
  });

  it('are grouped by their variables: watchers of all images apart from watchers of one', async () => {
    const [warm, watched] = await createImages(t.app, catalog, 2, { metadataPerImage: 1 });
    const client = wsClient(url, member);
    const everything = [subscribeWs(client, WatchWithMetadata, {}), subscribeWs(client, WatchWithMetadata, {})];
    const one = subscribeWs(client, WatchWithMetadata, { id: gid('Image', watched!.id) });
    try {
      // A subscription without an id says nothing when it listens: changes of another image until both hear.
      let active = true;
      const flip = async () => {
        const id = gid('Image', warm!.id);
        expect((active ? await t.request(Deactivate, { id }) : await t.request(Reactivate, { id })).errors).toBeUndefined();
        active = !active;
      };
      for (const subscription of everything) await untilSomethingArrives(subscription.results, flip);
      while (!active) await flip();
      // Every event of the warm-up arrives and is read before the change that is measured.
      for (let quiet = false; !quiet; ) {
        await new Promise((resolve) => setTimeout(resolve, 300));
        quiet = everything.every((subscription) => subscription.results.size === 0);
        for (const subscription of everything) while (subscription.results.size) await subscription.results.next();
      }
      expect((await one.results.next()).errors).toBeUndefined();

      const statements = await t.statementsOf(async () => {
        expect((await t.request(Deactivate, { id: gid('Image', watched!.id) })).errors).toBeUndefined();
        for (const subscription of [one, ...everything]) {
          // A warm-up event later than the quiet spell is passed over (its execution would still count).
          let change = (await subscription.results.next()).data!.imageStatusChanged;
          while (change.image.id === gid('Image', warm!.id)) change = (await subscription.results.next()).data!.imageStatusChanged;
          expect(change).toMatchObject({ image: { id: gid('Image', watched!.id) }, status: 'DEACTIVATED' });
        }
      });
      expect(metadataReads(statements)).toBe(2);
    } finally {
      for (const subscription of [one, ...everything]) await subscription.close();
      await client.dispose();
    }
  });

  it('over graphql-ws get each shared change as graphql-ws writes a message, and none after completing', async () => {
    const [image] = await createImages(t.app, catalog, 1, { metadataPerImage: 1 });
    const id = gid('Image', image!.id);
    // The frames as they arrive on the socket, unparsed.
    const frames = new Inbox<string>();
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    socket.on('message', (data) => frames.put(data.toString()));
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
    const send = (message: object) => socket.send(JSON.stringify(message));
    const nextOf = async (ids: string[]) => {
      const byId = new Map<string, string>();
      while (byId.size < ids.length) {
        const frame = await frames.next();
        const message = JSON.parse(frame) as { id?: string; type: string; payload?: unknown };
        if (message.type !== 'next' || !ids.includes(message.id!)) throw new Error(`unexpected frame ${frame}`);
        // Byte for byte what graphql-ws writes for the message.
        expect(frame).toBe(JSON.stringify({ id: message.id, type: 'next', payload: message.payload }));
        byId.set(message.id!, frame);
      }
      return ids.map((one) => JSON.parse(byId.get(one)!).payload);
    };
    try {
      send({ type: 'connection_init', payload: { authorization: `Bearer ${member}` } });
      expect(JSON.parse(await frames.next())).toEqual({ type: 'connection_ack' });
      for (const one of ['a', 'b']) send({ id: one, type: 'subscribe', payload: { query: print(WatchWithMetadata), variables: { id } } });
      for (const first of await nextOf(['a', 'b'])) expect(first.data.imageStatusChanged).toMatchObject({ previousStatus: null, status: 'ACTIVE' });

      for (const status of ['DEACTIVATED', 'ACTIVE']) {
        expect((status === 'ACTIVE' ? await t.request(Reactivate, { id }) : await t.request(Deactivate, { id })).errors).toBeUndefined();
        const [a, b] = await nextOf(['a', 'b']);
        expect(a).toEqual(b);
        expect(a.data.imageStatusChanged).toEqual({ image: { id, status, metadata: [{ key: 'key-0', value: expect.any(String) }] }, previousStatus: expect.any(String), status });
      }

      send({ id: 'a', type: 'complete' });
      expect((await t.request(Deactivate, { id })).errors).toBeUndefined();
      const [b] = await nextOf(['b']);
      expect(b.data.imageStatusChanged.status).toBe('DEACTIVATED');
      // Whatever the server sent before the pong has arrived by then: nothing more for `a`.
      send({ type: 'ping' });
      expect(JSON.parse(await frames.next())).toEqual({ type: 'pong' });
      expect(frames.size).toBe(0);
    } finally {
      socket.close();
    }
  });
});
