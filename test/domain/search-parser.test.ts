import { describe, expect, it } from 'vitest';
import { parseSearch, SearchSyntaxError } from '../../src/domain/search/parse.js';
import type { ComparisonOperator, SearchNode } from '../../src/domain/search/parse.js';

const FIELDS = ['name', 'username', 'architecture', 'operatingsystem', 'compute_resource', 'user_data'] as const;

const parse = (input: string, fields: readonly string[] = FIELDS): SearchNode | null => parseSearch(input, fields);

const compare = (
  field: string | null,
  operator: ComparisonOperator,
  value: string,
  position: number,
): SearchNode => ({ kind: 'compare', field, operator, value, position });

/** Positions do not matter for grouping tests; this renders a tree compactly, with `*` for free text. */
function shape(node: SearchNode | null): unknown {
  if (node === null) return null;
  switch (node.kind) {
    case 'and':
    case 'or':
      return { [node.kind]: node.operands.map(shape) };
    case 'not':
      return { not: shape(node.operand) };
    case 'compare':
      return `${node.field ?? '*'} ${node.operator} ${node.value}`;
    case 'in':
      return `${node.field} ${node.negated ? '!^' : '^'} (${node.values.join(', ')})`;
    case 'presence':
      return `${node.present ? 'set?' : 'null?'} ${node.field}`;
  }
}

function syntaxError(input: string, fields: readonly string[] = FIELDS): SearchSyntaxError {
  try {
    parseSearch(input, fields);
  } catch (error) {
    if (error instanceof SearchSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
}

describe('parseSearch', () => {
  describe('empty input', () => {
    it.each(['', '   ', '\t\n '])('returns null for %j', (input) => {
      expect(parse(input)).toBeNull();
    });
  });

  describe('comparisons', () => {
    it.each<[string, ComparisonOperator]>([
      ['name = centos', '='],
      ['name != centos', '!='],
      ['name ~ centos', '~'],
      ['name !~ centos', '!~'],
      ['name < centos', '<'],
      ['name <= centos', '<='],
      ['name > centos', '>'],
      ['name >= centos', '>='],
    ])('parses %j', (input, operator) => {
      expect(parse(input)).toEqual(compare('name', operator, 'centos', 1));
    });

    it.each(['name=centos', 'name =centos', 'name= centos', '  name   =   centos  '])(
      'allows any whitespace around the operator in %j',
      (input) => {
        expect(parse(input)).toMatchObject({ kind: 'compare', field: 'name', operator: '=', value: 'centos' });
      },
    );

    it('parses two-character operators without whitespace', () => {
      expect(parse('name!=a')).toEqual(compare('name', '!=', 'a', 1));
      expect(parse('name!~a')).toEqual(compare('name', '!~', 'a', 1));
      expect(parse('name<=a')).toEqual(compare('name', '<=', 'a', 1));
      expect(parse('name>=a')).toEqual(compare('name', '>=', 'a', 1));
      expect(parse('name ~centos')).toEqual(compare('name', '~', 'centos', 1));
    });

    it('records the 1-based column of the field token as the position', () => {
      expect(parse('   user_data = maybe')).toEqual(compare('user_data', '=', 'maybe', 4));
    });

    it('matches field names case-insensitively and returns the lower-cased name', () => {
      expect(parse('Architecture = x86_64')).toEqual(compare('architecture', '=', 'x86_64', 1));
      expect(parse('USER_DATA = true')).toEqual(compare('user_data', '=', 'true', 1));
    });

    it('lower-cases the canonical name even when the allowed field is given in another case', () => {
      expect(parseSearch('name = a', ['Name'])).toEqual(compare('name', '=', 'a', 1));
    });

    it('keeps the case of values', () => {
      expect(parse('name = CentOS')).toEqual(compare('name', '=', 'CentOS', 1));
    });
  });

  describe('values', () => {
    it.each(['x86_64', '24.04', 'centos-7.9', 'a/b/c', 'http://example.com:8080/x', 'foo@bar', '100%', 'set?x'])(
      'accepts the bare word %j',
      (value) => {
        expect(parse(`name = ${value}`)).toEqual(compare('name', '=', value, 1));
      },
    );

    it('parses a double-quoted value with spaces', () => {
      expect(parse('name = "Ubuntu 24.04"')).toEqual(compare('name', '=', 'Ubuntu 24.04', 1));
    });

    it('parses a single-quoted value with spaces', () => {
      expect(parse("name = 'Ubuntu 24.04'")).toEqual(compare('name', '=', 'Ubuntu 24.04', 1));
    });

    it('unescapes \\" and \\\\ inside double quotes', () => {
      expect(parse(String.raw`name = "say \"hi\" \\ bye"`)).toEqual(compare('name', '=', String.raw`say "hi" \ bye`, 1));
    });

    it("unescapes \\' inside single quotes", () => {
      expect(parse(String.raw`name = 'it\'s'`)).toEqual(compare('name', '=', "it's", 1));
    });

    it('keeps a backslash that does not escape a quote or backslash', () => {
      expect(parse(String.raw`name = "C:\images\new"`)).toEqual(compare('name', '=', String.raw`C:\images\new`, 1));
    });

    it('allows the other quote character inside a quoted value', () => {
      expect(parse(`name = "it's"`)).toEqual(compare('name', '=', "it's", 1));
      expect(parse(`name = 'say "hi"'`)).toEqual(compare('name', '=', 'say "hi"', 1));
    });

    it('allows operator characters and parentheses inside quotes', () => {
      expect(parse('name = "a = (b) & c | !d, ^e"')).toEqual(compare('name', '=', 'a = (b) & c | !d, ^e', 1));
    });

    it('accepts an empty quoted value', () => {
      expect(parse('name = ""')).toEqual(compare('name', '=', '', 1));
    });

    it.each(['and', 'OR', 'not', 'set?', 'null?'])('accepts the keyword %j as a value when quoted', (keyword) => {
      expect(parse(`name = "${keyword}"`)).toEqual(compare('name', '=', keyword, 1));
    });

    it('does not treat words that merely start with a keyword as keywords', () => {
      expect(parse('name = android')).toEqual(compare('name', '=', 'android', 1));
      expect(parse('name = order')).toEqual(compare('name', '=', 'order', 1));
      expect(parse('name = nothing')).toEqual(compare('name', '=', 'nothing', 1));
    });
  });

  describe('free text', () => {
    it('parses a bare word as a contains search on any field', () => {
      expect(parse('centos')).toEqual(compare(null, '~', 'centos', 1));
    });

    it('parses a quoted phrase as free text', () => {
      expect(parse('  "centos 7"')).toEqual(compare(null, '~', 'centos 7', 3));
    });

    it('parses a field name on its own as free text', () => {
      expect(parse('name')).toEqual(compare(null, '~', 'name', 1));
    });

    it.each<[string, ComparisonOperator]>([
      ['= centos', '='],
      ['~ centos', '~'],
      ['!= centos', '!='],
      ['!~ centos', '!~'],
      ['>= 7', '>='],
    ])('parses %j as free text with that operator', (input, operator) => {
      const value = input.split(' ')[1] ?? '';
      expect(parse(input)).toEqual(compare(null, operator, value, 1));
    });

    it('combines several free-text words with and', () => {
      expect(shape(parse('centos 7 minimal'))).toEqual({ and: ['* ~ centos', '* ~ 7', '* ~ minimal'] });
    });

    it('treats a quoted value followed by an operator as a field', () => {
      expect(parse('"name" = a')).toEqual(compare('name', '=', 'a', 1));
    });
  });

  describe('set membership', () => {
    it('parses ^ (in) with several values', () => {
      expect(parse('architecture ^ (x86_64, aarch64, "ppc 64")')).toEqual({
        kind: 'in',
        field: 'architecture',
        negated: false,
        values: ['x86_64', 'aarch64', 'ppc 64'],
        position: 1,
      });
    });

    it('parses !^ (not in)', () => {
      expect(parse('name !^ (a, b)')).toEqual({ kind: 'in', field: 'name', negated: true, values: ['a', 'b'], position: 1 });
    });

    it('parses a single-value list without whitespace', () => {
      expect(parse('name^(a)')).toEqual({ kind: 'in', field: 'name', negated: false, values: ['a'], position: 1 });
      expect(parse('name!^(a,b)')).toEqual({ kind: 'in', field: 'name', negated: true, values: ['a', 'b'], position: 1 });
    });

    it('accepts quoted keywords and commas inside quoted list values', () => {
      expect(parse(`name ^ ('and', "a, b")`)).toMatchObject({ values: ['and', 'a, b'] });
    });

    it('combines with other conditions', () => {
      expect(shape(parse('name ^ (a, b) and not username !^ (root)'))).toEqual({
        and: ['name ^ (a, b)', { not: 'username !^ (root)' }],
      });
    });
  });

  describe('presence', () => {
    it('parses set? field', () => {
      expect(parse('set? user_data')).toEqual({ kind: 'presence', field: 'user_data', present: true, position: 6 });
    });

    it('parses null? field', () => {
      expect(parse('null? compute_resource')).toEqual({ kind: 'presence', field: 'compute_resource', present: false, position: 7 });
    });

    it('accepts the keywords and the field in any case', () => {
      expect(parse('SET? Name')).toEqual({ kind: 'presence', field: 'name', present: true, position: 6 });
      expect(parse('Null? NAME')).toEqual({ kind: 'presence', field: 'name', present: false, position: 7 });
    });

    it('combines with other conditions', () => {
      expect(shape(parse('set? user_data and null? compute_resource'))).toEqual({
        and: ['set? user_data', 'null? compute_resource'],
      });
    });
  });

  describe('logic', () => {
    it('parses and', () => {
      expect(parse('name ~ centos and architecture = x86_64')).toEqual({
        kind: 'and',
        operands: [compare('name', '~', 'centos', 1), compare('architecture', '=', 'x86_64', 19)],
      });
    });

    it('parses or', () => {
      expect(shape(parse('name = a or name = b'))).toEqual({ or: ['name = a', 'name = b'] });
    });

    it('parses not', () => {
      expect(parse('not name = a')).toEqual({ kind: 'not', operand: compare('name', '=', 'a', 5) });
    });

    it.each(['name = a AND name = b', 'name = a And name = b', 'name = a & name = b', 'name = a && name = b', 'name = a&&name = b'])(
      'accepts %j as and',
      (input) => {
        expect(shape(parse(input))).toEqual({ and: ['name = a', 'name = b'] });
      },
    );

    it.each(['name = a OR name = b', 'name = a Or name = b', 'name = a | name = b', 'name = a || name = b', 'name = a||name = b'])(
      'accepts %j as or',
      (input) => {
        expect(shape(parse(input))).toEqual({ or: ['name = a', 'name = b'] });
      },
    );

    it.each(['NOT name = a', 'Not name = a', '! name = a', '!name = a'])('accepts %j as not', (input) => {
      expect(shape(parse(input))).toEqual({ not: 'name = a' });
    });

    it('reads juxtaposed conditions as and', () => {
      expect(shape(parse('name = a username = root'))).toEqual({ and: ['name = a', 'username = root'] });
    });

    it('reads juxtaposed groups, presence checks and negations as and', () => {
      expect(shape(parse('(name = a) set? user_data not username = root'))).toEqual({
        and: ['name = a', 'set? user_data', { not: 'username = root' }],
      });
    });

    it('groups and before or', () => {
      expect(shape(parse('a = 1 or b = 2 and c = 3', ['a', 'b', 'c']))).toEqual({
        or: ['a = 1', { and: ['b = 2', 'c = 3'] }],
      });
      expect(shape(parse('a = 1 and b = 2 or c = 3', ['a', 'b', 'c']))).toEqual({
        or: [{ and: ['a = 1', 'b = 2'] }, 'c = 3'],
      });
    });

    it('groups implicit and before or', () => {
      expect(shape(parse('a = 1 or b = 2 c = 3', ['a', 'b', 'c']))).toEqual({
        or: ['a = 1', { and: ['b = 2', 'c = 3'] }],
      });
    });

    it('binds not tighter than and', () => {
      expect(shape(parse('not name = a and username = b'))).toEqual({ and: [{ not: 'name = a' }, 'username = b'] });
    });

    it('nests repeated not', () => {
      expect(shape(parse('not not name = a'))).toEqual({ not: { not: 'name = a' } });
      expect(shape(parse('!!name = a'))).toEqual({ not: { not: 'name = a' } });
    });

    it('lets parentheses override precedence', () => {
      expect(shape(parse('(a = 1 or b = 2) and c = 3', ['a', 'b', 'c']))).toEqual({
        and: [{ or: ['a = 1', 'b = 2'] }, 'c = 3'],
      });
    });

    it('applies not to a parenthesized group', () => {
      expect(shape(parse('not (name = a or name = b)'))).toEqual({ not: { or: ['name = a', 'name = b'] } });
      expect(shape(parse('!(name = a)'))).toEqual({ not: 'name = a' });
    });

    it('unwraps redundant parentheses', () => {
      expect(parse('((name = a))')).toEqual(compare('name', '=', 'a', 3));
    });

    it('flattens nested and/or of the same kind', () => {
      expect(shape(parse('a = 1 and (b = 2 and c = 3) and d = 4', ['a', 'b', 'c', 'd']))).toEqual({
        and: ['a = 1', 'b = 2', 'c = 3', 'd = 4'],
      });
      expect(shape(parse('(a = 1 or b = 2) or (c = 3 or d = 4)', ['a', 'b', 'c', 'd']))).toEqual({
        or: ['a = 1', 'b = 2', 'c = 3', 'd = 4'],
      });
    });

    it('does not flatten and inside or', () => {
      expect(shape(parse('(a = 1 and b = 2) and (c = 3 or d = 4)', ['a', 'b', 'c', 'd']))).toEqual({
        and: ['a = 1', 'b = 2', { or: ['c = 3', 'd = 4'] }],
      });
    });

    it('parses a realistic query', () => {
      expect(
        shape(parse('(name ~ centos or name ~ "Rocky Linux") and architecture ^ (x86_64, aarch64) and not set? user_data')),
      ).toEqual({
        and: [{ or: ['name ~ centos', 'name ~ Rocky Linux'] }, 'architecture ^ (x86_64, aarch64)', { not: 'set? user_data' }],
      });
    });

    it('accepts 32 levels of parentheses', () => {
      const input = `${'('.repeat(32)}name = a${')'.repeat(32)}`;
      expect(parse(input)).toEqual(compare('name', '=', 'a', 33));
    });

    it('handles a long chain of negations without recursion trouble', () => {
      let node = parse(`${'!'.repeat(1000)}name = a`);
      let depth = 0;
      while (node?.kind === 'not') {
        node = node.operand;
        depth += 1;
      }
      expect(depth).toBe(1000);
      expect(node).toEqual(compare('name', '=', 'a', 1001));
    });
  });

  describe('errors', () => {
    it('throws SearchSyntaxError, an Error with a name and a position', () => {
      const error = syntaxError('name =');
      expect(error).toBeInstanceOf(SearchSyntaxError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe('SearchSyntaxError');
      expect(error.position).toBe(6);
    });

    it.each<[string, number, string]>([
      // missing value / dangling operator
      ['name =', 6, "Expected a value after '=' at position 6"],
      ['name !~   ', 6, "Expected a value after '!~' at position 6"],
      ['username=', 9, "Expected a value after '=' at position 9"],
      ['name = )', 8, "Expected a value after '=' but found ')' at position 8"],
      ['(name =)', 8, "Expected a value after '=' but found ')' at position 8"],
      ['=', 1, "Expected a value after '=' at position 1"],
      // operator where a value is expected
      ['name = = a', 8, "Expected a value after '=' but found '=' at position 8"],
      ['name == a', 7, "Expected a value after '=' but found '=' at position 7"],
      ['name = ~a', 8, "Expected a value after '=' but found '~' at position 8"],
      ['name = ^ (a)', 8, "Expected a value after '=' but found '^' at position 8"],
      ['name = , a', 8, "Expected a value after '=' but found ',' at position 8"],
      // unquoted keyword as value
      ['name = and', 8, "Expected a value after '=' but found 'and' at position 8"],
      ['name = OR', 8, "put 'OR' in quotes"],
      ['name = not', 8, "put 'not' in quotes"],
      ['name = set?', 8, "put 'set?' in quotes"],
      // unbalanced parentheses
      ['(name = a', 1, "Unbalanced parenthesis: '(' at position 1 is never closed"],
      ['name = a and (username = b or (name = c)', 14, "'(' at position 14 is never closed"],
      ['name = a)', 9, "Unexpected ')' at position 9"],
      ['name = a and username = root)', 29, "Unexpected ')' at position 29"],
      [')', 1, "Unexpected ')' at position 1"],
      ['(name = a))', 11, "Unexpected ')' at position 11"],
      // empty parentheses
      ['()', 1, 'Empty parentheses at position 1'],
      ['name = a and ( )', 14, 'Empty parentheses at position 14'],
      ['not ()', 5, 'Empty parentheses at position 5'],
      // dangling logic
      ['name = a and', 10, "Expected a condition after 'and' at position 10"],
      ['name = a or', 10, "Expected a condition after 'or' at position 10"],
      ['name = a &&', 10, "Expected a condition after '&&' at position 10"],
      ['name = a ||  ', 10, "Expected a condition after '||' at position 10"],
      ['not', 1, "Expected a condition after 'not' at position 1"],
      ['name = a and not', 14, "Expected a condition after 'not' at position 14"],
      ['!', 1, "Expected a condition after '!' at position 1"],
      ['(name = a or)', 13, "Expected a condition after 'or' but found ')' at position 13"],
      ['name = a and or username = b', 14, "Expected a condition after 'and' but found 'or' at position 14"],
      ['not and name = a', 5, "Expected a condition after 'not' but found 'and' at position 5"],
      ['and name = a', 1, "Unexpected 'and' at position 1"],
      ['OR name = a', 1, "Unexpected 'OR' at position 1"],
      ['(and name = a)', 2, "Unexpected 'and' at position 2"],
      ['name = a, username = b', 9, "Unexpected ',' at position 9"],
      // unknown field
      ['color = red', 1, "Unknown field 'color' at position 1"],
      ['name = a and Color ~ red', 14, "Unknown field 'Color' at position 14"],
      ['color ^ (red)', 1, "Unknown field 'color' at position 1"],
      ['set? color', 6, "Unknown field 'color' at position 6"],
      ['"no such" = a', 1, "Unknown field 'no such' at position 1"],
      // presence without field
      ['set?', 1, "Expected a field name after 'set?' at position 1"],
      ['null? )', 7, "Expected a field name after 'null?' but found ')' at position 7"],
      ['set? and', 6, "Expected a field name after 'set?' but found 'and' at position 6"],
      // set membership
      ['name ^ ()', 8, "Empty list of values after '^' at position 8"],
      ['name !^ ( )', 9, "Empty list of values after '!^' at position 9"],
      ['name ^ a', 8, "Expected a parenthesized list of values after '^' but found 'a' at position 8"],
      ['name ^', 6, "Expected a parenthesized list of values after '^' at position 6"],
      ['name ^ (a, b', 8, "Unbalanced parenthesis: '(' at position 8 is never closed"],
      ['name ^ (a,', 10, "Expected a value after ',' at position 10"],
      ['name ^ (a,)', 11, "Expected a value after ',' but found ')' at position 11"],
      ['name ^ (a,,b)', 11, "Expected a value after ',' but found ',' at position 11"],
      ['name ^ (a b)', 11, "Expected ',' or ')' after 'a' but found 'b' at position 11"],
      ['name ^ (and)', 9, "Expected a value after '(' but found 'and' at position 9"],
      ['^ (a)', 1, "Expected a field before '^' at position 1"],
      ['name = a !^ (b)', 10, "Expected a field before '!^' at position 10"],
      // unterminated strings
      ['name = "centos', 8, 'Unterminated string starting at position 8'],
      ["name = 'centos", 8, 'Unterminated string starting at position 8'],
      [String.raw`name = "centos\"`, 8, 'Unterminated string starting at position 8'],
      ['"', 1, 'Unterminated string starting at position 1'],
    ])('rejects %j at position %i', (input, position, message) => {
      const error = syntaxError(input);
      expect(error.position).toBe(position);
      expect(error.message).toContain(message);
      expect(error.message).toContain(`at position ${position}`);
    });

    it('lists the searchable fields when a field is unknown', () => {
      expect(syntaxError('color = red').message).toBe(
        "Unknown field 'color' at position 1; searchable fields are: name, username, architecture, operatingsystem, compute_resource, user_data",
      );
    });

    it('says when nothing is searchable by field', () => {
      const error = syntaxError('name = a', []);
      expect(error.message).toBe("Unknown field 'name' at position 1; nothing is searchable by field");
    });

    it('still accepts free text when no fields are searchable', () => {
      expect(parseSearch('centos', [])).toEqual(compare(null, '~', 'centos', 1));
    });

    it('rejects input longer than 2000 characters', () => {
      const error = syntaxError(`name = ${'a'.repeat(1994)}`);
      expect(error.position).toBe(2001);
      expect(error.message).toContain('too long');
      expect(error.message).toContain('at position 2001');
    });

    it('accepts input of exactly 2000 characters', () => {
      const value = 'a'.repeat(1993);
      expect(parse(`name = ${value}`)).toEqual(compare('name', '=', value, 1));
    });

    it('rejects parentheses nested more than 32 levels deep', () => {
      const input = `${'('.repeat(33)}name = a${')'.repeat(33)}`;
      const error = syntaxError(input);
      expect(error.position).toBe(33);
      expect(error.message).toContain('nested more than 32 levels');
      expect(error.message).toContain('at position 33');
    });

    it('rejects deeply nested input of maximum length without overflowing the stack', () => {
      const error = syntaxError('('.repeat(2000));
      expect(error.position).toBe(33);
    });

    it('reports the leftmost parse error', () => {
      expect(syntaxError('color = a and name =').position).toBe(1);
      expect(syntaxError('name = and color = a').position).toBe(8);
    });

    it('reports an unterminated string before any parse error', () => {
      expect(syntaxError('color = "unterminated').position).toBe(9);
    });
  });
});
