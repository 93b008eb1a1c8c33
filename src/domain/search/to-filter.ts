// Turns a parsed Foreman search into an ORM condition on images. Values travel as bound
// parameters; nothing from the search is ever spliced into SQL text.
import type { FilterQuery } from '@mikro-orm/core';
import type { Image } from '../../db/entities/image.js';
import { BadQueryError } from '../errors.js';
import { isPrintable } from '../validation.js';
import { type ComparisonOperator, type SearchNode, SearchSyntaxError, parseSearch } from './parse.js';

/** The searchable fields of Foreman's image API. */
export const SEARCH_FIELDS = ['name', 'username', 'architecture', 'operatingsystem', 'compute_resource', 'user_data'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];

type Condition = FilterQuery<Image>;

/** Where each field lives: a column of the image, or a column of a related row. */
const columns: Record<Exclude<SearchField, 'user_data'>, { path: string[]; nullable: boolean }> = {
  name: { path: ['name'], nullable: false },
  username: { path: ['username'], nullable: true },
  architecture: { path: ['architecture', 'name'], nullable: true },
  operatingsystem: { path: ['operatingSystem', 'title'], nullable: true },
  compute_resource: { path: ['computeResource', 'name'], nullable: true },
};

/** Builds `{ a: { b: condition } }` for the path ['a', 'b']. */
function at(path: string[], condition: unknown): Condition {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), condition) as Condition;
}

/** A value taken literally inside a LIKE pattern. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A LIKE pattern for "contains": scoped search's `*` is a wildcard, `%` and `_` are literal. */
function containsPattern(value: string): string {
  return `%${escapeLike(value).replace(/\*/g, '%')}%`;
}

const comparison: Record<Exclude<ComparisonOperator, '~' | '!~' | '!='>, string> = {
  '=': '$eq',
  '<': '$lt',
  '<=': '$lte',
  '>': '$gt',
  '>=': '$gte',
};

function parseBoolean(value: string, position: number): boolean {
  const lower = value.toLowerCase();
  if (['true', '1', 't', 'yes'].includes(lower)) return true;
  if (['false', '0', 'f', 'no'].includes(lower)) return false;
  throw new BadQueryError(`user_data expects true or false, got '${value}' at position ${position}`, 'search', position);
}

function compare(field: SearchField, operator: ComparisonOperator, value: string, position: number): Condition {
  if (field === 'user_data') {
    if (operator !== '=' && operator !== '!=') {
      throw new BadQueryError(`user_data takes = or !=, not '${operator}' at position ${position}`, 'search', position);
    }
    const wanted = parseBoolean(value, position);
    return { userData: operator === '=' ? wanted : !wanted };
  }
  const { path, nullable } = columns[field];
  switch (operator) {
    case '~':
      return at(path, { $ilike: containsPattern(value) });
    case '!~': {
      // The ORM takes $not around a condition, not inside a field.
      const unlike = { $not: at(path, { $ilike: containsPattern(value) }) } as Condition;
      return nullable ? { $or: [at(path, null), unlike] } : unlike;
    }
    case '!=':
      return nullable ? { $or: [at(path, null), at(path, { $ne: value })] } : at(path, { $ne: value });
    default:
      return at(path, { [comparison[operator]]: value });
  }
}

const complement: Record<ComparisonOperator, ComparisonOperator> = {
  '=': '!=', '!=': '=', '~': '!~', '!~': '~', '<': '>=', '>=': '<', '>': '<=', '<=': '>',
};

/**
 * `not` pushed down to the conditions, so that it keeps rows where the field is not set:
 * SQL's NOT of a comparison with NULL is NULL, which would silently drop them.
 */
function negate(node: SearchNode): SearchNode {
  switch (node.kind) {
    case 'and':
      return { kind: 'or', operands: node.operands.map(negate) };
    case 'or':
      return { kind: 'and', operands: node.operands.map(negate) };
    case 'not':
      return node.operand;
    case 'in':
      return { ...node, negated: !node.negated };
    case 'presence':
      return { ...node, present: !node.present };
    case 'compare': {
      const negated = { ...node, operator: complement[node.operator] };
      // =, !=, ~ and !~ already say what happens to unset fields; orderings do not.
      if (!['<', '<=', '>', '>='].includes(node.operator) || node.field === null || node.field === 'user_data') return negated;
      return { kind: 'or', operands: [negated, { kind: 'presence', field: node.field, present: false, position: node.position }] };
    }
  }
}

function toCondition(node: SearchNode): Condition {
  switch (node.kind) {
    case 'and':
      return { $and: node.operands.map(toCondition) };
    case 'or':
      return { $or: node.operands.map(toCondition) };
    case 'not':
      return toCondition(negate(node.operand));
    case 'compare':
      // Free text searches the name, as Foreman's default field.
      return compare((node.field ?? 'name') as SearchField, node.operator, node.value, node.position);
    case 'in': {
      const field = node.field as SearchField;
      if (field === 'user_data') {
        const values = node.values.map((value) => parseBoolean(value, node.position));
        return { userData: node.negated ? { $nin: values } : { $in: values } };
      }
      const { path, nullable } = columns[field];
      if (!node.negated) return at(path, { $in: node.values });
      const outside = at(path, { $nin: node.values });
      return nullable ? { $or: [at(path, null), outside] } : outside;
    }
    case 'presence': {
      const field = node.field as SearchField;
      if (field === 'user_data') return node.present ? {} : { id: { $in: [] } };
      const { path } = columns[field];
      // For relations, presence is about the reference itself.
      const target = path.length > 1 ? [path[0]!] : path;
      return at(target, node.present ? { $ne: null } : null);
    }
  }
}

/** Parses `search` and returns the image condition it means, or null for an empty search. */
export function searchCondition(search: string): Condition | null {
  if (!isPrintable(search)) throw new BadQueryError('Invalid search: it contains control characters', 'search');
  try {
    const tree = parseSearch(search, SEARCH_FIELDS);
    return tree ? toCondition(tree) : null;
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      throw new BadQueryError(`Invalid search: ${error.message}`, 'search', error.position);
    }
    throw error;
  }
}
