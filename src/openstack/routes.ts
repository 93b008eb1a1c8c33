// Where the Image API lives, and its routes as a metric names them.

/** Where the API is mounted: devstack's path for Glance. */
export const IMAGE_API_PATH = '/image';

/**
 * The route a path of this API takes, its ids and names replaced by placeholders: a metric's
 * label from a bounded set. Null for a path outside the API.
 */
export function imageApiRoute(path: string): string | null {
  if (path !== IMAGE_API_PATH && !path.startsWith(`${IMAGE_API_PATH}/`)) return null;
  const [version, collection, id, sub, subId] = path.slice(IMAGE_API_PATH.length).split('/').filter(Boolean);
  if (version !== 'v2') return version === 'versions' ? `${IMAGE_API_PATH}/versions` : IMAGE_API_PATH;
  if (collection === 'schemas' || collection === 'info') return `${IMAGE_API_PATH}/v2/${collection}/:name`;
  if (collection === 'tasks') return `${IMAGE_API_PATH}/v2/tasks${id ? '/:id' : ''}`;
  if (collection === 'metadefs') return metadefsRoute(path.slice(IMAGE_API_PATH.length).split('/').filter(Boolean).slice(2));
  if (collection !== 'images') return `${IMAGE_API_PATH}/v2/other`;
  const parts = [`${IMAGE_API_PATH}/v2/images`, ...(id ? [':id'] : [])];
  if (sub) parts.push(['file', 'stage', 'import', 'tags', 'members', 'actions', 'tasks'].includes(sub) ? sub : 'other');
  if (subId) parts.push(sub === 'actions' ? (subId === 'deactivate' || subId === 'reactivate' ? subId : 'other') : sub === 'tags' ? ':tag' : sub === 'members' ? ':member' : 'other');
  return parts.join('/');
}

/** `/image/v2/metadefs/namespaces/:namespace/tags/:name` and the like. */
function metadefsRoute([collection, namespace, part, name]: string[]): string {
  const base = `${IMAGE_API_PATH}/v2/metadefs`;
  if (collection === 'resource_types' && namespace === undefined) return `${base}/resource_types`;
  if (collection !== 'namespaces') return `${base}/other`;
  const parts = [`${base}/namespaces`, ...(namespace ? [':namespace'] : [])];
  if (part) parts.push(['resource_types', 'properties', 'objects', 'tags'].includes(part) ? part : 'other');
  if (name) parts.push(':name');
  return parts.join('/');
}
