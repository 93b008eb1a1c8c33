// Subscriptions: live image status and task progress, over graphql-ws and SSE alike. The streams
// (src/events/streams.ts) check every event against the subscriber's visibility.
import { contextCacheSymbol } from '@pothos/core';
import { TASK_PROGRESS_INTERVAL_MS } from '../domain/tasks.js';
import { type ImageStatusChange, imageStatusChanges, taskUpdates } from '../events/streams.js';
import { type Context, builder } from './builder.js';
import { ImageRef } from './image.js';
import { ImageStatusEnum } from './image-enums.js';
import { ProjectRef } from './project.js';
import { RegionRef } from './region.js';
import { TaskRef } from './task.js';

const ImageStatusEventRef = builder.objectRef<ImageStatusChange>('ImageStatusEvent').implement({
  description: 'An image entered `status`.',
  fields: (t) => ({
    image: t.field({ type: ImageRef, description: 'The image as it is now.', resolve: (change) => change.image }),
    previousStatus: t.expose('previousStatus', {
      type: ImageStatusEnum,
      nullable: true,
      description: 'Null on the first event of a subscription by id (the current state) and for a new image.',
    }),
    status: t.expose('status', { type: ImageStatusEnum, description: 'The status the image entered.' }),
    at: t.expose('at', { type: 'DateTime', description: 'When the change was written; for the current state, when it was read.' }),
  }),
});

const ImageStatusFilterInput = builder.inputType('ImageStatusFilter', {
  description: 'Which images\' status changes to receive; every condition given must hold.',
  fields: (t) => ({
    regionId: t.globalID({ for: RegionRef, description: 'Only images in this region.' }),
    ownerId: t.globalID({ for: ProjectRef, description: 'Only images this project owns.' }),
  }),
});

/**
 * A subscription's context lives as long as its stream: every event gets a new unit of work and
 * new loaders, so nothing read for an earlier event is served stale.
 */
function freshForEvent<T>(event: T, ctx: Context): T {
  ctx.em = ctx.em.fork();
  (ctx as unknown as Record<symbol, object>)[contextCacheSymbol] = {};
  return event;
}

builder.subscriptionFields((t) => ({
  imageStatusChanged: t.field({
    type: ImageStatusEventRef,
    authScopes: { authenticated: true },
    description:
      'With `id`: the image\'s current state first, then each change until it is DELETED (NOT_FOUND when the image cannot be read). ' +
      'Without: every status change, matching the filter, of an image the caller may list.',
    args: {
      id: t.arg.globalID({ for: ImageRef, description: 'The one image to follow; without it, every image the caller may list.' }),
      filter: t.arg({ type: ImageStatusFilterInput, description: 'Only changes of images matching it, with or without id.' }),
    },
    subscribe: (_root, { id, filter }, ctx) =>
      imageStatusChanges(ctx, { imageId: id?.id, regionId: filter?.regionId?.id, ownerId: filter?.ownerId?.id }),
    resolve: (event, _args, ctx) => freshForEvent(event, ctx),
  }),
  taskUpdated: t.field({
    type: TaskRef,
    authScopes: { authenticated: true },
    description:
      `With \`id\`: the task's current state first, then its changes until it is FINISHED or ERROR (NOT_FOUND when the caller cannot see it). ` +
      `Without: the changes of every task the caller may see. At most one event per task every ${TASK_PROGRESS_INTERVAL_MS} ms, the newest; the final state always arrives.`,
    args: { id: t.arg.globalID({ for: TaskRef, description: 'The one task to follow; without it, every task the caller may see.' }) },
    subscribe: (_root, { id }, ctx) => taskUpdates(ctx, { taskId: id?.id }),
    resolve: (event, _args, ctx) => freshForEvent(event, ctx),
  }),
}));
