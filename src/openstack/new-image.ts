// POST /v2/images's body as the input of our createImage: the same table as everything else
// (glance-image.ts). Read-only and reserved attributes are refused as Glance refuses them.
import { uuidv7 } from 'uuidv7';
import type { ImageCreateInput } from '../domain/images.js';
import { isUuid } from '../domain/validation.js';
import { GlanceError } from './answers.js';
import { imageChangeOf } from './json-patch.js';

/**
 * The input a create body means: each attribute added to an empty image, as a patch would add
 * it. The client may choose the id (Glance allows it). An image needs a name here, unique per
 * owner and region: one created without is named after its id.
 */
export function imageCreateInput(body: unknown): Omit<ImageCreateInput, 'name'> & { name: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GlanceError(400, 'The request body must be a JSON object.');
  const { id: chosen, ...attributes } = body as Record<string, unknown>;
  if (chosen !== undefined && (typeof chosen !== 'string' || !isUuid(chosen))) {
    throw new GlanceError(400, `Provided object does not match schema 'image': '${String(chosen)}' is not a valid image id`);
  }
  const operations = Object.entries(attributes).map(([key, value]) => ({ op: 'add', path: `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value }));
  const { fields = {}, setMetadata = [] } = imageChangeOf({}, operations);
  const { name, ...rest } = fields;
  const id = chosen ?? uuidv7();
  return { ...rest, id, name: name ?? id, metadata: setMetadata };
}
