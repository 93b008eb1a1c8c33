// Task: work on an image (upload, import, copy, purge) and its root fields.
import { TASK_STATES, TASK_TYPES, type Task } from '../db/entities/task.js';
import type { Row } from '../domain/rows.js';
import { listTasks, tasksById } from '../domain/tasks.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { ImageRef } from './image.js';
import { viaLoader } from './loaded.js';
import { ProjectRef } from './project.js';

export const TaskTypeEnum = builder.enumType('TaskType', {
  description: 'CREATE is finished when created; IMPORT fetches bytes from a URL; REPLICATE copies an image to another region; PURGE removes a deleted image\'s bytes.',
  values: TASK_TYPES,
});
export const TaskStateEnum = builder.enumType('TaskState', {
  description: 'NEW (queued, or waiting for its next attempt) -> RUNNING -> FINISHED | ERROR.',
  values: TASK_STATES,
});

export const TaskRef = builder.loadableNodeRef<Row<Task>, string>('Task', {
  id: { resolve: (task) => task.id },
  // Scoped inside: a task the caller may not see loads as null.
  load: (ids, ctx) => tasksById(ctx, ids),
  toKey: (task) => task.id,
  sort: true,
  cacheResolved: true,
});

TaskRef.implement({
  description: 'Background work on an image. Members see their project\'s tasks; reseller administrators their clients\'.',
  authScopes: { authenticated: true },
  fields: (t) => ({
    type: t.expose('type', { type: TaskTypeEnum }),
    state: t.expose('state', { type: TaskStateEnum }),
    progress: t.exposeInt('progress', { description: 'Percent done, 0 to 100.' }),
    bytesDone: t.expose('bytesDone', { type: 'SafeInt' }),
    bytesTotal: t.expose('bytesTotal', { type: 'SafeInt', nullable: true, description: 'Null while the size is unknown.' }),
    image: t.field({
      type: ImageRef,
      nullable: true,
      description: 'Null once the caller may no longer see the image.',
      resolve: (task, _args, ctx) => viaLoader(ImageRef, ctx, task.image),
    }),
    project: t.field({
      type: ProjectRef,
      nullable: true,
      description: 'The project that asked for the task; null when an administrator did.',
      resolve: (task, _args, ctx) => viaLoader(ProjectRef, ctx, task.project),
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why the task failed; while it is retried, why its last attempt failed.',
    }),
    attempts: t.exposeInt('attempts'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true }),
  }),
});

const TaskFilterInput = builder.inputType('TaskFilter', {
  fields: (t) => ({
    imageId: t.globalID({ for: ImageRef }),
    state: t.field({ type: [TaskStateEnum] }),
    type: t.field({ type: [TaskTypeEnum] }),
  }),
});

const TaskConnection = builder.connectionObject(
  { type: TaskRef, name: 'TaskConnection', description: 'A page of tasks.' },
  { name: 'TaskEdge', description: 'A task in a page, with its cursor.' },
);

builder.queryFields((t) => ({
  task: t.field({
    type: TaskRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: TaskRef, required: true }) },
    resolve: (_root, { id }) => id.id,
  }),
  tasks: t.connection(
    {
      type: TaskRef,
      authScopes: { authenticated: true },
      description: "The caller's tasks, newest first.",
      args: { filter: t.arg({ type: TaskFilterInput, description: 'Only the tasks that match; all when omitted.' }) },
      resolve: async (_root, { filter, ...args }, ctx) =>
        toConnection(
          await listTasks(ctx, { imageId: filter?.imageId?.id, state: filter?.state, type: filter?.type }, args),
        ),
    },
    TaskConnection,
  ),
}));


