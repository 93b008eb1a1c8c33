// Task: work on an image (upload, import, copy, purge) and its root fields.
import type { Task, TaskState, TaskType } from '../db/entities/task.js';
import type { Row } from '../domain/rows.js';
import { listTasks, tasksById } from '../domain/tasks.js';
import { builder } from './builder.js';
import { toConnection } from './connection.js';
import { ImageRef } from './image.js';
import { viaLoader } from './loaded.js';
import { ProjectRef } from './project.js';

export const TaskTypeEnum = builder.enumType('TaskType', {
  description: 'What a task does.',
  values: {
    CREATE: { description: 'Registering an image (imageCreate): nothing runs, so it is FINISHED when created.' },
    UPLOAD: { description: "The server receiving the image's bytes (PUT /images/:id/file); never retried." },
    IMPORT: { description: "Fetching the image's bytes from a URL, or from the one a manifest names (imageImport)." },
    REPLICATE: { description: 'Copying an image into another region (imageReplicate).' },
    PURGE: { description: "Removing a deleted image's bytes; FINISHED when created if it had none." },
  } satisfies Record<TaskType, { description: string }>,
});
export const TaskStateEnum = builder.enumType('TaskState', {
  description: 'NEW (queued, or waiting for its next attempt) -> RUNNING -> FINISHED | ERROR.',
  values: {
    NEW: { description: 'Queued, or waiting for its next attempt after a failed one (error says why it failed).' },
    RUNNING: { description: 'An attempt is under way.' },
    FINISHED: { description: 'Done, for good; progress is 100.' },
    ERROR: { description: 'Failed for good; error says why.' },
  } satisfies Record<TaskState, { description: string }>,
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
    type: t.expose('type', { type: TaskTypeEnum, description: 'What the task does.' }),
    state: t.expose('state', { type: TaskStateEnum, description: 'Where the task is: queued, running, or ended.' }),
    progress: t.exposeInt('progress', { description: 'Percent done, 0 to 100; 100 only once FINISHED.' }),
    bytesDone: t.expose('bytesDone', { type: 'SafeInt', description: 'Bytes moved so far.' }),
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
      description: 'The project that asked for the task; null when an administrator did, or the project has since been deleted.',
      resolve: (task, _args, ctx) => viaLoader(ProjectRef, ctx, task.project),
    }),
    error: t.exposeString('error', {
      nullable: true,
      description: 'Why the task failed; while it is retried, why its last attempt failed.',
    }),
    attempts: t.exposeInt('attempts', {
      description: 'Attempts so far, the running one included. A failing task is retried until the server\'s attempt limit, then ends in ERROR.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When the task was created.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When the task last changed.' }),
    startedAt: t.expose('startedAt', { type: 'DateTime', nullable: true, description: 'When its first attempt began; null until one has.' }),
    finishedAt: t.expose('finishedAt', { type: 'DateTime', nullable: true, description: 'When it ended FINISHED or ERROR; null until then.' }),
  }),
});

const TaskFilterInput = builder.inputType('TaskFilter', {
  description: 'Which tasks to list; every condition given must hold.',
  fields: (t) => ({
    imageId: t.globalID({ for: ImageRef, description: 'Only the tasks of this image.' }),
    state: t.field({ type: [TaskStateEnum], description: 'Only tasks in one of these states; an empty list is no condition.' }),
    type: t.field({ type: [TaskTypeEnum], description: 'Only tasks of one of these types; an empty list is no condition.' }),
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
    description: 'The task with this id; null when it does not exist or the caller may not see it.',
    args: { id: t.arg.globalID({ for: TaskRef, required: true, description: "The task's global id." }) },
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
