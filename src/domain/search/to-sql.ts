// Turns a parsed Foreman search into a condition on images, in SQL. Values travel as bound
// parameters; nothing from the search is ever spliced into SQL text.
import { BadQueryError } from '../errors.js';
import type { SqlCondition, SqlValues } from '../sql.js';
import { isPrintable } from '../validation.js';
import { type ComparisonOperator, type SearchNode, SearchSyntaxError, parseSearch } from './parse.js';

/** The searchable fields of Foreman's image API. */
export const SEARCH_FIELDS = ['name', 'username', 'architecture', 'operatingsystem', 'compute_resource', 'user_data'] as const;
type SearchField = (typeof SEARCH_FIELDS)[number];

type ImageSql = SqlCondition;

/**
 * Where each field lives: a column of the image (`nullable` or not), or a column of a related
 * row, reached through the image's foreign key. A related column is never null itself: a field
 * of a related row is unset when the image has no such row.
 */
type Column = { column: string; nullable: boolean } | { key: string; table: string; column: string };
const columns: Record<Exclude<SearchField, 'user_data'>, Column> = {
  name: { column: 'name', nullable: false },
  username: { column: 'username', nullable: true },
  architecture: { key: 'architecture_id', table: 'architecture', column: 'name' },
  operatingsystem: { key: 'operating_system_id', table: 'operating_system', column: 'title' },
  compute_resource: { key: 'compute_resource_id', table: 'compute_resource', column: 'name' },
};

/** `predicate` on the field's column: the image's own, or its related row's. */
function where(at: Column, predicate: (column: string) => string): ImageSql {
  if ('table' in at) return (i) => `${i}.${at.key} IN (SELECT sr.id FROM ${at.table} sr WHERE ${predicate(`sr.${at.column}`)})`;
  return (i) => predicate(`${i}.${at.column}`);
}

/** The field is unset: a null column, or no related row. */
const unset = (at: Column): ImageSql => (i) => `${i}.${'table' in at ? at.key : at.column} IS NULL`;
const nullable = (at: Column) => 'table' in at || at.nullable;

const all = (conditions: ImageSql[], joiner: ' AND ' | ' OR '): ImageSql => (i, sql) => `(${conditions.map((c) => c(i, sql)).join(joiner)})`;
const either = (...conditions: ImageSql[]) => all(conditions, ' OR ');

/** A value taken literally inside a LIKE pattern. */
export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

/** A LIKE pattern for "contains": scoped search's `*` is a wildcard, `%` and `_` are literal. */
function containsPattern(value: string): string {
  return `%${escapeLike(value).replace(/\*/g, '%')}%`;
}

const comparison: Record<Exclude<ComparisonOperator, '~' | '!~'>, string> = { '=': '=', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function parseBoolean(value: string, position: number): boolean {
  const lower = value.toLowerCase();
  if (['true', '1', 't', 'yes'].includes(lower)) return true;
  if (['false', '0', 'f', 'no'].includes(lower)) return false;
  throw new BadQueryError(`user_data expects true or false, got '${value}' at position ${position}`, 'search', position);
}

function compare(field: SearchField, operator: ComparisonOperator, value: string, position: number): ImageSql {
  if (field === 'user_data') {
    if (operator !== '=' && operator !== '!=') {
      throw new BadQueryError(`user_data takes = or !=, not '${operator}' at position ${position}`, 'search', position);
    }
    const wanted = parseBoolean(value, position) === (operator === '=');
    return (i, sql) => `${i}.user_data = ${sql.bind(wanted)}`;
  }
  const at = columns[field];
  switch (operator) {
    case '~':
      return (i, sql) => where(at, (column) => `${column} ILIKE ${sql.bind(containsPattern(value))}`)(i, sql);
    case '!~': {
      const unlike: ImageSql = (i, sql) => `NOT (${where(at, (column) => `${column} ILIKE ${sql.bind(containsPattern(value))}`)(i, sql)})`;
      return nullable(at) ? either(unset(at), unlike) : unlike;
    }
    case '!=': {
      const other: ImageSql = (i, sql) => where(at, (column) => `${column} <> ${sql.bind(value)}`)(i, sql);
      return nullable(at) ? either(unset(at), other) : other;
    }
    default:
      return (i, sql) => where(at, (column) => `${column} ${comparison[operator]} ${sql.bind(value)}`)(i, sql);
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

function toSql(node: SearchNode): ImageSql {
  switch (node.kind) {
    case 'and':
      return all(node.operands.map(toSql), ' AND ');
    case 'or':
      return all(node.operands.map(toSql), ' OR ');
    case 'not':
      return toSql(negate(node.operand));
    case 'compare':
      // Free text searches the name, as Foreman's default field.
      return compare((node.field ?? 'name') as SearchField, node.operator, node.value, node.position);
    case 'in': {
      const field = node.field as SearchField;
      if (field === 'user_data') {
        const values = node.values.map((value) => parseBoolean(value, node.position));
        return (i, sql) => `${node.negated ? 'NOT ' : ''}(${i}.user_data = ANY (${sql.array(values, 'boolean')}))`;
      }
      const at = columns[field];
      const inside: ImageSql = (i, sql) => where(at, (column) => `${column} = ANY (${sql.array(node.values, 'text')})`)(i, sql);
      if (!node.negated) return inside;
      const outside: ImageSql = (i, sql) => `NOT (${inside(i, sql)})`;
      return nullable(at) ? either(unset(at), outside) : outside;
    }
    case 'presence': {
      const field = node.field as SearchField;
      if (field === 'user_data') return () => (node.present ? 'TRUE' : 'FALSE');
      const present = (i: string, sql: SqlValues) => `NOT (${unset(columns[field])(i, sql)})`;
      return node.present ? present : unset(columns[field]);
    }
  }
}

/** Parses `search` and returns the image condition it means, or null for an empty search. */
export function searchSql(search: string): ImageSql | null {
  if (!isPrintable(search)) throw new BadQueryError('Invalid search: it contains control characters', 'search');
  try {
    const tree = parseSearch(search, SEARCH_FIELDS);
    return tree ? toSql(tree) : null;
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      throw new BadQueryError(`Invalid search: ${error.message}`, 'search', error.position);
    }
    throw error;
  }
}
