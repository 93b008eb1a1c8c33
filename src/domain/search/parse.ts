/**
 * Parser for Foreman's "scoped search" query language, the syntax of the
 * `search` parameter of Foreman's API (`name ~ centos and architecture = x86_64`).
 *
 * A small tokenizer turns the input into tokens, then a recursive-descent
 * parser builds a {@link SearchNode} tree. Grammar, loosest binding first:
 *
 *   query     := or EOF
 *   or        := and (OR and)*
 *   and       := not ((AND)? not)*          juxtaposition means AND
 *   not       := NOT* primary
 *   primary   := '(' or ')' | (SET? | NULL?) field | condition
 *   condition := field CMP value | field (^ | !^) '(' value (',' value)* ')'
 *              | CMP value | value           free text (no field)
 */

/** Operators of Foreman's scoped search that compare a field with a value. */
export type ComparisonOperator = '=' | '!=' | '~' | '!~' | '<' | '<=' | '>' | '>=';

/**
 * A parsed search. `position` is the 1-based column of the field token (or,
 * for free text, of the operator or value) so callers can report value errors.
 */
export type SearchNode =
  | { kind: 'and'; operands: SearchNode[] }
  | { kind: 'or'; operands: SearchNode[] }
  | { kind: 'not'; operand: SearchNode }
  | { kind: 'compare'; field: string | null; operator: ComparisonOperator; value: string; position: number }
  | { kind: 'in'; field: string; negated: boolean; values: string[]; position: number }
  | { kind: 'presence'; field: string; present: boolean; position: number };

/** A search that cannot be parsed; `position` is the 1-based column of the offending token. */
export class SearchSyntaxError extends Error {
  readonly position: number;

  constructor(position: number, message: string) {
    super(message);
    this.name = 'SearchSyntaxError';
    this.position = position;
  }
}

/** The longest search the parser reads, in characters. */
export const SEARCH_MAX_LENGTH = 2000;
const MAX_NESTING = 32;

interface TokenBase {
  /** The token as written in the input, for error messages. */
  text: string;
  /** 1-based column of the token's first character. */
  position: number;
}

type Token =
  | (TokenBase & { type: 'word' | 'string'; value: string })
  | (TokenBase & { type: 'compare'; operator: ComparisonOperator })
  | (TokenBase & { type: 'in'; negated: boolean })
  | (TokenBase & { type: 'presence'; present: boolean })
  | (TokenBase & { type: 'and' | 'or' | 'not' | 'lparen' | 'rparen' | 'comma' | 'eof' });

/** Longest first, so that `<=` wins over `<`. */
const COMPARISON_OPERATORS: readonly ComparisonOperator[] = ['<=', '>=', '!=', '!~', '=', '~', '<', '>'];

/** Characters that end a bare word. */
const DELIMITERS = new Set(['(', ')', '"', "'", ',', '=', '!', '~', '<', '>', '^', '&', '|']);

const WHITESPACE = /\s/;

/**
 * Parses a Foreman scoped-search query.
 *
 * @param input the query, e.g. `name ~ centos and not architecture = i386`
 * @param fields the searchable field names, matched case-insensitively
 * @returns the query tree, or `null` when the input is empty or blank
 * @throws {SearchSyntaxError} when the query is malformed or names an unknown field
 */
export function parseSearch(input: string, fields: readonly string[]): SearchNode | null {
  if (input.length > SEARCH_MAX_LENGTH) {
    throw new SearchSyntaxError(
      SEARCH_MAX_LENGTH + 1,
      `Search is too long (${input.length} characters, at most ${SEARCH_MAX_LENGTH}): it exceeds the limit at position ${SEARCH_MAX_LENGTH + 1}`,
    );
  }
  if (input.trim() === '') return null;
  return new Parser(tokenize(input), fields).parse();
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const push = (token: Token, length: number): void => {
    tokens.push(token);
    i += length;
  };

  while (i < input.length) {
    const ch = input.charAt(i);
    const position = i + 1;
    const two = input.slice(i, i + 2);

    if (WHITESPACE.test(ch)) {
      i += 1;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readQuoted(input, i);
      push({ type: 'string', text: input.slice(i, end), position, value }, end - i);
    } else if (ch === '(') {
      push({ type: 'lparen', text: ch, position }, 1);
    } else if (ch === ')') {
      push({ type: 'rparen', text: ch, position }, 1);
    } else if (ch === ',') {
      push({ type: 'comma', text: ch, position }, 1);
    } else if (two === '&&' || two === '||') {
      push({ type: ch === '&' ? 'and' : 'or', text: two, position }, 2);
    } else if (ch === '&' || ch === '|') {
      push({ type: ch === '&' ? 'and' : 'or', text: ch, position }, 1);
    } else if (two === '!^') {
      push({ type: 'in', text: two, position, negated: true }, 2);
    } else if (ch === '^') {
      push({ type: 'in', text: ch, position, negated: false }, 1);
    } else {
      const operator = COMPARISON_OPERATORS.find((op) => input.startsWith(op, i));
      if (operator !== undefined) {
        push({ type: 'compare', text: operator, position, operator }, operator.length);
      } else if (ch === '!') {
        push({ type: 'not', text: ch, position }, 1);
      } else {
        // Every delimiter is handled above, so a word is at least one character long.
        let end = i;
        while (end < input.length && !DELIMITERS.has(input.charAt(end)) && !WHITESPACE.test(input.charAt(end))) {
          end += 1;
        }
        const text = input.slice(i, end);
        push(wordToken(text, position), text.length);
      }
    }
  }

  tokens.push({ type: 'eof', text: '', position: input.length + 1 });
  return tokens;
}

/** Bare keywords are operators; a keyword in quotes is an ordinary value. */
function wordToken(text: string, position: number): Token {
  switch (text.toLowerCase()) {
    case 'and':
      return { type: 'and', text, position };
    case 'or':
      return { type: 'or', text, position };
    case 'not':
      return { type: 'not', text, position };
    case 'set?':
      return { type: 'presence', text, position, present: true };
    case 'null?':
      return { type: 'presence', text, position, present: false };
    default:
      return { type: 'word', text, position, value: text };
  }
}

/** Reads a string quoted with `"` or `'` starting at index `start`; `\` escapes a quote or a backslash. */
function readQuoted(input: string, start: number): { value: string; end: number } {
  const quote = input.charAt(start);
  let value = '';
  let i = start + 1;
  while (i < input.length) {
    const ch = input.charAt(i);
    if (ch === quote) return { value, end: i + 1 };
    const next = input.charAt(i + 1);
    if (ch === '\\' && (next === '"' || next === "'" || next === '\\')) {
      value += next;
      i += 2;
    } else {
      // Any other backslash is literal, so Windows-style paths survive unescaped.
      value += ch;
      i += 1;
    }
  }
  throw new SearchSyntaxError(start + 1, `Unterminated string starting at position ${start + 1}`);
}

function describe(token: Token): string {
  return token.type === 'eof' ? 'end of input' : `'${token.text}'`;
}

function unexpected(token: Token): SearchSyntaxError {
  return new SearchSyntaxError(token.position, `Unexpected ${describe(token)} at position ${token.position}`);
}

function unclosed(open: Token): SearchSyntaxError {
  return new SearchSyntaxError(
    open.position,
    `Unbalanced parenthesis: '(' at position ${open.position} is never closed`,
  );
}

/** Tokens that cannot begin a condition; anything else can, which is what makes juxtaposition an AND. */
function startsCondition(token: Token): boolean {
  return !['eof', 'rparen', 'comma', 'and', 'or'].includes(token.type);
}

function isValue(token: Token): token is Token & { type: 'word' | 'string'; value: string } {
  return token.type === 'word' || token.type === 'string';
}

function combine(kind: 'and' | 'or', first: SearchNode, rest: SearchNode[]): SearchNode {
  if (rest.length === 0) return first;
  const operands = [first, ...rest].flatMap((node) => (node.kind === kind ? node.operands : [node]));
  return { kind, operands };
}

class Parser {
  private readonly tokens: readonly Token[];
  private readonly fields: readonly string[];
  private readonly canonicalFields: ReadonlySet<string>;
  private index = 0;
  private depth = 0;

  constructor(tokens: readonly Token[], fields: readonly string[]) {
    this.tokens = tokens;
    this.fields = fields;
    this.canonicalFields = new Set(fields.map((field) => field.toLowerCase()));
  }

  parse(): SearchNode {
    const node = this.parseOr();
    const rest = this.peek();
    if (rest.type !== 'eof') throw unexpected(rest);
    return node;
  }

  private peek(): Token {
    // The token list always ends with 'eof', which is never consumed past.
    const token = this.tokens[this.index] ?? this.tokens[this.tokens.length - 1];
    if (token === undefined) throw new Error('tokenize() always yields an eof token');
    return token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.type !== 'eof') this.index += 1;
    return token;
  }

  private parseOr(): SearchNode {
    const first = this.parseAnd();
    const rest: SearchNode[] = [];
    while (this.peek().type === 'or') {
      const operator = this.next();
      this.expectCondition(operator);
      rest.push(this.parseAnd());
    }
    return combine('or', first, rest);
  }

  private parseAnd(): SearchNode {
    const first = this.parseNot();
    const rest: SearchNode[] = [];
    for (;;) {
      const token = this.peek();
      if (token.type === 'and') {
        this.next();
        this.expectCondition(token);
      } else if (!startsCondition(token)) {
        break;
      }
      rest.push(this.parseNot());
    }
    return combine('and', first, rest);
  }

  /** Iterative rather than recursive so that `! ! ! …` cannot exhaust the stack. */
  private parseNot(): SearchNode {
    let count = 0;
    while (this.peek().type === 'not') {
      this.expectCondition(this.next());
      count += 1;
    }
    let node = this.parsePrimary();
    for (; count > 0; count -= 1) node = { kind: 'not', operand: node };
    return node;
  }

  private parsePrimary(): SearchNode {
    const token = this.next();
    switch (token.type) {
      case 'lparen':
        return this.parseGroup(token);
      case 'presence':
        return this.parsePresence(token);
      case 'compare':
        return { kind: 'compare', field: null, operator: token.operator, value: this.expectValue(token).value, position: token.position };
      case 'in':
        throw new SearchSyntaxError(token.position, `Expected a field before '${token.text}' at position ${token.position}`);
      case 'word':
      case 'string':
        return this.parseCondition(token);
      default:
        throw unexpected(token);
    }
  }

  private parseGroup(open: Token): SearchNode {
    if (this.depth >= MAX_NESTING) {
      throw new SearchSyntaxError(
        open.position,
        `Parentheses are nested more than ${MAX_NESTING} levels deep at position ${open.position}`,
      );
    }
    if (this.peek().type === 'rparen') {
      throw new SearchSyntaxError(open.position, `Empty parentheses at position ${open.position}`);
    }
    this.depth += 1;
    const node = this.parseOr();
    this.depth -= 1;
    const close = this.next();
    if (close.type === 'rparen') return node;
    if (close.type === 'eof') throw unclosed(open);
    throw unexpected(close);
  }

  private parsePresence(keyword: Token & { present: boolean }): SearchNode {
    const token = this.peek();
    if (!isValue(token)) throw this.expected('a field name', keyword);
    this.next();
    return { kind: 'presence', field: this.resolveField(token), present: keyword.present, position: token.position };
  }

  /** A value followed by an operator is a field; a value on its own is free text. */
  private parseCondition(token: Token & { value: string }): SearchNode {
    const operator = this.peek();
    if (operator.type === 'compare') {
      const field = this.resolveField(token);
      this.next();
      const value = this.expectValue(operator).value;
      return { kind: 'compare', field, operator: operator.operator, value, position: token.position };
    }
    if (operator.type === 'in') {
      const field = this.resolveField(token);
      this.next();
      const values = this.parseValueList(operator);
      return { kind: 'in', field, negated: operator.negated, values, position: token.position };
    }
    return { kind: 'compare', field: null, operator: '~', value: token.value, position: token.position };
  }

  private parseValueList(operator: Token): string[] {
    const open = this.peek();
    if (open.type !== 'lparen') throw this.expected("a parenthesized list of values", operator);
    this.next();
    if (this.peek().type === 'rparen') {
      throw new SearchSyntaxError(open.position, `Empty list of values after '${operator.text}' at position ${open.position}`);
    }
    const values: string[] = [];
    let previous: Token = open;
    for (;;) {
      const value = this.expectValue(previous);
      values.push(value.value);
      const separator = this.peek();
      if (separator.type === 'rparen') {
        this.next();
        return values;
      }
      if (separator.type === 'eof') throw unclosed(open);
      if (separator.type !== 'comma') throw this.expected("',' or ')'", value);
      previous = this.next();
    }
  }

  private expectValue(after: Token): Token & { value: string } {
    const token = this.peek();
    if (isValue(token)) {
      this.next();
      return token;
    }
    const error = this.expected('a value', after);
    if (token.type === 'and' || token.type === 'or' || token.type === 'not' || token.type === 'presence') {
      throw new SearchSyntaxError(error.position, `${error.message} (put '${token.text}' in quotes to search for it as a value)`);
    }
    throw error;
  }

  private expectCondition(after: Token): void {
    if (!startsCondition(this.peek())) throw this.expected('a condition', after);
  }

  /** At end of input the error points at `after` (the dangling token), otherwise at what was found instead. */
  private expected(what: string, after: Token): SearchSyntaxError {
    const found = this.peek();
    if (found.type === 'eof') {
      return new SearchSyntaxError(after.position, `Expected ${what} after '${after.text}' at position ${after.position}`);
    }
    return new SearchSyntaxError(
      found.position,
      `Expected ${what} after '${after.text}' but found ${describe(found)} at position ${found.position}`,
    );
  }

  private resolveField(token: Token & { value: string }): string {
    const field = token.value.toLowerCase();
    if (this.canonicalFields.has(field)) return field;
    const allowed = this.fields.length > 0 ? `searchable fields are: ${this.fields.join(', ')}` : 'nothing is searchable by field';
    throw new SearchSyntaxError(token.position, `Unknown field '${token.value}' at position ${token.position}; ${allowed}`);
  }
}
