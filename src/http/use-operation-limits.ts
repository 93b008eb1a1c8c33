// The limits every operation meets before anything runs, over HTTP, SSE and WebSocket alike:
// tokens while parsing; depth, aliases, directives and root fields while validating (the
// document alone decides, so Yoga caches the verdict); then the cost, which the variables decide
// too (page sizes), on every request, uncached. A refusal is answered before the context is built, so it
// costs no token lookup and no SQL statement. The accepted cost goes on the context (`cost`),
// for the rate limit and the request log.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type ASTVisitor, GraphQLError, Kind, type SelectionSetNode, type ValidationContext, parse } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { operationCost } from '../schema/cost.js';

export interface OperationLimits {
  /** MAX_TOKENS: lexical tokens in a document. */
  maxTokens: number;
  /** MAX_DEPTH: nesting of selections (schema introspection is exempt; its depth is fixed). */
  maxDepth: number;
  /** MAX_ALIASES: aliased fields in an operation, its fragments' included (`__typename` exempt). */
  maxAliases: number;
  /** MAX_ROOT_FIELDS: fields at the top of an operation. */
  maxRootFields: number;
  /** MAX_DIRECTIVES: directives in an operation, its fragments' included. */
  maxDirectives: number;
  /** MAX_COST: the cost of one operation (src/schema/cost.ts). */
  maxCost: number;
}

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/** A refusal naming the limit (its configuration variable), its value and how far it was passed. */
export function limitExceeded(limit: string, what: string, max: number, actual?: number): GraphQLError {
  const found = actual === undefined ? `more than ${max}` : `${actual}`;
  return new GraphQLError(`The operation's ${what} is ${found}, above the limit of ${max} (${limit})`, {
    extensions: { code: QUERY_TOO_COMPLEX, limit, max, ...(actual !== undefined && { actual }) },
  });
}

const isLimitError = (error: GraphQLError) => error.extensions?.code === QUERY_TOO_COMPLEX;

/** graphql-js's parser stops at maxTokens with this message (sic). */
const TOKENS_ABORTED = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;
/** graphql-js's validation stops after 100 errors with this one. */
const VALIDATION_ABORTED = 'Too many validation errors, error limit reached. Validation aborted.';

export function useOperationLimits(limits: OperationLimits): Plugin<Record<string, unknown>> {
  const rules = [
    // Depth counts fields, not the fragments they are written in.
    armorRule(maxDepthRule, 'MAX_DEPTH', 'depth', limits.maxDepth, { flattenFragments: true }),
    armorRule(maxAliasesRule, 'MAX_ALIASES', 'number of aliases', limits.maxAliases),
    armorRule(maxDirectivesRule, 'MAX_DIRECTIVES', 'number of directives', limits.maxDirectives),
    maxRootFieldsRule(limits.maxRootFields),
  ];
  return {
    onParse({ setParseFn }) {
      // graphql-js counts tokens as it lexes and stops at the limit: a huge document is never read whole.
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: limits.maxTokens });
        } catch (error) {
          if (error instanceof GraphQLError && TOKENS_ABORTED.test(error.message)) {
            throw limitExceeded('MAX_TOKENS', 'number of tokens', limits.maxTokens);
          }
          throw error;
        }
      });
    },
    onValidate({ addValidationRule, params, context }) {
      for (const rule of rules) addValidationRule(rule);
      return ({ valid, result, setResult, extendContext }) => {
        if (!valid) {
          setResult(limitsFirst(result as readonly GraphQLError[]));
          return;
        }
        const request = (context as { params?: { operationName?: string | null; variables?: Record<string, unknown> | null } }).params;
        const cost = operationCost({
          schema: params.schema,
          document: params.documentAST,
          operationName: request?.operationName,
          variables: request?.variables,
        });
        // Thrown, not set as the result: Yoga caches validation results by document, and this
        // verdict depends on the variables too.
        if (typeof cost !== 'number') throw asRequestError(cost[0]!);
        if (cost > limits.maxCost) throw asRequestError(limitExceeded('MAX_COST', 'cost', limits.maxCost, cost));
        extendContext({ cost } as Record<string, unknown>);
      };
    },
  };
}

/**
 * A refusal after validation, answered as Yoga answers validation errors: 400 where the
 * GraphQL-over-HTTP spec's media type is asked for (spec: true), 200 under application/json.
 */
function asRequestError(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  extensions.code ??= 'BAD_USER_INPUT';
  extensions.http = { spec: true, status: 400, ...(extensions.http as object | undefined) };
  return error;
}

/** A limit's refusal before the other errors; graphql-js's "Validation aborted." said plainly. */
function limitsFirst(errors: readonly GraphQLError[]): GraphQLError[] {
  const said = errors.map((error) =>
    error.message === VALIDATION_ABORTED
      ? new GraphQLError(`Too many validation errors: the first ${errors.length - 1} are listed, and the rest of the document was not checked`, {
          extensions: error.extensions,
        })
      : error,
  );
  return [...said.filter(isLimitError), ...said.filter((error) => !isLimitError(error))];
}

type ArmorRule = (options: {
  n: number;
  flattenFragments?: boolean;
  propagateOnRejection: boolean;
  onReject: ((context: ValidationContext | null, error: GraphQLError) => void)[];
}) => (context: ValidationContext) => ASTVisitor;

/** graphql-armor's counting, refused with our error: its own says "Syntax Error" and names no limit. */
function armorRule(rule: ArmorRule, limit: string, what: string, max: number, options: { flattenFragments?: boolean } = {}) {
  return rule({
    ...options,
    n: max,
    propagateOnRejection: false,
    onReject: [
      (context, error) => {
        // Its message is "... limit of <max> exceeded, found <actual>."
        const actual = Number(/found (\d+)/.exec(error.message)?.[1]);
        context?.reportError(limitExceeded(limit, what, max, Number.isFinite(actual) ? actual : undefined));
      },
    ],
  });
}

/** Fields at the top of each operation, through its fragments. */
function maxRootFieldsRule(max: number) {
  return function maxRootFields(context: ValidationContext): ASTVisitor {
    // Each fragment counted once, however often it is spread: fragments spreading fragments
    // twice over would otherwise take exponential time. A cycle counts 0 (another rule refuses it).
    const byFragment = new Map<string, number>();
    const count = (set: SelectionSetNode): number =>
      set.selections.reduce((total, selection) => {
        if (selection.kind === Kind.FIELD) return total + 1;
        if (selection.kind === Kind.INLINE_FRAGMENT) return total + count(selection.selectionSet);
        const name = selection.name.value;
        if (!byFragment.has(name)) {
          byFragment.set(name, 0);
          const fragment = context.getFragment(name);
          byFragment.set(name, fragment ? count(fragment.selectionSet) : 0);
        }
        return total + byFragment.get(name)!;
      }, 0);
    return {
      OperationDefinition(operation) {
        const fields = count(operation.selectionSet);
        if (fields > max) context.reportError(limitExceeded('MAX_ROOT_FIELDS', 'number of root fields', max, fields));
      },
    };
  };
}
