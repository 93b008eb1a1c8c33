// POST /v2/images's body as the input of our createImage: the same table as everything else
// (glance-image.ts). Read-only and reserved attributes are refused as Glance refuses them.
import type { ImageCreateInput } from '../domain/images.js';
import { GlanceError } from './answers.js';
import { imageChangeOf } from './json-patch.js';

/** The input a create body means: each attribute added to an empty image, as a patch would add it. */
export function imageCreateInput(body: unknown): Omit<ImageCreateInput, 'name'> & { name: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GlanceError(400, 'The request body must be a JSON object.');
  const operations = Object.entries(body).map(([key, value]) => ({ op: 'add', path: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value }));
  const { fields = {}, setMetadata = [] } = imageChangeOf({}, operations);
  const { name, ...rest } = fields;
  return { ...rest, name: name as string, metadata: setMetadata };
}
