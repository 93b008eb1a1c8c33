// Glance's tasks (GET /v2/tasks, /v2/tasks/{id}, /v2/images/{id}/tasks) over our task rows: the
// same tasks GraphQL lists, under the same rule (administrators see all, members their
// project's). Glance's legacy task creation is not served: imports go through /import.
import { TASK_STATES, TASK_TYPES, type Task, type TaskState, type TaskType } from '../db/entities/task.js';
import { keystoneProjectId } from '../domain/adopted-projects.js';
import type { DomainContext } from '../domain/context.js';
import { NotFoundError } from '../domain/errors.js';
import { findImage } from '../domain/images.js';
import { MAX_PAGE_SIZE, type OrderKey, encodeCursor } from '../domain/pagination.js';
import { type Row, refId } from '../domain/rows.js';
import { findTask, listTasks } from '../domain/tasks.js';
import { isUuid } from '../domain/validation.js';
import { GlanceError, sendGlanceJson } from './answers.js';
import { glanceTime } from './glance-image.js';
import { directionOf, limitOf } from './list-query.js';
import { type Call, notAllowed } from './requests.js';

/** Glance's names for our task types: an IMPORT is the interoperable import's task. */
const TYPES: Record<TaskType, string> = { IMPORT: 'api_image_import', UPLOAD: 'upload', CREATE: 'create', REPLICATE: 'replicate', PURGE: 'purge' };
const STATUSES: Record<TaskState, string> = { NEW: 'pending', RUNNING: 'processing', FINISHED: 'success', ERROR: 'failure' };
export const GLANCE_TASK_TYPES = TASK_TYPES.map((type) => TYPES[type]);
export const GLANCE_TASK_STATUSES = TASK_STATES.map((state) => STATUSES[state]);

/** Glance's default page (`limit_param_default`). */
const DEFAULT_LIMIT = 25;
/**
 * Glance's task sort keys (glanceclient's task-list sorts by status unless told otherwise), as our
 * columns: status and type sort by our values (ERROR, FINISHED, NEW, RUNNING), not Glance's names.
 */
const SORT_KEYS = {
  created_at: { field: 'createdAt', kind: 'date' },
  updated_at: { field: 'updatedAt', kind: 'date' },
  status: { field: 'state', kind: 'string' },
  type: { field: 'type', kind: 'string' },
} as const;
type SortKey = keyof typeof SORT_KEYS;

/** Tasks by one of Glance's keys, then in the order they were made. */
function orderOf(key: SortKey, direction: 'ASC' | 'DESC'): OrderKey[] {
  const order: OrderKey[] = [{ ...SORT_KEYS[key], direction, nullable: false }];
  if (key !== 'created_at') order.push({ ...SORT_KEYS.created_at, direction, nullable: false });
  return order;
}

/** A task as Glance shows it: in full by itself, as a stub in the list. */
function glanceTask(row: Row<Task>, full: boolean) {
  const project = refId(row.project);
  const imageId = refId(row.image);
  return {
    id: row.id,
    type: TYPES[row.type],
    status: STATUSES[row.state as TaskState],
    ...(project && { owner: keystoneProjectId(project) }),
    ...(full && {
      input: {},
      result: row.state === 'FINISHED' ? { image_id: imageId } : null,
      message: row.error ?? '',
    }),
    image_id: imageId,
    created_at: glanceTime(row.createdAt),
    updated_at: glanceTime(row.updatedAt),
    self: `/v2/tasks/${row.id}`,
    schema: '/v2/schemas/task',
  };
}

/** GET /v2/tasks and GET /v2/tasks/{id}. */
export async function tasksAnswer(ctx: DomainContext, { req, res, query }: Call, id: string | undefined): Promise<void> {
  const method = req.method ?? 'GET';
  if (id !== undefined) {
    if (method !== 'GET') throw notAllowed('GET');
    const task = await findTask(ctx, id).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new GlanceError(404, `Task with identifier ${id} not found`) : error;
    });
    return sendGlanceJson(res, 200, glanceTask(task, true));
  }
  // Glance's legacy task creation (an import by task) is not served; /v2/images/{id}/import is.
  if (method !== 'GET') throw notAllowed('GET');
  const { limit, order, filter, marker } = taskListQuery(query);
  let after: string | undefined;
  if (marker) {
    const row = await findTask(ctx, marker).catch((error: unknown) => {
      throw error instanceof NotFoundError ? new GlanceError(400, `Task with identifier ${marker} not found`) : error;
    });
    after = encodeCursor(order, row as unknown as Record<string, unknown>);
  }
  const page = await listTasks(ctx, filter, { first: limit, after }, order);
  const params = new URLSearchParams([...query].filter(([name]) => name !== 'marker'));
  const last = page.nodes.at(-1);
  const next = new URLSearchParams(params);
  if (last) next.set('marker', last.id);
  sendGlanceJson(res, 200, {
    tasks: page.nodes.map((row) => glanceTask(row, false)),
    first: `/v2/tasks${params.size ? `?${params}` : ''}`,
    schema: '/v2/schemas/tasks',
    ...(page.hasNextPage && last && { next: `/v2/tasks?${next}` }),
  });
}

function taskListQuery(query: URLSearchParams) {
  const limitParam = query.get('limit');
  const limit = limitParam === null ? DEFAULT_LIMIT : limitOf(limitParam);
  const sortKey = query.get('sort_key') ?? 'created_at';
  if (!(sortKey in SORT_KEYS)) throw new GlanceError(400, `Invalid sort key: ${sortKey}`);
  const marker = query.get('marker') ?? undefined;
  if (marker !== undefined && !isUuid(marker)) throw new GlanceError(400, `Task with identifier ${marker} not found`);
  const type = query.get('type');
  const status = query.get('status');
  const ours = <T extends string>(names: Record<T, string>, value: string, what: string) => {
    const found = (Object.keys(names) as T[]).find((key) => names[key] === value);
    if (!found) throw new GlanceError(400, `Invalid ${what} value: ${value}`);
    return found;
  };
  return {
    limit,
    order: orderOf(sortKey as SortKey, directionOf(query.get('sort_dir') ?? 'desc')),
    marker,
    filter: { type: type === null ? null : [ours(TYPES, type, 'type')], state: status === null ? null : [ours(STATUSES, status, 'status')] },
  };
}

/** GET /v2/images/{id}/tasks: the tasks of an image the caller may see, oldest first, a page's worth at most. */
export async function imageTasksAnswer(ctx: DomainContext, { req, res }: Call, imageId: string): Promise<void> {
  if (req.method !== 'GET') throw notAllowed('GET');
  await findImage(ctx.em, ctx, imageId);
  const page = await listTasks(ctx, { imageId }, { first: MAX_PAGE_SIZE }, orderOf('created_at', 'ASC'));
  sendGlanceJson(res, 200, { tasks: page.nodes.map((row) => glanceTask(row, true)) });
}
