// The replicas of a page of images in one statement per request tick, as the caller may see them.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { DomainContext } from '../domain/context.js';
import type { ImageRow } from '../domain/image-catalog.js';
import { replicasOf } from '../domain/image-replication.js';

export const replicasByImage = createContextCache(
  (ctx: DomainContext) => new DataLoader<string, ImageRow[]>((imageIds) => replicasOf(ctx, imageIds)),
);
