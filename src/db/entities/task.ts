import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { baseColumns } from './columns.js';
import { Image } from './image.js';
import { Project } from './project.js';

const p = defineEntity.properties;

/**
 * What a task does. IMPORT, REPLICATE and PURGE run on the queue (src/jobs); an UPLOAD is the
 * server receiving PUT /images/:id/file, which holds its lease like a worker; CREATE has nothing
 * to run.
 */
export const TASK_TYPES = ['CREATE', 'UPLOAD', 'IMPORT', 'REPLICATE', 'PURGE'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

export const TASK_STATES = ['NEW', 'RUNNING', 'FINISHED', 'ERROR'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * Background work on an image (Gcore tasks). The queue (pg-boss) only carries the task's id;
 * this row is the truth about it: state, progress, the reason it failed, and the lease of the
 * worker running it (a heartbeat older than the lease means that worker is gone).
 */
export const Task = defineEntity({
  name: 'Task',
  properties: {
    ...baseColumns,
    type: p.enum([...TASK_TYPES]),
    state: p.enum([...TASK_STATES]).default('NEW'),
    /** 0 to 100. */
    progress: p.integer().default(0),
    bytesDone: p.bigint('number').default(0),
    bytesTotal: p.bigint('number').nullable(),
    image: p.manyToOne(Image).deleteRule('cascade').index(),
    /** The project that asked, if a member did: members see their project's tasks. */
    project: p.manyToOne(Project).nullable().deleteRule('set null').index(),
    /** What the worker needs beyond the image (URLs, expected checksums, the source image). */
    input: p.json<Record<string, unknown>>().default('{}'),
    /** Why the task failed, or why its last attempt did (while it is retried). */
    error: p.text().nullable(),
    /** Attempts that count towards the limit (one given back by a stopping worker does not). */
    attempts: p.integer().default(0),
    /** Claims so far, only ever growing: the lease token of the current holder. */
    claims: p.integer().default(0),
    /** Hand-overs to the queue; with the task id it names the job, so one hand-over queues one job. */
    dispatches: p.integer().default(0),
    /** Not to run before this (a retry's backoff); a NEW task still waiting long after it was lost by the queue. */
    runAfter: p.datetime().columnType('timestamptz(3)').onCreate(() => new Date()),
    heartbeatAt: p.datetime().columnType('timestamptz(3)').nullable(),
    startedAt: p.datetime().columnType('timestamptz(3)').nullable(),
    finishedAt: p.datetime().columnType('timestamptz(3)').nullable(),
  },
  indexes: [
    { name: 'task_created_at_id_idx', properties: ['createdAt', 'id'] },
    { name: 'task_state_heartbeat_idx', properties: ['state', 'heartbeatAt'] },
    { name: 'task_state_run_after_idx', properties: ['state', 'runAfter'] },
  ],
});
export type Task = InferEntity<typeof Task>;
