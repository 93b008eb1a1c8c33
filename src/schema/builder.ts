// The schema builder: plugins, scalars and the context type; no types of the domain here.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';
import type { DomainContext } from '../domain/context.js';
import { BadQueryError, DomainError, ForbiddenError } from '../domain/errors.js';
import { DEFAULT_PAGE_SIZE, MAX_NODES, MAX_PAGE_SIZE } from '../domain/pagination.js';
import { canWrite } from '../domain/viewer.js';
import type { EventBus } from '../events/bus.js';

/** One per operation; the dataloader plugin keeps its per-request loaders keyed on it. */
export type Context = DomainContext & {
  /** Live events, for subscriptions. */
  events: EventBus;
};

/** The Node types: node(id:) and nodes(ids:) load these, and their ids go out as global ids. */
export const NODE_TYPES: ReadonlySet<string> = new Set(['Image', 'OperatingSystem', 'Architecture', 'ComputeResource', 'Region', 'Project', 'Reseller', 'Task']);

const upperFirst = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export const builder = new SchemaBuilder<{
  Context: Context;
  /** Who may use a field: every query, field and mutation declares one of these. */
  AuthScopes: {
    /** Any caller with a valid token. */
    authenticated: boolean;
    admin: boolean;
    reseller: boolean;
    member: boolean;
    /** Admins and members whose token is not read-only. */
    writer: boolean;
  };
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    SafeInt: { Input: number; Output: number };
  };
}>({
  // Scope-auth first, so a refusal happens before anything runs; errors before dataloader,
  // so a loader's failure is still caught by the errors plugin.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DataloaderPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      authenticated: true,
      admin: ctx.viewer.kind === 'admin',
      reseller: ctx.viewer.kind === 'reseller',
      member: ctx.viewer.kind === 'member',
      writer: ctx.viewer.kind !== 'reseller' && canWrite(ctx.viewer),
    }),
    unauthorizedError: () => new ForbiddenError('This token may not do that'),
  },
  // Non-null unless a field says otherwise: null then means something.
  defaultFieldNullability: false,
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // What every connection, edge and Node shares; each connection describes its own types.
    nodeTypeOptions: { description: 'An object with a global id: node(id:) and nodes(ids:) fetch it again by that id.' },
    idFieldOptions: { description: 'A global id, unique across every type; stable for the life of the object.' },
    pageInfoTypeOptions: { description: 'Where a page sits in its list: whether more items lie either way, and the cursors to reach them.' },
    hasNextPageFieldOptions: { description: 'Whether items follow this page: pass endCursor as after to read them.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page: pass startCursor as before to read them.' },
    startCursorFieldOptions: { description: "The first edge's cursor; null when the page is empty." },
    endCursorFieldOptions: { description: "The last edge's cursor; null when the page is empty." },
    pageInfoFieldOptions: { description: 'How to reach the pages either side of this one.' },
    edgesFieldOptions: { nullable: false, description: 'The items of this page, each with its cursor, in the order asked for.' },
    cursorFieldOptions: { description: 'An opaque position in the list: pass it as after or before. Valid for as long as the order is.' },
    nodeFieldOptions: { nullable: false, description: 'The item at this position.' },
    afterArgOptions: { description: 'A cursor: the page starts after this item.' },
    beforeArgOptions: { description: 'A cursor: the page ends before this item.' },
    mutationInputArgOptions: { description: 'What to change; every field is described on the input type.' },
    // The page size, which the operation's cost multiplies (src/schema/cost.ts).
    firstArgOptions: { description: `The first n items after \`after\`: 0 to ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither first nor last is given. The page costs n times what one item costs.` },
    lastArgOptions: { description: `The last n items before \`before\`: 0 to ${MAX_PAGE_SIZE}. The page costs n times what one item costs.` },
    nodeQueryOptions: {
      authScopes: { authenticated: true },
      description: 'The object with this global id, or null when it does not exist or the caller may not see it.',
      args: { id: { description: 'A global id, as any id field answers it.' } },
      resolve: (_root, { id }, _ctx, _info, resolveNode) => (NODE_TYPES.has(id.typename) ? resolveNode(id) : null),
    },
    nodesQueryOptions: {
      authScopes: { authenticated: true },
      description: `The objects with these global ids, in the order given; null where one does not exist or is hidden. At most ${MAX_NODES} ids.`,
      args: { ids: { description: `Global ids, at most ${MAX_NODES}.` } },
      // One batched statement per type; bind parameters are finite, so the list is too.
      resolve: (_root, args, _ctx, _info, resolveNodes) => {
        const asked = args.ids;
        if (asked.length > MAX_NODES) throw new BadQueryError(`nodes takes at most ${MAX_NODES} ids, got ${asked.length}`, 'ids');
        // An id of a type that is not a Node (a metadata item's, or no type at all) names
        // nothing these fields load: null, as for an id that does not exist. Pothos loads
        // args.ids whatever list it is handed, so that list is narrowed in place.
        args.ids = asked.filter((id) => NODE_TYPES.has(id.typename));
        return resolveNodes(args.ids).then((nodes) => {
          let next = 0;
          return asked.map((id) => (NODE_TYPES.has(id.typename) ? nodes[next++] : null));
        });
      },
    },
  },
  errors: {
    // Only expected failures become union members; a fault stays a masked top-level error.
    defaultTypes: [DomainError],
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${upperFirst(fieldName)}Result` },
  },
});

builder.addScalarType('DateTime', DateTimeResolver);
builder.addScalarType('SafeInt', SafeIntResolver, {
  description: 'An integer up to 2^53 - 1: byte sizes do not fit in Int.',
});

builder.queryType({ description: 'Reads: what the caller may see, by id, by name or as pages.' });
builder.mutationType({
  description: 'Changes: each answers a union of its payload and the typed errors it can fail with; a refused change changes nothing.',
});
builder.subscriptionType({ description: 'Live changes, over WebSocket (graphql-ws) or server-sent events; one by id first sends the current state.' });
