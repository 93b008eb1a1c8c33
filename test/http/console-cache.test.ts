// The console's normalized cache (web/src/client.ts) keys every object by its id; an object type
// without one must be declared embedded, or graphcache cannot tell two of them apart (in a
// development build it warns "Invalid key"; a production build drops the warning, so it is
// checked here against the schema instead).
import { readFileSync } from 'node:fs';
import { buildSchema, isObjectType } from 'graphql';
import { expect, it } from 'vitest';
import { EMBEDDED } from '../../web/src/client.js';

it('declares every object type of the schema without an id as embedded in the console cache', () => {
  const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  const withoutId = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !roots.has(type.name) && !('id' in type.getFields()))
    .map((type) => type.name);
  // Payloads and errors are answers, keyed null by pattern in client.ts.
  const undeclared = withoutId.filter((name) => !EMBEDDED.includes(name) && !/Payload$|Error$/.test(name));
  expect(undeclared).toEqual([]);
});
