// imageStatusChanged over a real listener, through graphql-ws and SSE: the current state first,
// then every change, and nothing about an image the subscriber cannot see, checked per event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { Project } from '../../src/db/entities/project.js';
import { graphql } from '../gql/index.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, createImages, gid, unique } from '../helpers/fixtures.js';
import { Inbox, subscribeSse, subscribeWs, untilSomethingArrives, wsClient } from '../helpers/live.js';

const WatchImage = graphql(`
  subscription LiveWatchImage($id: ID) {
    imageStatusChanged(id: $id) { image { id status } previousStatus status at }
  }
`);
const WatchAll = graphql(`
  subscription LiveWatchAll($filter: ImageStatusFilter) {
    imageStatusChanged(filter: $filter) { image { id } previousStatus status }
  }
`);
const Deactivate = graphql(`mutation LiveDeactivate($id: ID!) { imageDeactivate(input: { id: $id }) { __typename } }`);
const Reactivate = graphql(`mutation LiveReactivate($id: ID!) { imageReactivate(input: { id: $id }) { __typename } }`);
const Delete = graphql(`mutation LiveDelete($id: ID!) { imageDelete(input: { id: $id }) { __typename } }`);
const MemberAdd = graphql(`
  mutation LiveMemberAdd($image: ID!, $project: ID!) { imageMemberAdd(input: { imageId: $image, projectId: $project }) { __typename } }
`);
const MemberRemove = graphql(`
  mutation LiveMemberRemove($image: ID!, $project: ID!) { imageMemberRemove(input: { imageId: $image, projectId: $project }) { __typename } }
`);

// Over Redis too when the run has one, as in production with several instances.
const redis: Record<string, string> = process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {};

describe('imageStatusChanged', () => {
  let t: TestApp;
  let url: string;
  let catalog: Catalog;
  /** A member of catalog.project, which owns the images createImages makes. */
  let member: string;
  let stranger: Project;
  const statuses = new Map<string, 'ACTIVE' | 'DEACTIVATED'>();

  beforeAll(async () => {
    t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', WORKERS: '0', ...redis });
    url = await t.app.start();
    catalog = await createCatalog(t.app);
    member = await t.tokenFor({ role: 'member', projectId: catalog.project.id });
    const em = t.app.orm.em.fork();
    stranger = em.create(Project, { name: unique('stranger'), reseller: null });
    await em.flush();
  });
  afterAll(() => t?.close());

  const anImage = async () => (await createImages(t.app, catalog, 1))[0]!.id;
  const strangersImage = async (visibility: 'PRIVATE' | 'SHARED' = 'PRIVATE') => {
    const [image] = await createImages(t.app, { ...catalog, project: stranger }, 1);
    if (visibility !== 'PRIVATE') await t.app.orm.em.fork().nativeUpdate('Image', { id: image!.id }, { visibility });
    return image!.id;
  };
  /** ACTIVE <-> DEACTIVATED, as the administrator. */
  async function toggle(imageId: string) {
    const active = (statuses.get(imageId) ?? 'ACTIVE') === 'ACTIVE';
    const result = active ? await t.request(Deactivate, { id: gid('Image', imageId) }) : await t.request(Reactivate, { id: gid('Image', imageId) });
    expect(result.errors).toBeUndefined();
    statuses.set(imageId, active ? 'DEACTIVATED' : 'ACTIVE');
  }

  it('sends the current state, then each change, over graphql-ws', async () => {
    const imageId = await anImage();
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchImage, { id: gid('Image', imageId) });
    try {
      const first = await subscription.results.next();
      expect(first.errors).toBeUndefined();
      expect(first.data!.imageStatusChanged).toMatchObject({ image: { id: gid('Image', imageId), status: 'ACTIVE' }, previousStatus: null, status: 'ACTIVE' });
      const before = Date.now();
      await toggle(imageId);
      const change = (await subscription.results.next()).data!.imageStatusChanged;
      expect(change).toMatchObject({ image: { id: gid('Image', imageId), status: 'DEACTIVATED' }, previousStatus: 'ACTIVE', status: 'DEACTIVATED' });
      expect(Date.parse(change.at)).toBeGreaterThanOrEqual(before - 1000);
      await toggle(imageId);
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({ previousStatus: 'DEACTIVATED', status: 'ACTIVE' });
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('sends the current state, then each change, over SSE', async () => {
    const imageId = await anImage();
    const subscription = subscribeSse(url, member, WatchImage, { id: gid('Image', imageId) });
    try {
      const first = await subscription.results.next();
      expect(first.data!.imageStatusChanged).toMatchObject({ image: { status: 'ACTIVE' }, previousStatus: null, status: 'ACTIVE' });
      await toggle(imageId);
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({
        image: { id: gid('Image', imageId), status: 'DEACTIVATED' },
        previousStatus: 'ACTIVE',
        status: 'DEACTIVATED',
      });
    } finally {
      await subscription.close();
    }
  });

  it('answers NOT_FOUND for an image the subscriber cannot see, as for an unknown one', async () => {
    const hidden = await strangersImage();
    for (const id of [gid('Image', hidden), gid('Image', '00000000-0000-7000-8000-000000000000')]) {
      const subscription = subscribeSse(url, member, WatchImage, { id });
      try {
        const answer = await subscription.results.next();
        expect(answer.data ?? null).toBeNull();
        expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'NOT_FOUND' } });
      } finally {
        await subscription.close();
      }
    }
  });

  it('tells the owner, subscribed by id, that its image is being deleted', async () => {
    const imageId = await anImage();
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchImage, { id: gid('Image', imageId) });
    try {
      await subscription.results.next();
      expect((await t.as(member).request(Delete, { id: gid('Image', imageId) })).data!.imageDelete.__typename).toBe('ImageDeletePayload');
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({ previousStatus: 'ACTIVE', status: 'PENDING_DELETE' });
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  // Acceptance 5.
  it('gives a member subscribed to all changes no event about an image it cannot see', async () => {
    const own = await anImage();
    const hidden = await strangersImage();
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchAll, {});
    // Each round changes the invisible image first: were its event delivered, it would come first.
    const round = async () => {
      await toggle(hidden);
      await toggle(own);
    };
    try {
      await untilSomethingArrives(subscription.results, round);
      await round(); // certainly listening by now
      const received = await drain(subscription.results, 2);
      expect(received.length).toBeGreaterThanOrEqual(2);
      for (const result of received) {
        expect(result.errors).toBeUndefined();
        expect(result.data!.imageStatusChanged.image.id).toBe(gid('Image', own));
      }
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('keeps to the filter', async () => {
    const [elsewhere] = await createImages(t.app, { ...catalog, region: catalog.otherRegion }, 1);
    const here = await anImage();
    const client = wsClient(url, t.adminToken);
    const subscription = subscribeWs(client, WatchAll, { filter: { regionId: gid('Region', catalog.otherRegion.id) } });
    try {
      await untilSomethingArrives(subscription.results, async () => {
        await toggle(here);
        await toggle(elsewhere!.id);
      });
      for (const result of await drain(subscription.results, 1)) {
        expect(result.data!.imageStatusChanged.image.id).toBe(gid('Image', elsewhere!.id));
      }
      // Surely listening now: a change here, then one elsewhere; only the second arrives.
      await toggle(here);
      await toggle(elsewhere!.id);
      expect((await subscription.results.next()).data!.imageStatusChanged.image.id).toBe(gid('Image', elsewhere!.id));
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });

  it('checks visibility on every event: an image no longer shared with the subscriber stops producing events', async () => {
    const shared = await strangersImage('SHARED');
    const image = gid('Image', shared);
    const project = gid('Project', catalog.project.id);
    expect((await t.request(MemberAdd, { image, project })).data!.imageMemberAdd.__typename).toBe('ImageMemberAddPayload');
    const client = wsClient(url, member);
    const subscription = subscribeWs(client, WatchImage, { id: image });
    try {
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({ status: 'ACTIVE' });
      await toggle(shared);
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({ previousStatus: 'ACTIVE', status: 'DEACTIVATED' });

      expect((await t.request(MemberRemove, { image, project })).data!.imageMemberRemove.__typename).toBe('ImageMemberRemovePayload');
      await toggle(shared); // DEACTIVATED -> ACTIVE, unseen
      expect((await t.request(MemberAdd, { image, project })).data!.imageMemberAdd.__typename).toBe('ImageMemberAddPayload');
      await toggle(shared); // ACTIVE -> DEACTIVATED, seen again
      // Had the unseen change been sent, it would have come first.
      expect((await subscription.results.next()).data!.imageStatusChanged).toMatchObject({ previousStatus: 'ACTIVE', status: 'DEACTIVATED' });
    } finally {
      await subscription.close();
      await client.dispose();
    }
  });
});

describe('the WebSocket endpoint', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', WORKERS: '0' });
    url = (await t.app.start()).replace(/^http/, 'ws');
  });
  afterAll(() => t?.close());

  /** Opens a graphql-transport-ws socket, sends connection_init, and reports how it ends. */
  function connect(payload?: Record<string, unknown>): Promise<{ acknowledged: boolean; closeCode?: number }> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, 'graphql-transport-ws');
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', ...(payload && { payload }) })));
      socket.on('message', (data) => {
        if (JSON.parse(String(data)).type === 'connection_ack') {
          socket.close(1000);
          resolve({ acknowledged: true });
        }
      });
      socket.on('close', (code) => resolve({ acknowledged: false, closeCode: code }));
      socket.on('error', reject);
    });
  }

  it('should close the socket with 4403 when connectionParams carry no token', async () => {
    expect(await connect()).toEqual({ acknowledged: false, closeCode: 4403 });
    expect(await connect({ other: 'x' })).toEqual({ acknowledged: false, closeCode: 4403 });
  });

  it('should close the socket with 4403 when the token is not valid', async () => {
    expect(await connect({ authorization: 'Bearer not-a-token' })).toEqual({ acknowledged: false, closeCode: 4403 });
    expect(await connect({ token: 'not-a-token' })).toEqual({ acknowledged: false, closeCode: 4403 });
  });

  it('should acknowledge a valid token, as an Authorization value or a bare token', async () => {
    expect(await connect({ authorization: `Bearer ${t.adminToken}` })).toEqual({ acknowledged: true });
    expect(await connect({ token: t.adminToken })).toEqual({ acknowledged: true });
  });

  it('should refuse an SSE subscription without a token (HTTP 401)', async () => {
    const response = await fetch(url.replace(/^ws/, 'http'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: 'subscription { imageStatusChanged { status } }' }),
    });
    expect(response.status).toBe(401);
    await response.body?.cancel();
  });
});

describe('stopping the server', () => {
  it('should end open WebSocket and SSE subscriptions instead of waiting for them', async () => {
    const t = await startTestApp({ HOST: '127.0.0.1', PORT: '0', WORKERS: '0' });
    const url = await t.app.start();
    const [image] = await createImages(t.app, await createCatalog(t.app), 1);
    const client = wsClient(url, t.adminToken);
    const overWs = subscribeWs(client, WatchImage, { id: gid('Image', image!.id) });
    const overSse = subscribeSse(url, t.adminToken, WatchImage, { id: gid('Image', image!.id) });
    await overWs.results.next();
    await overSse.results.next();
    const stopping = Date.now();
    await t.close();
    expect(Date.now() - stopping).toBeLessThan(3000); // not a keep-alive timeout (5 s) or forever
    expect(overSse.results.ended).toBe(true);
    await client.dispose();
    await overSse.close();
  });
});

/** What has arrived, after waiting `quietMs` for stragglers; at least `atLeast` items. */
async function drain<T>(inbox: Inbox<T>, atLeast: number, quietMs = 500): Promise<T[]> {
  const items: T[] = [];
  while (items.length < atLeast) items.push(await inbox.next());
  await new Promise((resolve) => setTimeout(resolve, quietMs));
  while (inbox.size) items.push(await inbox.next());
  return items;
}
