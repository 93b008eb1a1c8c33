// The descriptions a mutation's generated types carry name that mutation: one copied from its
// neighbour would tell a frontend about the wrong change.
import { isObjectType, isUnionType, isInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildSchema } from '../../src/schema/index.js';

const schema = buildSchema();
const mutations = Object.keys(schema.getMutationType()!.getFields());

describe("each mutation's input, payload and result", () => {
  it.each(mutations)('%s: its types name it in their descriptions', (mutation) => {
    const base = mutation.charAt(0).toUpperCase() + mutation.slice(1);
    const input = schema.getType(`${base}Input`);
    const payload = schema.getType(`${base}Payload`);
    const result = schema.getType(`${base}Result`);
    expect(isInputObjectType(input) && isObjectType(payload) && isUnionType(result)).toBe(true);
    for (const type of [input, payload, result]) {
      expect(type!.description, type!.name).toMatch(new RegExp(`\\b${mutation}\\b`));
    }
  });
});
