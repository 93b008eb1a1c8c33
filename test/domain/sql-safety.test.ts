// No SQL text is assembled from input. Conditions are written as SQL by our own code
// (src/domain/sql.ts and its users), every value bound as a parameter; the APIs that accept raw
// SQL text are called in the few places reviewed for it; and whatever a client can put in a
// filter, a search or a cursor reaches the statements as parameters, never as text.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainContext } from '../../src/domain/context.js';
import { imageCondition } from '../../src/domain/image-catalog.js';
import { afterSql } from '../../src/domain/pagination.js';
import { SqlValues } from '../../src/domain/sql.js';
import type { Viewer } from '../../src/domain/viewer.js';

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : [join(dir, entry.name)])),
  );
  return files.flat().filter((file) => file.endsWith('.ts'));
}

// Constant SQL text the ORM has no API for, read here line by line: no input reaches it.
const REVIEWED = new Set(['db/migrate.ts']);
// Where each raw-SQL API may be called: the text it gets is built by src/domain/sql.ts's users,
// values bound through SqlValues (the property test below holds them to it).
const ALLOWED: Record<string, string[]> = {
  'domain/sql.ts': ['raw((alias: string) => write(alias, sql), sql.values)'],
  'domain/rows.ts': ["qb.execute('all', false)", 'qb.andWhere(query.sql(qb.alias, sql), sql.values)'],
  // The compiled read path's statements: their text is made of the same conditions, and of column
  // names of its own; every value is bound.
  'compiled/statements.ts': ["connection.query({ name, text, values: [...values], rowMode: 'array', types })"],
  // The reference rows a page lacks: entity names from a closed list, table and column names from
  // the ORM's metadata, quoted; every id bound.
  'domain/reference-cache.ts': ["execute<{ entity: ReferenceEntity; row: Record<string, unknown> }[]>(branches.join(' UNION ALL '), sql.values, 'all')"],
  // Constant session settings.
  'db/orm.ts': ["connection.query('set join_collapse_limit = 1; set max_parallel_workers_per_gather = 0', done)"],
};

describe('SQL construction', () => {
  it('calls the raw-SQL APIs only where reviewed', async () => {
    const offenders: string[] = [];
    const root = new URL('../../src/', import.meta.url).pathname;
    for (const file of await sourceFiles(root)) {
      if (REVIEWED.has(file.slice(root.length))) continue;
      let text = await readFile(file, 'utf8');
      for (const call of ALLOWED[file.slice(root.length)] ?? []) {
        expect(text, `${file} no longer calls ${call}`).toContain(call);
        text = text.replaceAll(call, '');
      }
      for (const pattern of [/\.query[<(]/, /\braw\((?!\))/, /\.execute[<(]/, /(?<![`\w])sql`/, /\.query\(`/, /knex\s*\(/, /\$where\b/, /\.andWhere\(/, /\.whereRaw\(/]) {
        if (pattern.test(text)) offenders.push(`${file}: ${pattern}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  // Client text carries this mark; it must reach the values, and never the SQL text.
  const MARK = "zq'\"";
  const hostile = fc.string({ maxLength: 12 }).map((text) => `${MARK}${text}`);
  const uuid = '01a24b2a-11fd-7f4d-a3b2-27192b6dcc72';
  const viewers: Viewer[] = [
    { kind: 'admin' },
    { kind: 'reseller', resellerId: uuid },
    { kind: 'member', projectId: uuid, resellerId: uuid, readOnly: false },
  ];

  it('binds every filter and search value as a parameter, for every viewer', () => {
    fc.assert(
      fc.property(fc.constantFrom(...viewers), hostile, hostile, fc.array(hostile, { maxLength: 3 }), fc.constantFrom('name', 'username', 'architecture', 'operatingsystem', 'compute_resource'), fc.constantFrom('=', '!=', '~', '!~', '<', '>='), (viewer, name, contains, tags, field, operator) => {
        const search = `${field} ${operator} "${name.replace(/["\\]/g, '')}" or not ${field} ^ ("${contains.replace(/["\\]/g, '')}")`;
        const condition = imageCondition({ viewer } as DomainContext, { name, nameContains: contains, tags }, search);
        for (const sql of [SqlValues.numbered(), SqlValues.positional()]) {
          const text = condition('i', sql);
          expect(text).not.toContain(MARK);
          expect(sql.values.some((value) => String(value).includes(MARK))).toBe(true);
        }
        const positional = SqlValues.positional();
        expect(condition('i', positional).split('?').length - 1).toBe(positional.values.length);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  });

  it('binds a cursor\'s values as parameters, one for each placeholder in order', () => {
    const direction = fc.constantFrom<'ASC' | 'DESC'>('ASC', 'DESC');
    fc.assert(
      fc.property(fc.option(hostile), fc.option(fc.integer()), direction, direction, (name, size, first, second) => {
        const order = [
          { field: 'name', direction: first, kind: 'string', nullable: true },
          { field: 'size', direction: second, kind: 'number', nullable: true },
        ] as const;
        const write = afterSql([...order], [first, second], [name, size], uuid, (alias, field) => `${alias}.${field}`);
        const positional = SqlValues.positional();
        const text = write('i', positional);
        if (name !== null) expect(positional.values).toContain(name);
        // knex takes `?` placeholders in order: as many values as placeholders.
        expect(text.split('?').length - 1).toBe(positional.values.length);
        const numbered = SqlValues.numbered();
        expect(write('i', numbered)).not.toContain(MARK);
        expect(numbered.values).toEqual(positional.values);
      }),
      { seed: 20261206, numRuns: 200 },
    );
  });
});
