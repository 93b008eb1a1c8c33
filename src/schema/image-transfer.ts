// Moving image bytes in the background: import from a URL or a manifest, replication to
// another region, and the replicas of an image.
import { ConflictError, ForbiddenError, NotFoundError, SourceUnavailableError, UrlRefusedError, ValidationError } from '../domain/errors.js';
import { requestImport } from '../domain/image-import.js';
import { InvalidManifest } from '../domain/import-manifest.js';
import { requestReplica } from '../domain/image-replication.js';
import { replicasByImage } from '../loaders/replicas-by-image.js';
import { builder } from './builder.js';
import { ImageRef, decodeImageInput, imageAndTask, imageInputFields } from './image.js';
import { RegionRef } from './region.js';

builder.objectField(ImageRef, 'replicas', (t) =>
  t.field({
    type: [ImageRef],
    description: 'Copies of this image in other regions (imageReplicate) that the caller may see.',
    resolve: (image, _args, ctx) => replicasByImage(ctx).load(image.id),
  }),
);

builder.relayMutationField(
  'imageImport',
  {
    inputFields: (t) => {
      const { providerRef: _providerRef, computeResourceId: _computeResourceId, sourceUrl: _sourceUrl, ...fields } = imageInputFields(t);
      return {
        ...fields,
        name: t.string({ description: 'Required with url; with manifestUrl it defaults to the manifest\'s name.' }),
        regionId: t.globalID({ for: RegionRef, required: true }),
        url: t.string({ description: 'The file to fetch (http or https; Lunanode fetch, Glance web-download).' }),
        manifestUrl: t.string({ description: 'A JSON manifest naming the file and describing it (Danube); its fields are defaults.' }),
        checksum: t.string({ description: 'The MD5 the file must have; a mismatch ends the image KILLED.' }),
        virtio: t.boolean({ description: 'The guest gets virtio disk and network (Lunanode).' }),
      };
    },
  },
  {
    description:
      'Registers a QUEUED image and an IMPORT task that streams the file in (IMPORTING, then ACTIVE). A URL the server may not fetch is refused before anything is created.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, UrlRefusedError, SourceUnavailableError, InvalidManifest, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => requestImport(ctx, decodeImageInput(input) as never),
  },
  { outputFields: imageAndTask },
);

builder.relayMutationField(
  'imageReplicate',
  {
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true }),
      regionId: t.globalID({ for: RegionRef, required: true }),
    }),
  },
  {
    description: 'Copies an ACTIVE image, bytes and metadata, into another region (Lunanode replicate); the copy links back by replicaOf.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError] },
    resolve: async (_root, { input }, ctx) => requestReplica(ctx, input.id.id, input.regionId.id),
  },
  { outputFields: imageAndTask },
);
