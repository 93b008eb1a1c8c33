// What an operation costs, computed from its document and variables before anything runs: about
// one unit per row it may read (a node, a joined or looked-up relation), connections multiplied
// by their page size, nested connections multiplied together, with counts, searches, writes and
// introspection at weights of their own. README "Limits" documents the model.
import {
  type ASTVisitor, type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLNamedType, type GraphQLObjectType,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode, GraphQLError, GraphQLIncludeDirective,
  GraphQLSkipDirective, Kind, getArgumentValues, getDirectiveValues, getNamedType, getNullableType, isCompositeType, isInterfaceType, isListType, isObjectType, getVariableValues,
  visit,
} from 'graphql';
import { DomainError } from '../domain/errors.js';
import { pageSize } from '../domain/pagination.js';

/** The weights; a field's own `extensions.cost` (a number) overrides its default. */
export const COST = {
  /** A field that returns objects: a row joined into the page or looked up by key. */
  object: 1,
  /** The items of a list that is not a connection (metadata, members), per item selected. */
  listItems: 10,
  /** A count across all pages (totalCount). */
  count: 50,
  /** A Foreman search or a substring filter, which no index answers. */
  search: 20,
  /** A mutation: a transaction of a few statements. */
  mutation: 10,
  /** A subscription, charged once as it starts (its events are not charged again). */
  subscription: 10,
  /** A full schema introspection: ~6 ms of CPU (250 rows' worth) and 180 kB of answer (500 rows'). */
  schemaIntrospection: 500,
  typeIntrospection: 5,
  /** An image file upload or download request (src/http/image-files.ts). */
  fileTransfer: 10,
} as const;

/** Why an operation cannot be costed: a bad variable or argument, decided by the document alone. */
export class CostError extends GraphQLError {}

export interface CostOptions {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The variables already coerced for this operation (then they are not coerced again). */
  coercedVariables?: Record<string, unknown>;
}

/**
 * The cost of the operation `operationName` picks, or the errors that make it impossible to run
 * (no such operation, variables that do not fit, a page size out of range): the same ones
 * execution would answer, but before the request reaches the database.
 */
export function operationCost({ schema, document, operationName, variables, coercedVariables }: CostOptions): number | readonly GraphQLError[] {
  const operations: OperationDefinitionNode[] = [];
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition);
  const operation = operationName ? operations.find((op) => op.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation) {
    return [new CostError(operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.')];
  }
  let values = coercedVariables;
  if (!values) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}, { maxErrors: 10 });
    if (coerced.errors) return coerced.errors;
    values = coerced.coerced;
  }
  const root = schema.getRootType(operation.operation);
  if (!root) return [new CostError(`The schema has no ${operation.operation} type.`)];
  const known = rememberedCosts(document, operation);
  const key = known.key(values);
  const remembered = known.costs.get(key);
  if (remembered !== undefined) return remembered;
  try {
    const walk = new CostWalk(schema, known.fragments, values);
    const own = operation.operation === 'mutation' ? COST.mutation : operation.operation === 'subscription' ? COST.subscription : 0;
    const cost = walk.selectionSet(operation.selectionSet, root, own);
    if (key.length <= MAX_KEY_LENGTH) {
      if (known.costs.size >= MAX_REMEMBERED_COSTS) known.costs.delete(known.costs.keys().next().value!);
      known.costs.set(key, cost);
    }
    return cost;
  } catch (error) {
    if (error instanceof DomainError) return [new CostError(error.message, { extensions: { code: error.code, ...argumentOf(error) } })];
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}

/**
 * What the walk reads of each argument it reads the value of: page sizes (pageSize), the number
 * of ids (listSize), whether a search or a substring filter is asked (searchCost). Of every other
 * argument only whether it is given, null or not decides anything (a default applies, a non-null
 * one is refused). The walk's functions below read their arguments through this table, so the
 * costs remembered are keyed on exactly what decides them.
 */
const ARGUMENT_READS = {
  first: (value) => value,
  last: (value) => value,
  ids: (value) => (Array.isArray(value) ? value.length : value),
  search: (value) => typeof value === 'string' && value.trim() !== '',
  filter: (value) => {
    const contains = (value as { nameContains?: unknown } | null | undefined)?.nameContains;
    return contains != null && contains !== '';
  },
} satisfies Record<string, (value: unknown) => unknown>;
type ReadArgument = keyof typeof ARGUMENT_READS;
const readsArgument = (name: string): name is ReadArgument => Object.hasOwn(ARGUMENT_READS, name);

/**
 * Costs kept per operation, for a few page sizes and searches: the operations of up to 2,000
 * documents (Yoga's cache and the read path's) hold at most 16 keys of 256 characters each.
 */
const MAX_REMEMBERED_COSTS = 16;
/** A variable written inside a list or an object is keyed by its whole value: up to this length in all. */
const MAX_KEY_LENGTH = 256;

/** How the walk reads a variable: its whole value, what ARGUMENT_READS says of an argument it is, or whether it is given. */
type VariableRead = 'value' | 'presence' | ReadArgument;

interface RememberedCosts {
  /** The document's fragments, by name. */
  fragments: Map<string, FragmentDefinitionNode>;
  /** The key of the variables' values as the walk sees them. */
  key(values: Record<string, unknown>): string;
  costs: Map<string, number>;
}

/**
 * The cost of an operation is the same for every request whose variables agree where the walk
 * reads them, and a document arrives again and again with new ids: it is walked once per such
 * agreement. Refusals are not kept (their errors are each request's own).
 */
const costsOf = new WeakMap<OperationDefinitionNode, RememberedCosts>();

function rememberedCosts(document: DocumentNode, operation: OperationDefinitionNode): RememberedCosts {
  let known = costsOf.get(operation);
  if (!known) {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const reads = variableReads(operation, fragments.values());
    known = {
      fragments,
      // Absent, null and given stay apart in every kind of read (a value or a summary is in a list).
      key: (values) => JSON.stringify(reads.map(([name, how]) => {
        const value = values[name];
        if (value === undefined) return 'absent';
        if (how.has('value')) return [value];
        if (value === null) return 'null';
        return [...how].map((read) => (read === 'presence' || read === 'value' ? 'given' : [ARGUMENT_READS[read](value)]));
      })),
      costs: new Map(),
    };
    costsOf.set(operation, known);
  }
  return known;
}

/** Each variable the operation and the document's fragments use, and how the walk reads it. */
function variableReads(operation: OperationDefinitionNode, fragments: Iterable<FragmentDefinitionNode>): [string, Set<VariableRead>][] {
  const reads = new Map<string, Set<VariableRead>>();
  const note = (name: string, read: VariableRead) => {
    let how = reads.get(name);
    if (!how) reads.set(name, (how = new Set()));
    how.add(read);
  };
  // Inside a directive, or inside a list or an object given to an argument the walk reads.
  let wholeValues = 0;
  const visitor: ASTVisitor = {
    Argument: {
      enter(node) {
        if (!readsArgument(node.name.value)) return undefined;
        if (node.value.kind === Kind.VARIABLE && !wholeValues) {
          note(node.value.name.value, node.name.value);
          return false; // its variable is noted: not visited again as one read whole or by presence
        }
        wholeValues++;
        return undefined;
      },
      leave(node) {
        if (readsArgument(node.name.value)) wholeValues--;
      },
    },
    Directive: {
      enter() {
        wholeValues++;
      },
      leave() {
        wholeValues--;
      },
    },
    Variable(node) {
      note(node.name.value, wholeValues ? 'value' : 'presence');
    },
  };
  visit(operation.selectionSet, visitor);
  for (const fragment of fragments) visit(fragment.selectionSet, visitor);
  return [...reads].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const argumentOf = (error: DomainError) => ('argument' in error ? { argument: (error as { argument: unknown }).argument } : {});

class CostWalk {
  /**
   * A selection set is costed once per way of costing it (parent type, and a root field's weight
   * or a page size), however often its fragment is spread: fragments spreading a fragment twice,
   * nested, would otherwise take exponential time.
   */
  private readonly memo = new Map<SelectionSetNode, Map<string, number>>();

  private remembered(set: SelectionSetNode, key: string, cost: () => number): number {
    let byKey = this.memo.get(set);
    if (!byKey) this.memo.set(set, (byKey = new Map()));
    let known = byKey.get(key);
    if (known === undefined) byKey.set(key, (known = cost()));
    return known;
  }

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
  ) {}

  /** `rootFieldCost`: the weight of each root field of a mutation or subscription. */
  selectionSet(set: SelectionSetNode, type: GraphQLNamedType, rootFieldCost = -1): number {
    return this.remembered(set, `set:${type.name}:${rootFieldCost}`, () => this.selectionSetCost(set, type, rootFieldCost));
  }

  private selectionSetCost(set: SelectionSetNode, type: GraphQLNamedType, rootFieldCost: number): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        total += this.field(selection, type) + Math.max(rootFieldCost, 0);
      } else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
        if (!fragment) continue;
        const condition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : type;
        // On an abstract parent every possible member is counted: an upper bound, never less.
        total += this.selectionSet(fragment.selectionSet, condition ?? type, rootFieldCost);
      }
    }
    return total;
  }

  private field(node: FieldNode, parent: GraphQLNamedType): number {
    const name = node.name.value;
    if (name === '__typename') return 0;
    if (name === '__schema') return COST.schemaIntrospection;
    if (name === '__type') return COST.typeIntrospection;
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 0;
    const field = parent.getFields()[name];
    if (!field) return 0; // validation has refused it already
    const own = typeof field.extensions.cost === 'number' ? field.extensions.cost : isCompositeType(getNamedType(field.type)) ? COST.object : 0;
    if (!node.selectionSet) return own;
    const args = field.args.length ? getArgumentValues(field, node, this.variables) : {};
    const type = getNamedType(field.type);
    if (isConnection(type)) return own + searchCost(args) + this.connection(node.selectionSet, type, pageSize(args).size);
    const items = isListType(getNullableType(field.type)) ? listSize(field, args) : 1;
    return own + searchCost(args) + items * this.selectionSet(node.selectionSet, type);
  }

  /** A connection's edges (or nodes) cost their page size times over; its count once; pageInfo nothing. */
  private connection(set: SelectionSetNode, type: GraphQLObjectType, size: number): number {
    return this.remembered(set, `connection:${type.name}:${size}`, () => this.connectionCost(set, type, size));
  }

  private connectionCost(set: SelectionSetNode, type: GraphQLObjectType, size: number): number {
    let total = 0;
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind !== Kind.FIELD) {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
        if (fragment) total += this.connection(fragment.selectionSet, type, size);
        continue;
      }
      const name = selection.name.value;
      const field = type.getFields()[name];
      if (!field || !selection.selectionSet) {
        total += this.field(selection, type);
      } else if (name === 'edges' || name === 'nodes') {
        // An edge is no row of its own; a node is.
        const item = this.selectionSet(selection.selectionSet, getNamedType(field.type));
        total += size * (name === 'nodes' ? COST.object + item : item);
      } else if (name !== 'pageInfo') {
        total += this.field(selection, type);
      }
    }
    return total;
  }

  /** @skip and @include are honoured: a field the variables leave out costs nothing. */
  private included(node: { directives?: FieldNode['directives'] }): boolean {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node, this.variables);
    if (skip?.if === true) return false;
    const include = getDirectiveValues(GraphQLIncludeDirective, node, this.variables);
    return include?.if !== false;
  }
}

/** A Relay connection: a type with `edges` and `pageInfo`. */
function isConnection(type: GraphQLNamedType): type is GraphQLObjectType {
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields;
}

/** `nodes(ids:)` reads as many as it is given; other lists are counted at a fixed guess. */
function listSize(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const ids = ARGUMENT_READS.ids(args.ids);
  if (field.args.some((arg) => arg.name === 'ids') && typeof ids === 'number') return ids;
  return COST.listItems;
}

function searchCost(args: Record<string, unknown>): number {
  return ARGUMENT_READS.search(args.search) || ARGUMENT_READS.filter(args.filter) ? COST.search : 0;
}
