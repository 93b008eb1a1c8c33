// What the compiled read path can answer, decided once per document: a plan of the operation's
// fields, each one the read path knows how to turn into columns of one statement and bytes of the
// answer. Anything else (a mutation, a field of another kind, a directive that depends on the
// variables) makes the document unplannable, and the general path answers it.
//
// Fields are collected as the general path's executor collects them (see `collect`), so the
// answer's keys come in the order it gives them.
import {
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, Kind, getOperationAST, print,
} from 'graphql';

/** How a column's value is written in the answer. */
export type ScalarKind = 'string' | 'int' | 'boolean' | 'safeInt' | 'dateTime' | 'stringList';

/** A field of a row: a column, something derived from columns, or a fixed text. */
export type RowField =
  | { key: string; kind: 'typename'; typename: string }
  | { key: string; kind: 'id'; typename: string }
  | { key: string; kind: 'column'; column: string; scalar: ScalarKind }
  /** Danube's access: DELETED, PUBLIC or PRIVATE from deleted_at, status and visibility. */
  | { key: string; kind: 'access' }
  | { key: string; kind: 'hasPassword' }
  /** A subobject made of the same row's columns (Image.hardware). */
  | { key: string; kind: 'object'; typename: string; fields: RowField[] }
  /** A to-one relation, its row read from the reference cache by the id in the image's row; null when it has none. */
  | { key: string; kind: 'relation'; relation: Relation; fields: RowField[] }
  | { key: string; kind: 'metadata'; fields: RowField[] }
  | { key: string; kind: 'metadataItem'; field: FieldNode; fields: RowField[] };

/** The relations of an image a page writes (a compute resource's region from the compute resource's row). */
export type Relation = 'operatingSystem' | 'architecture' | 'computeResource' | 'computeResource.region' | 'region' | 'owner';

export type ConnectionField =
  | { key: string; kind: 'typename'; typename: string }
  | { key: string; kind: 'totalCount' }
  | { key: string; kind: 'edges'; fields: EdgeField[] }
  | { key: string; kind: 'pageInfo'; fields: PageInfoField[] };

export type EdgeField =
  | { key: string; kind: 'typename'; typename: string }
  | { key: string; kind: 'cursor' }
  | { key: string; kind: 'node'; fields: RowField[] };

export type PageInfoField =
  | { key: string; kind: 'typename'; typename: string }
  | { key: string; kind: 'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor' };

/** A root field: the arguments stay as written (the field node), read with the variables per request. */
export type RootField =
  | { key: string; kind: 'typename' }
  /** images, projectImages: a page of the catalog. */
  | { key: string; kind: 'images'; name: 'images' | 'projectImages'; field: FieldNode; definition: GraphQLField<unknown, unknown>; fields: ConnectionField[] }
  /** image(id:), node(id:) of an Image: one image or null. */
  | { key: string; kind: 'image'; name: 'image' | 'node'; field: FieldNode; definition: GraphQLField<unknown, unknown>; fields: RowField[] }
  /** nodes(ids:) of Images: a list, null where an id is not found. */
  | { key: string; kind: 'images by id'; field: FieldNode; definition: GraphQLField<unknown, unknown>; fields: RowField[] };

export interface Plan {
  operation: OperationDefinitionNode;
  fields: RootField[];
}

/** A document the compiled path cannot answer; `why` is for tests and logs. */
export class Unplannable extends Error {}

interface Collected {
  nodes: FieldNode[];
}

/**
 * The fields of `sets` on an object of `typename`, by response key, in the order the general path
 * answers them. That path executes with graphql-jit, which collects a selection set's own fields
 * first and then its fragments, the last one first (a stack); each set of fields merged under one
 * key in turn, with the fragments already spread left out.
 */
function collect(sets: readonly SelectionSetNode[], typename: string, fragments: Map<string, FragmentDefinitionNode>, abstract: readonly string[] = []): Map<string, Collected> {
  const fields = new Map<string, Collected>();
  const applies = (condition: string | undefined) => condition === undefined || condition === typename || abstract.includes(condition);
  const spread = new Set<string>();
  for (const set of sets) {
    const stack: SelectionSetNode[] = [set];
    while (stack.length) {
      for (const selection of stack.pop()!.selections) {
        if (selection.directives?.length) throw new Unplannable('a directive (@skip, @include) decides per request');
        if (selection.kind === Kind.FIELD) {
          const key = (selection.alias ?? selection.name).value;
          let entry = fields.get(key);
          if (!entry) fields.set(key, (entry = { nodes: [] }));
          entry.nodes.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          if (applies(selection.typeCondition?.name.value)) stack.push(selection.selectionSet);
        } else {
          const name = selection.name.value;
          if (spread.has(name)) continue;
          spread.add(name);
          const fragment = fragments.get(name);
          if (!fragment) throw new Unplannable('a fragment the document does not define');
          if (applies(fragment.typeCondition.name.value)) stack.push(fragment.selectionSet);
        }
      }
    }
  }
  return fields;
}

/** A field's arguments as written (validation lets fields merge only when these are the same). */
const argumentsText = (node: FieldNode) => (node.arguments ?? []).map((argument) => print(argument)).join(',');

const subSelections = (entry: Collected) => entry.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));
const nameOf = (entry: Collected) => entry.nodes[0]!.name.value;
const noArguments = (entry: Collected) => {
  if (entry.nodes.some((node) => node.arguments?.length)) throw new Unplannable(`${nameOf(entry)} takes no arguments here`);
};

/** The image's own columns, by GraphQL field name. */
const IMAGE_COLUMNS: Record<string, [string, ScalarKind]> = {
  name: ['name', 'string'],
  description: ['description', 'string'],
  version: ['version', 'string'],
  status: ['status', 'string'],
  visibility: ['visibility', 'string'],
  protected: ['protected', 'boolean'],
  hidden: ['hidden', 'boolean'],
  tags: ['tags', 'stringList'],
  diskFormat: ['disk_format', 'string'],
  containerFormat: ['container_format', 'string'],
  minDisk: ['min_disk', 'int'],
  minRam: ['min_ram', 'int'],
  size: ['size', 'safeInt'],
  virtualSize: ['virtual_size', 'safeInt'],
  checksum: ['checksum', 'string'],
  hashAlgo: ['hash_algo', 'string'],
  hashValue: ['hash_value', 'string'],
  providerRef: ['provider_ref', 'string'],
  username: ['username', 'string'],
  userData: ['user_data', 'boolean'],
  osType: ['os_type', 'string'],
  osDistro: ['os_distro', 'string'],
  osVersion: ['os_version', 'string'],
  sshKey: ['ssh_key', 'string'],
  isBaremetal: ['is_baremetal', 'boolean'],
  displayOrder: ['display_order', 'int'],
  resize: ['resize', 'boolean'],
  deploy: ['deploy', 'boolean'],
  regionBound: ['region_bound', 'boolean'],
  sourceUrl: ['source_url', 'string'],
  rowVersion: ['row_version', 'int'],
  deletedAt: ['deleted_at', 'dateTime'],
  createdAt: ['created_at', 'dateTime'],
  updatedAt: ['updated_at', 'dateTime'],
};

const HARDWARE_COLUMNS: Record<string, [string, ScalarKind]> = {
  firmware: ['hw_firmware', 'string'],
  machineType: ['hw_machine_type', 'string'],
  diskBus: ['hw_disk_bus', 'string'],
  vifModel: ['hw_vif_model', 'string'],
  videoModel: ['hw_video_model', 'string'],
};

const STAMPS: Record<string, [string, ScalarKind]> = { createdAt: ['created_at', 'dateTime'], updatedAt: ['updated_at', 'dateTime'] };

/** The reference types an image names, with the columns the read path writes of each. */
const REFERENCES: Record<string, { typename: string; columns: Record<string, [string, ScalarKind]>; region?: boolean }> = {
  operatingSystem: { typename: 'OperatingSystem', columns: { name: ['name', 'string'], major: ['major', 'string'], minor: ['minor', 'string'], family: ['family', 'string'], title: ['title', 'string'], ...STAMPS } },
  architecture: { typename: 'Architecture', columns: { name: ['name', 'string'], ...STAMPS } },
  computeResource: { typename: 'ComputeResource', columns: { name: ['name', 'string'], provider: ['provider', 'string'], ...STAMPS }, region: true },
  region: { typename: 'Region', columns: { slug: ['slug', 'string'], name: ['name', 'string'], ...STAMPS } },
  owner: { typename: 'Project', columns: { name: ['name', 'string'], ...STAMPS } },
};

const METADATA_COLUMNS: Record<string, [string, ScalarKind]> = { key: ['key', 'string'], value: ['value', 'string'], readOnly: ['read_only', 'boolean'], ...STAMPS };

function columnFields(entries: Map<string, Collected>, typename: string, columns: Record<string, [string, ScalarKind]>, extra: (key: string, entry: Collected) => RowField | undefined = () => undefined): RowField[] {
  const fields: RowField[] = [];
  for (const [key, entry] of entries) {
    const name = nameOf(entry);
    if (name === '__typename') {
      fields.push({ key, kind: 'typename', typename });
      continue;
    }
    const special = extra(key, entry);
    if (special) {
      fields.push(special);
      continue;
    }
    const column = columns[name];
    if (!column) throw new Unplannable(`${typename}.${name} is not a column the read path writes`);
    noArguments(entry);
    fields.push({ key, kind: 'column', column: column[0], scalar: column[1] });
  }
  return fields;
}

class Planner {
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
  ) {}

  /** The fields of an Image at a place typed Image (or Node, whose fragments on Image apply too). */
  image(sets: readonly SelectionSetNode[]): RowField[] {
    const entries = collect(sets, 'Image', this.fragments, ['Node']);
    return columnFields(entries, 'Image', IMAGE_COLUMNS, (key, entry) => {
      const name = nameOf(entry);
      if (name === 'id') return noArguments(entry), { key, kind: 'id', typename: 'Image' };
      if (name === 'access') return noArguments(entry), { key, kind: 'access' };
      if (name === 'hasPassword') return noArguments(entry), { key, kind: 'hasPassword' };
      if (name === 'hardware') {
        noArguments(entry);
        return { key, kind: 'object', typename: 'ImageHardware', fields: columnFields(collect(subSelections(entry), 'ImageHardware', this.fragments), 'ImageHardware', HARDWARE_COLUMNS) };
      }
      if (name === 'metadata') return noArguments(entry), { key, kind: 'metadata', fields: this.metadata(entry) };
      if (name === 'metadataItem') return { key, kind: 'metadataItem', field: entry.nodes[0]!, fields: this.metadata(entry) };
      const reference = REFERENCES[name];
      if (reference) {
        noArguments(entry);
        return { key, kind: 'relation', relation: name as Relation, fields: this.reference(subSelections(entry), reference) };
      }
      return undefined;
    });
  }

  private metadata(entry: Collected): RowField[] {
    if (new Set(entry.nodes.map(argumentsText)).size > 1) throw new Unplannable('merged fields with different arguments');
    return columnFields(collect(subSelections(entry), 'Metadata', this.fragments), 'Metadata', METADATA_COLUMNS, (key, entry) =>
      nameOf(entry) === 'id' ? (noArguments(entry), { key, kind: 'id', typename: 'Metadata' }) : undefined,
    );
  }

  private reference(sets: readonly SelectionSetNode[], reference: (typeof REFERENCES)[string]): RowField[] {
    const { typename } = reference;
    return columnFields(collect(sets, typename, this.fragments, ['Node']), typename, reference.columns, (key, entry) => {
      const name = nameOf(entry);
      if (name === 'id') return noArguments(entry), { key, kind: 'id', typename };
      if (name === 'region' && reference.region) {
        noArguments(entry);
        return { key, kind: 'relation', relation: 'computeResource.region', fields: this.reference(subSelections(entry), REFERENCES.region!) };
      }
      return undefined;
    });
  }

  connection(sets: readonly SelectionSetNode[]): ConnectionField[] {
    const entries = collect(sets, 'ImageConnection', this.fragments);
    return [...entries].map(([key, entry]): ConnectionField => {
      const name = nameOf(entry);
      noArguments(entry);
      switch (name) {
        case '__typename':
          return { key, kind: 'typename', typename: 'ImageConnection' };
        case 'totalCount':
          return { key, kind: 'totalCount' };
        case 'edges':
          return { key, kind: 'edges', fields: this.edges(subSelections(entry)) };
        case 'pageInfo':
          return { key, kind: 'pageInfo', fields: this.pageInfo(subSelections(entry)) };
        default:
          throw new Unplannable(`ImageConnection.${name}`);
      }
    });
  }

  private edges(sets: readonly SelectionSetNode[]): EdgeField[] {
    return [...collect(sets, 'ImageEdge', this.fragments)].map(([key, entry]): EdgeField => {
      const name = nameOf(entry);
      noArguments(entry);
      if (name === '__typename') return { key, kind: 'typename', typename: 'ImageEdge' };
      if (name === 'cursor') return { key, kind: 'cursor' };
      if (name === 'node') return { key, kind: 'node', fields: this.image(subSelections(entry)) };
      throw new Unplannable(`ImageEdge.${name}`);
    });
  }

  private pageInfo(sets: readonly SelectionSetNode[]): PageInfoField[] {
    return [...collect(sets, 'PageInfo', this.fragments)].map(([key, entry]): PageInfoField => {
      const name = nameOf(entry);
      noArguments(entry);
      if (name === '__typename') return { key, kind: 'typename', typename: 'PageInfo' };
      if (name === 'hasNextPage' || name === 'hasPreviousPage' || name === 'startCursor' || name === 'endCursor') return { key, kind: name };
      throw new Unplannable(`PageInfo.${name}`);
    });
  }

  root(operation: OperationDefinitionNode): RootField[] {
    const query = this.schema.getQueryType() as GraphQLObjectType;
    return [...collect([operation.selectionSet], 'Query', this.fragments)].map(([key, entry]): RootField => {
      const name = nameOf(entry);
      if (name === '__typename') return { key, kind: 'typename' };
      if (new Set(entry.nodes.map(argumentsText)).size > 1) {
        throw new Unplannable('merged root fields with different arguments');
      }
      const field = entry.nodes[0]!;
      const definition = query.getFields()[name];
      if (!definition) throw new Unplannable(`Query.${name}`);
      switch (name) {
        case 'images':
        case 'projectImages':
          return { key, kind: 'images', name, field, definition, fields: this.connection(subSelections(entry)) };
        case 'image':
        case 'node':
          return { key, kind: 'image', name, field, definition, fields: this.image(subSelections(entry)) };
        case 'nodes':
          return { key, kind: 'images by id', field, definition, fields: this.image(subSelections(entry)) };
        default:
          throw new Unplannable(`Query.${name}`);
      }
    });
  }
}

/**
 * The plan of the operation `operationName` names in a validated `document`; Unplannable when the
 * compiled path cannot answer it.
 */
export function planOperation(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined): Plan {
  const operation = getOperationAST(document, operationName);
  if (!operation) throw new Unplannable('no such operation');
  if (operation.operation !== 'query') throw new Unplannable(`a ${operation.operation}`);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  if (operation.directives?.length) throw new Unplannable('an operation directive');
  return { operation, fields: new Planner(schema, fragments).root(operation) };
}
