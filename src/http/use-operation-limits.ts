// The limits every operation meets before anything runs, over HTTP, SSE and WebSocket alike:
// tokens while parsing; then, once per document, depth, aliases, directives and root fields,
// and the fields repeated at one place of the answer, before the full validation (whose check
// that fields merge is quadratic in the repeats); then the cost, which the variables decide too
// (page sizes), on every request, remembered for the values that decide it (src/schema/cost.ts).
// A refusal is answered before the context is built, so it costs no token lookup and no SQL
// statement. The accepted cost goes on the context (`cost`), for the rate limit and the request
// log.
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import {
  type ASTVisitor, type DocumentNode, GraphQLError, type GraphQLSchema, Kind, type ParseOptions, type SelectionSetNode, type ValidationContext, parse, validate,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { type CostOptions, operationCost } from '../schema/cost.js';
import { EXPANDED_FIELDS, repeatedFieldsProblem } from './repeated-fields.js';

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
  /** MAX_FIELD_REPEATS: fields of one response name in one selection set, its fragments' included. */
  maxFieldRepeats: number;
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

/** graphql-js's parser stops at maxTokens with this message (sic). */
const TOKENS_ABORTED = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;
/** graphql-js's validation stops after 100 errors with this one. */
const TOO_MANY_ERRORS = 'Too many validation errors, error limit reached. Validation aborted.';
/** graphql-js gives up checking that fields merge after this many comparisons, with the message below. */
const FIELD_COMPARISONS = 500_000;
const COMPARISONS_ABORTED = 'Validation aborted.';

/** The checks of the limits, shared by Yoga's pipeline (below) and the compiled read path. */
export interface LimitChecks {
  /** Parses with the token limit: a huge document is never read whole. */
  parse(source: string, options?: ParseOptions): DocumentNode;
  /** The document's own refusals (none: it may go on to the full validation); once per document. */
  refusals(schema: GraphQLSchema, document: DocumentNode): readonly GraphQLError[];
  /** The operation's cost, or the refusal that stops it (over MAX_COST, or costed from bad variables). */
  cost(options: CostOptions): number | GraphQLError;
}

export function limitChecks(limits: OperationLimits): LimitChecks {
  const rules = [
    // Depth counts fields, not the fragments they are written in.
    armorRule(maxDepthRule, 'MAX_DEPTH', 'depth', limits.maxDepth, { flattenFragments: true }),
    armorRule(maxAliasesRule, 'MAX_ALIASES', 'number of aliases', limits.maxAliases),
    armorRule(maxDirectivesRule, 'MAX_DIRECTIVES', 'number of directives', limits.maxDirectives),
    maxRootFieldsRule(limits.maxRootFields),
  ];
  // Yoga keeps each document it parsed, so the limits of a document are checked once: the
  // counting rules first, then the walk of repeated fields, each linear in the document; only
  // then the full validation, which compares every two fields answering at one place.
  const refused = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    parse(source, options) {
      // graphql-js counts tokens as it lexes and stops at the limit.
      try {
        return parse(source, { ...options, maxTokens: limits.maxTokens });
      } catch (error) {
        if (error instanceof GraphQLError && TOKENS_ABORTED.test(error.message)) {
          throw limitExceeded('MAX_TOKENS', 'number of tokens', limits.maxTokens);
        }
        throw error;
      }
    },
    refusals(schema, document) {
      let found = refused.get(document);
      if (!found) {
        found = validate(schema, document, rules);
        const repeated = found.length ? undefined : repeatedFieldsProblem(document, limits.maxFieldRepeats);
        if (repeated === 'expanded') found = [limitExceeded('EXPANDED_FIELDS', 'number of fields with its fragments expanded', EXPANDED_FIELDS)];
        else if (repeated) found = [limitExceeded('MAX_FIELD_REPEATS', `number of fields answering at ${repeated.path}`, limits.maxFieldRepeats, repeated.count)];
        refused.set(document, found);
      }
      return found;
    },
    cost(options) {
      const cost = operationCost(options);
      if (typeof cost !== 'number') return asRequestError(cost[0]!);
      if (cost > limits.maxCost) return asRequestError(limitExceeded('MAX_COST', 'cost', limits.maxCost, cost));
      return cost;
    },
  };
}

export function useOperationLimits(checks: LimitChecks): Plugin<Record<string, unknown>> {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => checks.parse(typeof source === 'string' ? source : source.body, options));
    },
    onValidate({ params, context, setResult }) {
      // A refusal here is the result: the full validation does not run.
      const refused = checks.refusals(params.schema, params.documentAST);
      if (refused.length) setResult([...refused]);
      return ({ valid, result, setResult, extendContext }) => {
        if (!valid) {
          setResult(plainly(result as readonly GraphQLError[]));
          return;
        }
        const request = (context as { params?: { operationName?: string | null; variables?: Record<string, unknown> | null } }).params;
        const cost = checks.cost({
          schema: params.schema,
          document: params.documentAST,
          operationName: request?.operationName,
          variables: request?.variables,
        });
        // Thrown, not set as the result: Yoga caches validation results by document, and this
        // verdict depends on the variables too.
        if (typeof cost !== 'number') throw cost;
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

/** graphql-js's two "Validation aborted." errors said plainly. */
function plainly(errors: readonly GraphQLError[]): GraphQLError[] {
  return errors.map((error) => {
    if (error.message === TOO_MANY_ERRORS) {
      return new GraphQLError(`Too many validation errors: the first ${errors.length - 1} are listed, and the rest of the document was not checked`, {
        extensions: error.extensions,
      });
    }
    if (error.message === COMPARISONS_ABORTED) return limitExceeded('FIELD_COMPARISONS', 'number of field comparisons needed to check that its fields merge', FIELD_COMPARISONS);
    return error;
  });
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

