// The members of a page of images in one statement per request tick, as the caller may see them.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { ImageMember } from '../db/entities/image-member.js';
import type { DomainContext } from '../domain/context.js';
import type { Row } from '../domain/rows.js';
import { membersByImageIds } from '../domain/members.js';

export const membersByImage = createContextCache(
  (ctx: DomainContext) => new DataLoader<string, Row<ImageMember>[]>((imageIds) => membersByImageIds(ctx, imageIds)),
);
