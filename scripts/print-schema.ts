// Prints the schema (sorted) to schema.graphql; with --check fails when the file is stale.
import { readFile, writeFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { buildSchema } from '../src/schema/index.js';

const file = new URL('../schema.graphql', import.meta.url);
const printed = `${printSchema(buildSchema())}\n`;
if (process.argv.includes('--check')) {
  const committed = await readFile(file, 'utf8').catch(() => '');
  if (committed !== printed) {
    console.error('schema.graphql is stale: run npm run schema and commit it.');
    process.exitCode = 1;
  } else {
    console.log('schema.graphql is current');
  }
} else {
  await writeFile(file, printed);
  console.log('wrote schema.graphql');
}
