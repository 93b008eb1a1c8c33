// Reading a mutation's result union in tests.
import type { ExecutionResult } from 'graphql';
import { expect } from 'vitest';

export type Result = ExecutionResult<Record<string, any>>;

/** The union member `field` returned, asserting its __typename and that there was no top-level error. */
export function member(result: Result, field: string, typename: string): Record<string, any> {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const value = result.data?.[field] as Record<string, any>;
  expect(value?.__typename, JSON.stringify(value)).toBe(typename);
  return value;
}
