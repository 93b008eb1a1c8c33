// The replicas of a page of images in one statement per request tick, as the caller may see them.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { Image } from '../db/entities/image.js';
import type { DomainContext } from '../domain/context.js';
import { replicasOf } from '../domain/image-replication.js';

export const replicasByImage = createContextCache(
  (ctx: DomainContext) => new DataLoader<string, Image[]>((imageIds) => replicasOf(ctx, imageIds)),
);
