// The rules of holding a task, on a real database: the attempt number is the lease token, a
// holder that lost its task can change nothing, user edits of the image never take a task away,
// and attempts are counted only when they were really made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Image, type ImageStatus } from '../../src/db/entities/image.js';
import { Task, type TaskType } from '../../src/db/entities/task.js';
import {
  type TaskRules, claimTask, failTask, finishTask, heartbeat, nextRound, overdueTasks, recoverAbandonedTasks, releaseTask,
} from '../../src/domain/task-runs.js';
import { type TestApp, startTestApp } from '../helpers/app.js';
import { type Catalog, createCatalog, unique } from '../helpers/fixtures.js';

const rules: TaskRules = { leaseMs: 60_000, maxAttempts: 2, retryDelaySeconds: 1 };

describe('task runs', () => {
  let t: TestApp;
  let catalog: Catalog;
  beforeAll(async () => {
    // No workers: these tests are the only ones claiming tasks.
    t = await startTestApp({ WORKERS: '0' });
    catalog = await createCatalog(t.app);
  });
  afterAll(() => t?.close());

  const em = () => t.app.orm.em.fork();
  async function aTask(type: TaskType = 'IMPORT', status: ImageStatus = 'QUEUED') {
    const fork = em();
    const image = fork.create(Image, { name: unique('run'), region: catalog.region, owner: catalog.project, status } as never);
    const task = fork.create(Task, { type, image } as never);
    await fork.flush();
    return task.id;
  }
  const row = (id: string) => em().findOneOrFail(Task, { id }, { populate: ['image'] });
  /** Ages the task's heartbeat past any lease, as if its holder had died. */
  const expire = (id: string) => em().nativeUpdate(Task, { id }, { heartbeatAt: new Date(Date.now() - 3_600_000) });

  it('claims a NEW task once: RUNNING, one attempt, its image IMPORTING', async () => {
    const id = await aTask();
    const claim = await claimTask(t.app.orm.em, id, rules);
    expect(claim?.token).toBe(1);
    expect(await claimTask(t.app.orm.em, id, rules)).toBeNull();
    const task = await row(id);
    expect([task.state, task.attempts, task.image.status]).toEqual(['RUNNING', 1, 'IMPORTING']);
  });

  it('lets a holder whose lease ran out change nothing once another took the task over', async () => {
    const id = await aTask();
    const stale = (await claimTask(t.app.orm.em, id, rules))!;
    await expire(id);
    const fresh = (await claimTask(t.app.orm.em, id, rules))!;
    expect(fresh.token).toBe(2);
    expect(await heartbeat(t.app.orm.em, stale, { bytesDone: 1 })).toBe(false);
    expect(await finishTask(t.app.orm.em, stale, (image) => void (image.status = 'ACTIVE'))).toBe(false);
    expect(await failTask(t.app.orm.em, stale, 'late', { retry: false })).toBeUndefined();
    const task = await row(id);
    expect([task.state, task.attempts, task.image.status, task.bytesDone]).toEqual(['RUNNING', 2, 'IMPORTING', 0]);
  });

  it('ends a task whose holder died on its last attempt: ERROR, the image KILLED', async () => {
    const id = await aTask();
    await claimTask(t.app.orm.em, id, rules);
    await expire(id);
    await claimTask(t.app.orm.em, id, rules);
    await expire(id);
    expect(await claimTask(t.app.orm.em, id, rules)).toBeNull();
    const task = await row(id);
    expect([task.state, task.attempts, task.image.status]).toEqual(['ERROR', 2, 'KILLED']);
    expect(task.error).toMatch(/attempts are spent/);
  });

  it('keeps the task while a user edit holds the image row: the heartbeat goes on, the finish waits for it', async () => {
    const id = await aTask();
    const claim = (await claimTask(t.app.orm.em, id, rules))!;
    const imageId = claim.image.id;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // An edit of the image (a description), still open while the worker carries on.
    const edit = em().transactional(async (tx) => {
      const image = await tx.findOneOrFail(Image, { id: imageId });
      image.description = 'edited meanwhile';
      await tx.flush();
      await held;
    });
    const beat = heartbeat(t.app.orm.em, claim, { bytesDone: 10, bytesTotal: 100 });
    const finish = finishTask(t.app.orm.em, claim, (image) => void (image.status = 'ACTIVE'));
    // PostgreSQL: the heartbeat does not wait for the edit at all. (Embedded PGlite runs one
    // transaction at a time, so there everything waits its turn.)
    if (process.env.TEST_DATABASE_URL) {
      const first = await Promise.race([beat.then(() => 'heartbeat'), new Promise((resolve) => setTimeout(() => resolve('edit'), 150))]);
      expect(first).toBe('heartbeat');
    }
    setTimeout(release, 200);
    await edit;
    expect(await beat).toBe(true);
    expect(await finish).toBe(true);
    const task = await row(id);
    expect([task.state, task.image.status, task.image.description]).toEqual(['FINISHED', 'ACTIVE', 'edited meanwhile']);
  });

  it('ends FINISHED with every byte counted, whatever the last heartbeat said', async () => {
    const known = await aTask();
    const claim = (await claimTask(t.app.orm.em, known, rules))!;
    expect(await heartbeat(t.app.orm.em, claim, { bytesDone: 71, bytesTotal: 100 })).toBe(true);
    expect((await row(known)).progress).toBe(71);
    expect(await finishTask(t.app.orm.em, claim, (image) => void (image.status = 'ACTIVE'), 100)).toBe(true);
    expect(await row(known)).toMatchObject({ state: 'FINISHED', progress: 100, bytesDone: 100, bytesTotal: 100 });

    // A source that never said its length: the total is known at the end.
    const unknown = await aTask();
    const other = (await claimTask(t.app.orm.em, unknown, rules))!;
    expect(await heartbeat(t.app.orm.em, other, { bytesDone: 40, bytesTotal: null })).toBe(true);
    expect(await finishTask(t.app.orm.em, other, (image) => void (image.status = 'ACTIVE'), 64)).toBe(true);
    expect(await row(unknown)).toMatchObject({ state: 'FINISHED', progress: 100, bytesDone: 64, bytesTotal: 64 });
  });

  it('gives a task back uncounted when its holder stops, ready for a new round of the queue', async () => {
    const id = await aTask();
    const claim = (await claimTask(t.app.orm.em, id, rules))!;
    const released = await releaseTask(t.app.orm.em, claim);
    expect([released?.state, released?.attempts, released?.dispatches]).toEqual(['NEW', 0, 1]);
    const again = (await claimTask(t.app.orm.em, id, rules))!;
    // Uncounted, but a new token: the first hold can change nothing.
    expect([again.token, (await row(id)).attempts]).toEqual([2, 1]);
    expect(await heartbeat(t.app.orm.em, claim, { bytesDone: 5 })).toBe(false);
  });

  it('retries a passing failure while attempts remain, then ends it KILLED', async () => {
    const id = await aTask();
    const first = (await claimTask(t.app.orm.em, id, rules))!;
    const before = Date.now();
    const retried = await failTask(t.app.orm.em, first, 'busy', { retry: true, rules });
    expect([retried?.state, retried?.dispatches, retried?.error]).toEqual(['NEW', 1, 'Attempt 1 failed, retrying: busy']);
    // Backoff: the first retry waits retryDelaySeconds, up to half as long again.
    expect(retried!.runAfter.getTime() - before).toBeGreaterThanOrEqual(1000);
    expect(retried!.runAfter.getTime() - before).toBeLessThan(1600);
    const second = (await claimTask(t.app.orm.em, id, rules))!;
    const ended = await failTask(t.app.orm.em, second, 'still busy', { retry: true, rules });
    expect([ended?.state, ended?.error]).toEqual(['ERROR', 'still busy']);
    expect((await row(id)).image.status).toBe('KILLED');
  });

  it('gives an overdue task whose job is gone a new round, once', async () => {
    const id = await aTask();
    await em().nativeUpdate(Task, { id }, { runAfter: new Date(Date.now() - 3_600_000) });
    const overdue = await overdueTasks(t.app.orm.em, rules.leaseMs);
    const task = overdue.find((candidate) => candidate.id === id)!;
    expect(task.dispatches).toBe(0);
    expect((await nextRound(t.app.orm.em, task))?.dispatches).toBe(1);
    // The same stale view cannot start a second round.
    expect(await nextRound(t.app.orm.em, task)).toBeNull();
    expect((await overdueTasks(t.app.orm.em, rules.leaseMs)).map((candidate) => candidate.id)).not.toContain(id);
  });

  it('recovers abandoned tasks: cleans up first, retries an import, puts an upload back to QUEUED', async () => {
    const importId = await aTask();
    await claimTask(t.app.orm.em, importId, rules);
    const uploadId = await aTask('UPLOAD', 'SAVING');
    await em().nativeUpdate(Task, { id: uploadId }, { state: 'RUNNING', attempts: 1, claims: 1 });
    await expire(importId);
    await expire(uploadId);
    const { retried, abandoned } = await recoverAbandonedTasks(t.app.orm.em, rules);
    expect(abandoned.map((left) => left.tag).sort()).toEqual([`${importId}.1`, `${uploadId}.1`].sort());
    expect(retried.map((task) => task.id)).toEqual([importId]);
    const [imported, uploaded] = [await row(importId), await row(uploadId)];
    expect([imported.state, imported.image.status, imported.dispatches]).toEqual(['NEW', 'IMPORTING', 1]);
    expect([uploaded.state, uploaded.image.status]).toEqual(['ERROR', 'QUEUED']);
  });
});
