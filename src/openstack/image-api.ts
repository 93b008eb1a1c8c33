// OpenStack's Image API v2 (Glance v2.15) beside GraphQL, under /image as devstack serves it: a
// client's endpoint is http://host:port/image. Each route maps Glance's request onto the same
// use cases in src/domain that GraphQL calls, and their answer back onto Glance's documents,
// status codes and headers. The same gate (tokens, rate limit), the same request id and logs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Region } from '../db/entities/region.js';
import { uuidOfProjectId } from '../domain/adopted-projects.js';
import type { DomainContext } from '../domain/context.js';
import { ConflictError, InvalidStatusTransitionError, NotFoundError } from '../domain/errors.js';
import { type ImageRow, imageOrder, imagesById, listImages } from '../domain/image-catalog.js';
import { importIntoImage } from '../domain/image-import.js';
import { requestReplicas } from '../domain/image-replication.js';
import { changeImage } from '../domain/image-patch.js';
import { importStaged } from '../domain/image-upload.js';
import { addImageTags, createImage, deleteImage, findImage, removeImageTags, setImageActivation } from '../domain/images.js';
import { addImageMember, membersByImageIds, removeImageMember, updateImageMember } from '../domain/members.js';
import { metadataByImageIds } from '../domain/metadata.js';
import { MAX_PAGE_SIZE, emptyPage, encodeCursor } from '../domain/pagination.js';
import { refId } from '../domain/rows.js';
import { isPrintable, isUuid } from '../domain/validation.js';
import { admit } from '../http/admission.js';
import { HttpError, type ImageFilesOptions, fetchRequest, receiveImageFile, sendImageFile } from '../http/image-files.js';
import { REQUEST_ID_HEADER } from '../http/request-log.js';
import { logger } from '../logger.js';
import { COST } from '../schema/cost.js';
import { GlanceError, glanceErrorOf, sendGlanceError, sendGlanceJson, sendNoContent } from './answers.js';
import { IMPORT_METHODS, SCHEMAS, importInfo, versionsDocument } from './discovery.js';
import { entryOf, glanceImage } from './glance-image.js';
import { PATCH_MEDIA_TYPES, imageChangeOf } from './json-patch.js';
import { DEFAULT_LIMIT, imageListQuery } from './list-query.js';
import { glanceMember, memberStatusOf } from './members.js';
import { metadefsAnswer, metadefsObjects } from './metadefs.js';
import { imageTasksAnswer, tasksAnswer } from './tasks.js';
import { imageCreateInput } from './new-image.js';
import { type Call, jsonBody, mediaType, notAllowed, rootUrl } from './requests.js';
import { IMAGE_API_PATH } from './routes.js';

export interface ImageApiOptions extends ImageFilesOptions {
  /** The slug of the region this face's images are created in and listed from (OPENSTACK_REGION). */
  region: string | undefined;
}

export function imageApiHandler(options: ImageApiOptions) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const target = req.url ?? '';
    if (target !== IMAGE_API_PATH && !target.startsWith(`${IMAGE_API_PATH}/`) && !target.startsWith(`${IMAGE_API_PATH}?`)) return false;
    const url = new URL(target, 'http://localhost');
    const parts = url.pathname.slice(IMAGE_API_PATH.length).split('/').slice(1);
    const segments = parts.filter(Boolean).map(decodeSegment);
    // Glance's request id, from the one every answer carries (src/http/request-log.ts).
    res.setHeader('x-openstack-request-id', `req-${res.getHeader(REQUEST_ID_HEADER)}`);
    try {
      // An empty segment (`/v2/images/`, an empty id) names nothing, as in Glance.
      if (segments[0] === 'v2' && parts.includes('')) throw new GlanceError(404, 'The resource could not be found.');
      await route(options, { req, res, segments, query: url.searchParams });
    } catch (error) {
      answerError(req, res, error);
    }
    return true;
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function answerError(req: IncomingMessage, res: ServerResponse, error: unknown) {
  if (req.socket.destroyed) return;
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = error instanceof HttpError ? new GlanceError(error.status, error.message, error.headers) : glanceErrorOf(error);
  if (!known) logger.error({ err: error, method: req.method, path: req.url?.split('?')[0] }, 'image API request failed');
  sendGlanceError(req, res, known ?? new GlanceError(500, 'The server failed to answer; the fault is logged.'));
}

async function route(options: ImageApiOptions, call: Call): Promise<void> {
  const { req, res, segments } = call;
  const method = req.method ?? 'GET';
  const [version, collection, id, sub, subId, ...rest] = segments;
  if (version !== 'v2') {
    // Discovery: GET /versions answers the versions; any other path outside v2 offers them as
    // choices (300), as Glance's version negotiation does.
    if (method !== 'GET' && method !== 'HEAD') throw notAllowed('GET');
    return sendGlanceJson(res, version === 'versions' ? 200 : 300, versionsDocument(rootUrl(req)));
  }
  if (collection === 'schemas') {
    const schema = entryOf(SCHEMAS, segments.slice(2).join('/'));
    if (!schema) throw new GlanceError(404, 'The resource could not be found.');
    return sendGlanceJson(res, 200, schema);
  }
  const ctx = await admitted(options, call, costOf(method, collection, call.query, segments));
  if (collection === 'info') {
    if (id === 'import' && segments.length === 3) return sendGlanceJson(res, 200, importInfo);
    // One store: Glance without multiple backends answers so.
    throw new GlanceError(404, 'Multi backend is not supported at this site.');
  }
  if (collection === 'metadefs') return metadefsAnswer(ctx, call, segments.slice(2));
  if (collection === 'tasks' && segments.length <= 3) return tasksAnswer(ctx, call, id);
  if (collection !== 'images' || rest.length) throw new GlanceError(404, 'The resource could not be found.');
  if (id === undefined) {
    if (method === 'GET') return listAnswer(options, ctx, call);
    if (method === 'POST') return createAnswer(options, ctx, call);
    throw notAllowed('GET, POST');
  }
  if (!isUuid(id)) throw new GlanceError(404, `No image found with ID ${id}`);
  switch (sub) {
    case undefined:
      if (method === 'GET') return sendGlanceJson(res, 200, await imageDocument(ctx, id));
      if (method === 'PATCH') return patchAnswer(ctx, call, id);
      if (method === 'DELETE') {
        await deleteImage(ctx, id);
        return sendNoContent(res);
      }
      throw notAllowed('GET, PATCH, DELETE');
    case 'file':
      return fileAnswer(options, ctx, call, id);
    case 'stage':
      if (method !== 'PUT') throw notAllowed('PUT');
      return stageAnswer(options, ctx, call, id);
    case 'tags':
      return tagAnswer(ctx, call, id, subId);
    case 'tasks':
      if (subId !== undefined) throw new GlanceError(404, 'The resource could not be found.');
      return imageTasksAnswer(ctx, call, id);
    case 'members':
      return memberAnswer(ctx, call, id, subId);
    case 'import':
      if (method !== 'POST') throw notAllowed('POST');
      return importAnswer(ctx, call, id);
    case 'actions':
      if (method !== 'POST') throw notAllowed('POST');
      if (subId !== 'deactivate' && subId !== 'reactivate') throw new GlanceError(404, 'The resource could not be found.');
      await setImageActivation(ctx, id, subId === 'deactivate' ? 'DEACTIVATED' : 'ACTIVE').catch((error: unknown) => {
        // Glance forbids rather than conflicts here.
        if (error instanceof InvalidStatusTransitionError) throw new GlanceError(403, `Not allowed to ${subId} image in status '${error.from.toLowerCase()}'`);
        throw error;
      });
      return sendNoContent(res);
    default:
      throw new GlanceError(404, 'The resource could not be found.');
  }
}

/** What a request costs the caller's rate, as GraphQL's would: a page by its rows, a change as a mutation. */
function costOf(method: string, collection: string | undefined, query: URLSearchParams, segments: string[]): number {
  if (method === 'GET' && (collection === 'images' || collection === 'tasks') && segments.length === 2) {
    const limit = Number(query.get('limit') ?? DEFAULT_LIMIT);
    return Math.max(1, Math.min(Number.isSafeInteger(limit) ? limit : 1, MAX_PAGE_SIZE)) * COST.object;
  }
  if (collection === 'metadefs') return metadefsObjects(method, segments.slice(2), query) * (method === 'GET' ? COST.object : COST.mutation);
  if (segments[3] === 'file' || segments[3] === 'stage') return COST.fileTransfer;
  // An image's tasks are read whole, a page's worth at most.
  if (collection === 'images' && segments[3] === 'tasks') return MAX_PAGE_SIZE * COST.object;
  return method === 'GET' || method === 'HEAD' ? COST.object : COST.mutation;
}

async function admitted(options: ImageApiOptions, call: Call, cost: number): Promise<DomainContext> {
  const em = options.orm.em.fork();
  const viewer = await admit(fetchRequest(call.req), { ...options.gate, em: () => em }, { cost, address: call.req.socket.remoteAddress });
  return { ...options.services, em, viewer };
}

// ---------------------------------------------------------------------------------------------
// Images

/** Images as Glance shows them, in the order given: their rows and their items in two statements. */
async function imageDocuments(ctx: DomainContext, rows: readonly ImageRow[]) {
  const items = await metadataByImageIds(ctx, rows.map((row) => row.id));
  return rows.map((row, index) => glanceImage(row, items[index]!));
}

async function imageDocument(ctx: DomainContext, id: string) {
  const [row] = await imagesById(ctx, [id], []);
  if (!row) throw new GlanceError(404, `No image found with ID ${id}`);
  return (await imageDocuments(ctx, [row]))[0]!;
}

async function regionId(options: ImageApiOptions, ctx: DomainContext): Promise<string> {
  if (options.region) {
    const region = await ctx.em.findOne(Region, { slug: options.region });
    if (!region) throw new GlanceError(503, `OPENSTACK_REGION names no region (${options.region})`);
    return region.id;
  }
  const regions = await ctx.em.find(Region, {}, { limit: 2 });
  if (regions.length === 0) throw new GlanceError(503, 'The catalog has no region yet to create images in');
  if (regions.length > 1) throw new GlanceError(400, 'The catalog has several regions: set OPENSTACK_REGION to the one the Image API serves');
  return regions[0]!.id;
}

async function listAnswer(options: ImageApiOptions, ctx: DomainContext, { res, query }: Call) {
  const { filter, orderBy, limit, marker } = imageListQuery(query);
  if (options.region) filter.regionId = await regionId(options, ctx);
  let after: string | undefined;
  if (marker) {
    const row = await findImage(ctx.em, ctx, marker).catch((error: unknown) => {
      if (error instanceof NotFoundError) throw new GlanceError(400, `No image found with ID ${marker}`);
      throw error;
    });
    after = encodeCursor(imageOrder(orderBy), row as unknown as Record<string, unknown>);
  }
  const page = limit === 0 ? emptyPage<ImageRow>() : await listImages(ctx, { filter, orderBy, first: limit, after }, []);
  const images = await imageDocuments(ctx, page.nodes);
  const first = new URLSearchParams([...query].filter(([name]) => name !== 'marker'));
  const next = new URLSearchParams(first);
  const last = page.nodes.at(-1);
  if (last) next.set('marker', last.id);
  const link = (params: URLSearchParams) => `/v2/images${params.size ? `?${params}` : ''}`;
  sendGlanceJson(res, 200, {
    images,
    first: link(first),
    schema: '/v2/schemas/images',
    ...(page.hasNextPage && last && { next: link(next) }),
  });
}

async function createAnswer(options: ImageApiOptions, ctx: DomainContext, call: Call) {
  // Glance reads a create's body as JSON whatever its type says.
  const body = await jsonBody(call.req, [mediaType(call.req)]);
  const input = imageCreateInput(body);
  // Glance's default visibility: shared, so that members can be added without a change first.
  const { image } = await createImage(ctx, { visibility: 'SHARED', ...input, regionId: await regionId(options, ctx) });
  sendGlanceJson(call.res, 201, await imageDocument(ctx, image.id), {
    location: `${rootUrl(call.req)}/v2/images/${image.id}`,
    'openstack-image-import-methods': IMPORT_METHODS.join(','),
  });
}

async function patchAnswer(ctx: DomainContext, call: Call, id: string) {
  const operations = await jsonBody(call.req, PATCH_MEDIA_TYPES, { 'accept-patch': PATCH_MEDIA_TYPES.join(', ') });
  const draft = mediaType(call.req) === PATCH_MEDIA_TYPES[1] ? 'v2.0' : 'v2.1';
  const change = imageChangeOf(await imageDocument(ctx, id), operations, draft);
  await changeImage(ctx, id, change);
  sendGlanceJson(call.res, 200, await imageDocument(ctx, id));
}

async function tagAnswer(ctx: DomainContext, { req, res }: Call, id: string, tag: string | undefined) {
  if (tag === undefined) throw new GlanceError(404, 'The resource could not be found.');
  if (req.method === 'PUT') await addImageTags(ctx, id, [tag]);
  else if (req.method === 'DELETE') {
    const image = await findImage(ctx.em, ctx, id);
    if (!image.tags.includes(tag)) throw new GlanceError(404, `Tag ${tag} not found`);
    await removeImageTags(ctx, id, [tag]);
  } else throw notAllowed('PUT, DELETE');
  sendNoContent(res);
}

async function fileAnswer(options: ImageApiOptions, ctx: DomainContext, { req, res }: Call, id: string) {
  if (req.method === 'PUT') {
    assertOctetStream(req);
    await receiveImageFile(ctx, id, req, res, options);
    return sendNoContent(res);
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') throw notAllowed('GET, HEAD, PUT');
  const image = await findImage(ctx.em, ctx, id);
  // Glance answers an image that has no data yet with no content.
  if (image.status !== 'ACTIVE' && image.status !== 'DEACTIVATED') return sendNoContent(res);
  await sendImageFile(ctx, id, req, res, options.store, (found) => (found.checksum ? { 'content-md5': found.checksum } : {}));
}

/** The request's body as image data: Glance takes application/octet-stream alone. */
function assertOctetStream(req: IncomingMessage) {
  const type = mediaType(req);
  if (type !== 'application/octet-stream') throw new GlanceError(415, `The request media type ${type || '(none)'} is not supported by this server; send application/octet-stream`);
}

/** PUT /v2/images/{id}/stage: the bytes of a glance-direct import, taken and checked as an upload's, the image UPLOADING. */
async function stageAnswer(options: ImageApiOptions, ctx: DomainContext, { req, res }: Call, id: string) {
  assertOctetStream(req);
  await receiveImageFile(ctx, id, req, res, options, 'UPLOADING');
  sendNoContent(res);
}

/**
 * POST /v2/images/{id}/import: the interoperable import. `glance-direct` makes the staged bytes
 * the image's; `web-download` fetches them, through the URL guard, in an IMPORT task. Accepted (202).
 */
async function importAnswer(ctx: DomainContext, call: Call, id: string) {
  const body = (await jsonBody(call.req, ['application/json'])) as { method?: { name?: unknown; uri?: unknown }; stores?: unknown; all_stores?: unknown } | null;
  const method = body?.method;
  if (typeof method !== 'object' || method === null) throw new GlanceError(400, 'Import request requires a \'method\' field.');
  if (!IMPORT_METHODS.includes(method.name as string)) {
    throw new GlanceError(400, `Import method ${String(method.name)} is not supported here; the methods are: ${IMPORT_METHODS.join(', ')}`);
  }
  if (method.name === 'glance-direct') {
    await importStaged(ctx, id).catch((error: unknown) => {
      if (error instanceof InvalidStatusTransitionError) throw new GlanceError(409, "Image needs to be staged before 'glance-direct' method can be used");
      throw error;
    });
  } else if (method.name === 'copy-image') {
    await copyImage(ctx, id, body!.stores, body!.all_stores);
  } else {
    if (typeof method.uri !== 'string') throw new GlanceError(400, "Import method web-download requires a 'uri'.");
    await importIntoImage(ctx, id, method.uri);
  }
  sendNoContent(call.res, 202);
}

/**
 * copy-image as our replication: the stores are regions, by slug, and the image is replicated
 * into each of them (a replica of its own in each, linked to it), all or none; all_stores names
 * every region but the image's.
 */
async function copyImage(ctx: DomainContext, id: string, stores: unknown, allStores: unknown) {
  if (allStores !== undefined && typeof allStores !== 'boolean') throw new GlanceError(400, "'all_stores' must be a boolean");
  if (!allStores && (!Array.isArray(stores) || !stores.length || !stores.every((store) => typeof store === 'string'))) {
    throw new GlanceError(400, "copy-image needs 'stores', a list of regions by slug, or 'all_stores': true");
  }
  const here = refId((await findImage(ctx.em, ctx, id)).region);
  let regionIds: string[];
  if (allStores) regionIds = (await ctx.em.find(Region, { id: { $ne: here } })).map((region) => region.id);
  else {
    // A slug no region can have (a control character) is simply unknown.
    const slugs = [...new Set(stores as string[])];
    const unnamed = slugs.find((slug) => !isPrintable(slug));
    if (unnamed !== undefined) throw new GlanceError(400, `Unknown store ${JSON.stringify(unnamed)}: the stores are the regions, by slug`);
    const regions = await ctx.em.find(Region, { slug: { $in: slugs } });
    const unknown = slugs.find((slug) => !regions.some((region) => region.slug === slug));
    if (unknown !== undefined) throw new GlanceError(400, `Unknown store ${unknown}: the stores are the regions, by slug`);
    regionIds = regions.map((region) => region.id);
  }
  await requestReplicas(ctx, id, regionIds);
}

// ---------------------------------------------------------------------------------------------
// Members

async function memberAnswer(ctx: DomainContext, call: Call, id: string, memberSegment: string | undefined) {
  const { req, res } = call;
  // A project id as Keystone writes it, or as ours.
  const memberId = memberSegment === undefined ? undefined : (uuidOfProjectId(memberSegment) ?? memberSegment);
  const method = req.method;
  if (memberId === undefined) {
    if (method === 'GET') {
      const image = await findImage(ctx.em, ctx, id);
      if (image.visibility !== 'SHARED') throw new GlanceError(403, `Not allowed to list members for image ${id}: Only shared images have members.`);
      const [members] = await membersByImageIds(ctx, [id]);
      return sendGlanceJson(res, 200, { members: members!.map(glanceMember), schema: '/v2/schemas/members' });
    }
    if (method !== 'POST') throw notAllowed('GET, POST');
    const body = await jsonBody(req, ['application/json']);
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GlanceError(400, 'Expected a member in the form: {"member": "image_id"}');
    const member = (body as { member?: unknown }).member;
    if (member === undefined) throw new GlanceError(400, 'Member to be added not specified');
    if (typeof member !== 'string' || member === '') throw new GlanceError(400, "Member can't be empty");
    const added = await addImageMember(ctx, id, uuidOfProjectId(member) ?? member).catch((error: unknown) => {
      // The image's visibility refuses members: Glance forbids it.
      if (error instanceof ConflictError && error.field === 'imageId') throw new GlanceError(403, `Not allowed to create members for image ${id}.`);
      throw error;
    });
    return sendGlanceJson(res, 200, glanceMember(added));
  }
  switch (method) {
    case 'GET': {
      await findImage(ctx.em, ctx, id);
      const [members] = await membersByImageIds(ctx, [id]);
      const found = members!.find((row) => refId(row.project) === memberId);
      if (!found) throw new GlanceError(404, `${memberSegment} not found in the member list of the image ${id}.`);
      return sendGlanceJson(res, 200, glanceMember(found));
    }
    case 'PUT': {
      const body = await jsonBody(req, ['application/json']);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GlanceError(400, 'Expected a status in the form: {"status": "status"}');
      const status = memberStatusOf((body as { status?: unknown }).status);
      return sendGlanceJson(res, 200, glanceMember(await updateImageMember(ctx, id, memberId, status)));
    }
    case 'DELETE':
      await removeImageMember(ctx, id, memberId);
      return sendNoContent(res);
    default:
      throw notAllowed('GET, PUT, DELETE');
  }
}
