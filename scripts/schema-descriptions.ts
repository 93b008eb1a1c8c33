// Prints how much of schema.graphql is described (types, fields, arguments, enum values) and
// fails unless every one is; --list names the ones without a description.
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';

interface Tally {
  described: number;
  missing: string[];
}

function describedCoverage(schema: GraphQLSchema): Record<'types' | 'fields' | 'arguments' | 'enumValues', Tally> {
  const tally = () => ({ described: 0, missing: [] as string[] });
  const coverage = { types: tally(), fields: tally(), arguments: tally(), enumValues: tally() };
  const count = (into: Tally, name: string, description: string | null | undefined) => {
    if (description?.trim()) into.described += 1;
    else into.missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    count(coverage.types, type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        count(coverage.fields, `${type.name}.${field.name}`, field.description);
        for (const arg of field.args) count(coverage.arguments, `${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        count(coverage.fields, `${type.name}.${field.name}`, field.description);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) count(coverage.enumValues, `${type.name}.${value.name}`, value.description);
    }
  }
  return coverage;
}

const schema = buildSchema(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));
let complete = true;
for (const [kind, { described, missing }] of Object.entries(describedCoverage(schema))) {
  const total = described + missing.length;
  const percent = total === 0 ? 100 : (100 * described) / total;
  console.log(`described ${kind}: ${described} of ${total} (${percent.toFixed(1)} %)`);
  if (missing.length > 0) complete = false;
  if (process.argv.includes('--list')) for (const name of missing) console.log(`  ${name}`);
}
if (!complete) {
  console.error('schema.graphql has items without a description (npm run schema:descriptions -- --list)');
  process.exitCode = 1;
}
