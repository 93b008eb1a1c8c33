// The shared-image rows of many resellers in one statement per request tick.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { SharedImage } from '../db/entities/shared-image.js';
import type { DomainContext } from '../domain/context.js';
import { sharedImagesByResellerIds } from '../domain/shared-images.js';

export const sharedImagesByReseller = createContextCache(
  (ctx: DomainContext) => new DataLoader<string, SharedImage[]>((ids) => sharedImagesByResellerIds(ctx, ids)),
);
