// Metadata items of many images in one statement per request tick; shared by
// Image.metadata and Image.metadataItem so a page never asks twice.
import { createContextCache } from '@pothos/core';
import DataLoader from 'dataloader';
import type { ImageMetadata } from '../db/entities/image-metadata.js';
import type { DomainContext } from '../domain/context.js';
import type { Row } from '../domain/rows.js';
import { metadataByImageIds } from '../domain/metadata.js';

export const metadataByImage = createContextCache(
  (ctx: DomainContext) => new DataLoader<string, Row<ImageMetadata>[]>((imageIds) => metadataByImageIds(ctx, imageIds)),
);
