// Conditions as SQL text with every value a bound parameter, written once and run two ways: as
// `?` fragments inside the ORM's queries (the general read path, writes), and as `$1, $2, …` in
// the prepared statements of the compiled read path. Nothing a client sends is spliced into text;
// only names of our own columns and members of closed sets (statuses, visibilities) are.
import { type FilterQuery, raw } from '@mikro-orm/core';

/** The parameters of one statement, in order, and their placeholders. */
export class SqlValues {
  readonly values: unknown[] = [];

  private constructor(private readonly numbered: boolean) {}

  /** `$1, $2, …`: a statement of our own (the compiled read path). */
  static numbered(): SqlValues {
    return new SqlValues(true);
  }

  /** `?`: a fragment inside a query the ORM writes (knex's placeholders). */
  static positional(): SqlValues {
    return new SqlValues(false);
  }

  /** The placeholder of `value`, cast to `type` when given. */
  bind(value: unknown, type?: string): string {
    this.values.push(value);
    const placeholder = this.numbered ? `$${this.values.length}` : '?';
    return type ? `${placeholder}::${type}` : placeholder;
  }

  /** An array of `type` (one parameter, or one per element where knex would expand an array). */
  array(values: readonly unknown[], type: string): string {
    if (this.numbered) return this.bind(values, `${type}[]`);
    if (values.length === 0) return `'{}'::${type}[]`;
    return `ARRAY[${values.map((value) => this.bind(value)).join(', ')}]::${type}[]`;
  }
}

/** A condition on the row aliased `alias`, its values bound in `sql`. */
export type SqlCondition = (alias: string, sql: SqlValues) => string;

/** Every one of `conditions` (TRUE for none). */
export const allOf = (conditions: readonly SqlCondition[]): SqlCondition => (alias, sql) =>
  conditions.length ? `(${conditions.map((condition) => condition(alias, sql)).join(' AND ')})` : 'TRUE';

/** A literal from a closed set our own code names (an enum value), never from a client. */
export function literal(value: string): string {
  if (!/^[A-Z_]+$/.test(value)) throw new Error(`not a closed-set literal: ${value}`);
  return `'${value}'`;
}

/**
 * A condition as one of the ORM's (on its root alias). Made for one query: the ORM forgets the
 * fragment once a query has used it, so each query needs its own.
 */
export function ormCondition<T>(write: SqlCondition): FilterQuery<T> {
  const sql = SqlValues.positional();
  // raw() calls the writer at once with the alias it substitutes later; the values fill meanwhile.
  return { [raw((alias: string) => write(alias, sql), sql.values)]: [] } as FilterQuery<T>;
}
