// Moving image bytes in the background: import from a URL or a manifest, replication to
// another region, and the replicas of an image.
import { ConflictError, ForbiddenError, NotFoundError, SourceUnavailableError, UrlRefusedError, ValidationError } from '../domain/errors.js';
import { requestImport } from '../domain/image-import.js';
import { InvalidManifest } from '../domain/import-manifest.js';
import { requestReplica } from '../domain/image-replication.js';
import { replicasByImage } from '../loaders/replicas-by-image.js';
import { builder } from './builder.js';
import { ImageRef, decodeImageInput, imageAndTask, imageInputFields } from './image.js';
import { resultUnion } from './errors.js';
import { RegionRef } from './region.js';

builder.objectField(ImageRef, 'replicas', (t) =>
  t.field({
    type: [ImageRef],
    description: 'Copies of this image in other regions (imageReplicate) that the caller may see, oldest first; deleted copies are left out.',
    resolve: (image, _args, ctx) => replicasByImage(ctx).load(image.id),
  }),
);

builder.relayMutationField(
  'imageImport',
  {
    description: "The input of imageImport: where to fetch the file from, and the new image's record.",
    inputFields: (t) => {
      const { providerRef: _providerRef, computeResourceId: _computeResourceId, sourceUrl: _sourceUrl, ...fields } = imageInputFields(t);
      return {
        ...fields,
        name: t.string({ description: 'Required with url; with manifestUrl it defaults to the manifest\'s name.' }),
        regionId: t.globalID({ for: RegionRef, required: true, description: 'The region the image is registered and stored in.' }),
        url: t.string({
          description:
            'The file to fetch (http or https; Lunanode fetch, Glance web-download); give url or manifestUrl, not both. It becomes sourceUrl without its query.',
        }),
        manifestUrl: t.string({
          description: 'An http or https URL of a JSON manifest naming the file and describing it (Danube); its fields are defaults for those not given here.',
        }),
        checksum: t.string({
          description: "The MD5 the file must have, 32 hex digits, agreeing with the manifest's if it states one; a mismatch ends the image KILLED.",
        }),
        virtio: t.boolean({ description: 'true gives the guest virtio disk and network (Lunanode): hardware diskBus and vifModel become VIRTIO.' }),
      };
    },
  },
  {
    description:
      'Registers a QUEUED image and an IMPORT task that streams the file in (IMPORTING, then ACTIVE). A URL the server may not fetch is refused before anything is created.',
    authScopes: { writer: true },
    errors: {
      types: [ValidationError, UrlRefusedError, SourceUnavailableError, InvalidManifest, ConflictError, ForbiddenError],
      union: resultUnion('imageImport'),
    },
    resolve: async (_root, { input }, ctx) => requestImport(ctx, decodeImageInput(input) as never),
  },
  { description: 'What imageImport returns on success: the QUEUED image and its IMPORT task.', outputFields: imageAndTask },
);

builder.relayMutationField(
  'imageReplicate',
  {
    description: 'The input of imageReplicate: the image to copy and the region to copy it into.',
    inputFields: (t) => ({
      id: t.globalID({ for: ImageRef, required: true, description: 'The ACTIVE image to copy.' }),
      regionId: t.globalID({ for: RegionRef, required: true, description: 'The region to copy it into; not the one it is in.' }),
    }),
  },
  {
    description: 'Copies an ACTIVE image, bytes and metadata, into another region (Lunanode replicate); the copy links back by replicaOf.',
    authScopes: { writer: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError, ForbiddenError], union: resultUnion('imageReplicate') },
    resolve: async (_root, { input }, ctx) => requestReplica(ctx, input.id.id, input.regionId.id),
  },
  { description: 'What imageReplicate returns on success: the copy, QUEUED, and its REPLICATE task.', outputFields: imageAndTask },
);
