import { describe, expect, it } from 'vitest';
import { PATTERN_ERROR_CODES, PatternError, PatternSyntaxError, isPatternError } from './errors';
import type { PatternErrorCode } from './errors';
import { parsePattern, tryParsePattern } from './index';

const F = "[file:name = 'x']"; // 17 characters

/** [source, column, a token or construct that must be in `expected`, what was found] */
const SYNTAX: Array<[string, number, string, string]> = [
  ['', 1, "'['", 'end of pattern'],
  ['   ', 4, "'('", 'end of pattern'],
  ["file:name = 'x'", 1, "'['", 'file'],
  ['[', 2, 'object path', 'end of pattern'],
  ['[]', 2, 'object path', ']'],
  ["[file:name = 'x'", 17, "']'", 'end of pattern'],
  [`${F}]`, 18, 'end of pattern', ']'],
  [`${F}]`, 18, "'FOLLOWEDBY'", ']'],
  ["[file:name = 'x' FOO]", 18, "']'", 'FOO'],
  ["[file:name = 'x' FOO]", 18, "'AND'", 'FOO'],
  ["[file:name 'x']", 12, "'='", "'x'"],
  ["[file:name 'x']", 12, "'NOT'", "'x'"],
  ['[file:name = ]', 14, 'literal', ']'],
  ["[file = 'x']", 7, "':'", '='],
  ["[file: = 'x']", 8, 'property name', '='],
  ["[:name = 'x']", 2, 'object path', ':'],
  ["[file:name. = 'x']", 13, 'property name', '='],
  ["[file:names[ = 'x']", 14, 'list index', '='],
  ["[file:names[ = 'x']", 14, "'*'", '='],
  ["[file:names[0 = 'x']", 15, "']'", '='],
  ["[file:names[1.5] = 'x']", 13, 'list index', '1.5'],
  ["[file:name NOT 'x']", 16, "'MATCHES'", "'x'"],
  ["[file:name NOT NOT = 'x']", 16, "'IN'", 'NOT'],
  ["[NOT file:name = 'x']", 6, "'EXISTS'", 'file'],
  ['[EXISTS]', 8, 'object path', ']'],
  ["[file:name = 'x' AND]", 21, 'object path', ']'],
  ["[file:name = 'x' AND]", 21, "'('", ']'],
  [`${F} AND`, 22, "'['", 'end of pattern'],
  [`${F} OR`, 21, "'('", 'end of pattern'],
  [`${F} FOLLOWEDBY FOLLOWEDBY ${F}`, 30, "'['", 'FOLLOWEDBY'],
  [`(${F}`, 19, "')'", 'end of pattern'],
  [`(${F}))`, 20, 'end of pattern', ')'],
  [`${F} (`, 19, "'WITHIN'", '('],
  [`[${F}]`, 2, "'('", '['],
  [`${F} WITHIN SECONDS`, 26, 'number', 'SECONDS'],
  [`${F} WITHIN 5`, 27, "'SECONDS'", 'end of pattern'],
  [`${F} WITHIN 5 MINUTES`, 28, "'SECONDS'", 'MINUTES'],
  [`${F} REPEATS 2.5 TIMES`, 27, 'positive integer', '2.5'],
  [`${F} REPEATS 5`, 28, "'TIMES'", 'end of pattern'],
  [
    `${F} START '2016-01-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'`,
    25,
    'timestamp literal',
    "'2016-01-01T00:00:00Z'",
  ],
  [`${F} START t'2016-01-01T00:00:00Z'`, 48, "'STOP'", 'end of pattern'],
  [`${F} START t'2016-01-01T00:00:00Z' STOP`, 53, 'timestamp literal', 'end of pattern'],
  ["[file:name = 'x' AND (a:b = 1]", 30, "')'", ']'],
  ["[file:name IN 'x']", 15, "'('", "'x'"],
  ["[file:name IN ('a' 'b')]", 20, "','", "'b'"],
  ["[file:name IN ('a' 'b')]", 20, "')'", "'b'"],
  ["[file:name IN ('a',)]", 20, 'literal', ')'],
  ['[file:name LIKE]', 16, 'string literal', ']'],
  ["[file:name = 'unterminated]", 28, "closing '", 'end of pattern'],
  ["[file:name = 'a\\nb']", 16, "\\'", '\\n'],
  [`${F} /* comment`, 29, "'*/'", 'end of pattern'],
  ["[file:name = 'x' @]", 18, "']'", '@'],
  [`${F} and [a:b = 1]`, 19, "'AND'", 'and'],
  ['[file:name = TRUE]', 14, 'literal', 'TRUE'],
  ['[AND:b = 1]', 2, 'object path', 'AND'],
  ['[file:IN = 1]', 7, 'property name', 'IN'],
  ['[file:foo-bar = 1]', 7, 'property name', 'foo-bar'],
  ['[x509-certificate:serial_number = 5.]', 36, "']'", '.'],
  ['[file:size = - 5]', 14, 'literal', '-'],
  ['[file:size = 0x10]', 15, "']'", 'x10'],
  ['[file:name = "x"]', 14, 'literal', '"'],
  ['[file:size = 1 + 2]', 16, "']'", '+'],
  ['[file:name ~ 1]', 12, "'='", '~'],
  ['[file:name IN (1, 2]', 20, "')'", ']'],
];

describe('syntax errors: position, expectation and offending token', () => {
  it('has at least 50 cases', () => expect(SYNTAX.length).toBeGreaterThanOrEqual(50));

  it.each(SYNTAX)('%j → column %i', (source, column, expected, found) => {
    const r = tryParsePattern(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.error;
    expect(e).toBeInstanceOf(PatternSyntaxError);
    if (!(e instanceof PatternSyntaxError)) return;
    expect(e.code).toBe('pattern-syntax');
    expect(e.line).toBe(1);
    expect(e.column).toBe(column);
    expect(e.position).toBe(column - 1);
    expect(e.expected).toContain(expected);
    expect(e.found).toBe(found);
    expect(e.message).toContain(`at column ${column}`);
    // The position points at what was found (or the end of the text).
    if (found === 'end of pattern') expect(e.position).toBe(source.length);
    else expect(source.slice(e.position).startsWith(found)).toBe(true);
  });

  it("reads like \"Expected ']', 'AND' or 'OR' but found 'FOO' at column N\"", () => {
    expect(() => parsePattern("[file:name = 'x' FOO]")).toThrow(
      "Expected ']', 'AND' or 'OR' but found 'FOO' at column 18",
    );
    expect(() => parsePattern('[file:name = ]')).toThrow(
      "Expected literal but found ']' at column 14",
    );
  });

  it('lists every operator after an object path', () => {
    const e = tryParsePattern('[file:name]');
    expect(e.ok).toBe(false);
    if (e.ok || !(e.error instanceof PatternSyntaxError)) return;
    expect(e.error.expected).toEqual([
      "'.'",
      "'['",
      "'='",
      "'!='",
      "'<'",
      "'<='",
      "'>'",
      "'>='",
      "'NOT'",
      "'IN'",
      "'LIKE'",
      "'MATCHES'",
      "'ISSUBSET'",
      "'ISSUPERSET'",
    ]);
  });

  it('reports line and column on later lines', () => {
    const source = "[file:name = 'x']\n  AND ]";
    const r = tryParsePattern(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ line: 2, column: 7, position: 24 });
    expect(r.error.message).toContain('at line 2, column 7');
    const crlf = tryParsePattern("[file:name = 'x']\r\n\r\nOR ]");
    expect(crlf.ok || crlf.error).toMatchObject({ line: 3, column: 4 });
  });

  it('shows control characters escaped and long tokens shortened', () => {
    expect(() => parsePattern(`${F} \u0007`)).toThrow("found '\\u0007'");
    const long = `[file:name = '${'x'.repeat(100)}' = 1]`;
    const r = tryParsePattern(long);
    expect(r.ok || r.error.message).toMatch(/found '=' at column 117/);
    const word = tryParsePattern(`${F} ${'W'.repeat(60)}`);
    expect(word.ok || word.error.message).toContain(`found '${'W'.repeat(37)}...'`);
  });
});

/** [source, code, column] */
const SEMANTIC: Array<[string, PatternErrorCode, number]> = [
  ['[file:size = 9007199254740992]', 'number-out-of-range', 14],
  ['[file:size = -9007199254740992]', 'number-out-of-range', 14],
  ["[file:names[9007199254740992] = 'x']", 'number-out-of-range', 13],
  [`${F} WITHIN 1${'0'.repeat(400)}.0 SECONDS`, 'number-out-of-range', 26],
  ['[file:size = 007]', 'invalid-number', 14],
  ['[file:size = -01]', 'invalid-number', 14],
  ["[file:created = t'2016-02-30T00:00:00Z']", 'invalid-timestamp', 17],
  ["[file:created = t'2015-02-29T00:00:00Z']", 'invalid-timestamp', 17],
  ["[file:created = t'2016-01-01 00:00:00Z']", 'invalid-timestamp', 17],
  ["[file:created = t'2016-01-01T00:00:00+01:00']", 'invalid-timestamp', 17],
  ["[file:created = t'2016-01-01T24:00:00Z']", 'invalid-timestamp', 17],
  ["[file:created = t'2016-01-01T00:00:00.Z']", 'invalid-timestamp', 17],
  [`${F} START t'2016-13-01T00:00:00Z' STOP t'2017-01-01T00:00:00Z'`, 'invalid-timestamp', 25],
  ["[artifact:payload_bin = b'AB=C']", 'invalid-binary', 25],
  ["[artifact:payload_bin = b'ABC']", 'invalid-binary', 25],
  ["[artifact:payload_bin = b'AB*=']", 'invalid-binary', 25],
  ["[file:magic_number_hex = h'abc']", 'invalid-hex', 26],
  ["[file:magic_number_hex = h'zz']", 'invalid-hex', 26],
  ["[file:name MATCHES '(']", 'invalid-regex', 20],
  ["[file:name MATCHES 'a++']", 'invalid-regex', 20],
  ["[file:name MATCHES '(?>a)']", 'invalid-regex', 20],
  ["[file:name MATCHES 'a(?i)b']", 'invalid-regex', 20],
  ["[file:name MATCHES '\\\\']", 'invalid-regex', 20],
  ["[ipv4-addr:value ISSUBSET '10.0.0.0/33']", 'invalid-cidr', 27],
  ["[ipv4-addr:value ISSUPERSET 'not an ip']", 'invalid-cidr', 29],
  ["[ipv6-addr:value ISSUBSET '1::2::3']", 'invalid-cidr', 27],
  ['[file:name IN ()]', 'empty-set', 15],
  ["[file:name IN ('a', 1)]", 'mixed-set', 21],
  ["[file:name IN (true, 'a')]", 'mixed-set', 22],
  ['[file:name LIKE 5]', 'operand-type', 17],
  ["[file:name MATCHES h'00']", 'operand-type', 20],
  ['[ipv4-addr:value ISSUBSET 10]', 'operand-type', 27],
  ['[file:size > true]', 'operand-type', 14],
  [`${F} WITHIN 0 SECONDS`, 'invalid-qualifier', 26],
  [`${F} WITHIN 0.0 SECONDS`, 'invalid-qualifier', 26],
  [`${F} WITHIN -5 SECONDS`, 'invalid-qualifier', 26],
  [`${F} REPEATS 0 TIMES`, 'invalid-qualifier', 27],
  [`${F} REPEATS -2 TIMES`, 'invalid-qualifier', 27],
  [`${F} START t'2017-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00Z'`, 'invalid-qualifier', 19],
  [`${F} START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00.000Z'`, 'invalid-qualifier', 19],
  [`${F} WITHIN 5 SECONDS WITHIN 6 SECONDS`, 'duplicate-qualifier', 36],
  [`${F} REPEATS 2 TIMES WITHIN 5 SECONDS REPEATS 3 TIMES`, 'duplicate-qualifier', 52],
  ['('.repeat(300), 'too-deep', 257],
  [`[${'('.repeat(300)}`, 'too-deep', 257],
  [`${'('.repeat(200)}[${'('.repeat(100)}`, 'too-deep', 257],
];

describe('semantic errors', () => {
  it.each(SEMANTIC)('%j → %s at column %i', (source, code, column) => {
    const r = tryParsePattern(source);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(PatternError);
    expect(r.error).not.toBeInstanceOf(PatternSyntaxError);
    expect(r.error.code).toBe(code);
    expect(r.error.column).toBe(column);
    expect(r.error.message).toContain(`at column ${column}`);
  });

  it('has a malformed-input case for every code the parser raises', () => {
    const tested = new Set<string>([...SEMANTIC.map(([, code]) => code), 'pattern-syntax']);
    // 'evaluation-limit' is raised by the temporal evaluator (temporal.test.ts).
    expect(PATTERN_ERROR_CODES.filter((c) => !tested.has(c))).toEqual(['evaluation-limit']);
  });

  it('10,000 nested parentheses give too-deep, not a stack overflow', () => {
    for (const source of [
      '('.repeat(10_000),
      `[${'('.repeat(10_000)}`,
      `${'('.repeat(10_000)}[file:name = 'x']${')'.repeat(10_000)}`,
    ]) {
      expect(() => parsePattern(source)).toThrow(
        expect.objectContaining({ code: 'too-deep' }) as Error,
      );
    }
  });

  it('accepts nesting up to the limit', () => {
    const deep = `${'('.repeat(255)}[${'('.repeat(0)}file:name = 'x']${')'.repeat(255)}`;
    expect(parsePattern(deep).kind).toBe('observation');
  });
});

describe('error classes', () => {
  it('PatternSyntaxError is a PatternError is an Error', () => {
    const r = tryParsePattern('[');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBeInstanceOf(Error);
    expect(r.error).toBeInstanceOf(PatternError);
    expect(r.error.name).toBe('PatternSyntaxError');
    expect(isPatternError(r.error, 'pattern-syntax')).toBe(true);
    expect(isPatternError(r.error, 'too-deep')).toBe(false);
    expect(isPatternError(new Error('x'))).toBe(false);
  });

  it('tryParsePattern returns the pattern when valid', () => {
    const r = tryParsePattern(F);
    expect(r.ok && r.pattern.kind).toBe('observation');
  });
});
