import { describe, expect, it } from 'vitest';
import type {
  PatternComparisonExpression,
  PatternLiteral,
  PatternObservationExpression,
  PatternScalarComparison,
} from './ast';
import { formatPattern, parsePattern } from './index';

/** A compact picture of the tree: `[x]` for an observation, operators and qualifiers spelt out. */
function shape(e: PatternObservationExpression): string {
  switch (e.kind) {
    case 'observation':
      return `[${cmpShape(e.comparison)}]`;
    case 'qualified':
      return `Q(${shape(e.expression)} ${e.qualifiers.map((q) => q.kind).join(' ')})`;
    default:
      return `${e.kind}(${e.operands.map(shape).join(', ')})`;
  }
}

function cmpShape(e: PatternComparisonExpression): string {
  switch (e.kind) {
    case 'and':
    case 'or':
      return `${e.kind}(${e.operands.map(cmpShape).join(', ')})`;
    case 'exists':
      return `${e.negated ? '!' : ''}exists ${e.path.objectType}`;
    case 'comparison':
      return `${e.path.objectType}${e.negated ? ' NOT' : ''} ${e.operator}`;
  }
}

const only = (source: string): PatternScalarComparison => {
  const p = parsePattern(source);
  if (p.kind !== 'observation' || p.comparison.kind !== 'comparison') throw new Error(source);
  if (p.comparison.operator === 'IN') throw new Error(source);
  return p.comparison;
};
const literal = (source: string): PatternLiteral => only(`[x:y = ${source}]`).value;

describe('observation-level precedence (§9.5.3: (), AND, OR, FOLLOWEDBY; all left to right)', () => {
  it.each([
    [
      '[a:b = 1] AND [c:d = 2] OR [e:f = 3]',
      'observation-or(observation-and([a =], [c =]), [e =])',
    ],
    [
      '[a:b = 1] OR [c:d = 2] AND [e:f = 3]',
      'observation-or([a =], observation-and([c =], [e =]))',
    ],
    [
      '[a:b = 1] FOLLOWEDBY [c:d = 2] OR [e:f = 3]',
      'followed-by([a =], observation-or([c =], [e =]))',
    ],
    [
      '[a:b = 1] OR [c:d = 2] FOLLOWEDBY [e:f = 3] AND [g:h = 4]',
      'followed-by(observation-or([a =], [c =]), observation-and([e =], [g =]))',
    ],
    ['[a:b = 1] AND [c:d = 2] AND [e:f = 3]', 'observation-and([a =], [c =], [e =])'],
    [
      '([a:b = 1] AND [c:d = 2]) AND [e:f = 3]',
      'observation-and(observation-and([a =], [c =]), [e =])',
    ],
    [
      '[a:b = 1] AND ([c:d = 2] OR [e:f = 3])',
      'observation-and([a =], observation-or([c =], [e =]))',
    ],
    ['(([a:b = 1]))', '[a =]'],
  ])('%s', (source, expected) => {
    expect(shape(parsePattern(source))).toBe(expected);
  });
});

describe('qualifiers (§9.5.1) bind to the nearest observation expression', () => {
  it.each([
    // §9.5.2: "[ a = 'b' ] FOLLOWEDBY [ c = 'd' ] REPEATS 5 TIMES" — REPEATS applies to c only.
    ['[a:b = 1] FOLLOWEDBY [c:d = 2] REPEATS 5 TIMES', 'followed-by([a =], Q([c =] repeats))'],
    ['([a:b = 1] FOLLOWEDBY [c:d = 2]) REPEATS 5 TIMES', 'Q(followed-by([a =], [c =]) repeats)'],
    ['[a:b = 1] REPEATS 5 TIMES WITHIN 1800 SECONDS', 'Q([a =] repeats within)'],
    ['([a:b = 1] REPEATS 5 TIMES) WITHIN 1800 SECONDS', 'Q(Q([a =] repeats) within)'],
    ['([a:b = 1] WITHIN 5 SECONDS) WITHIN 10 SECONDS', 'Q(Q([a =] within) within)'],
    ['[a:b = 1] WITHIN 5 SECONDS AND [c:d = 2]', 'observation-and(Q([a =] within), [c =])'],
    [
      "[a:b = 1] START t'2016-01-01T00:00:00Z' STOP t'2016-02-01T00:00:00Z' REPEATS 2 TIMES WITHIN 9 SECONDS",
      'Q([a =] start-stop repeats within)',
    ],
  ])('%s', (source, expected) => {
    expect(shape(parsePattern(source))).toBe(expected);
  });

  it('keeps the qualifier values', () => {
    const p = parsePattern(
      "[a:b = 1] WITHIN 1.5 SECONDS REPEATS 3 TIMES START t'2016-01-01T00:00:00Z' STOP t'2016-01-01T00:00:00.5Z'",
    );
    expect(p).toMatchObject({
      kind: 'qualified',
      qualifiers: [
        { kind: 'within', seconds: 1.5 },
        { kind: 'repeats', times: 3 },
        { kind: 'start-stop', start: '2016-01-01T00:00:00Z', stop: '2016-01-01T00:00:00.5Z' },
      ],
    });
  });
});

describe('comparison expressions (§9.6)', () => {
  it.each([
    ['[a:b = 1 AND a:c = 2 OR a:d = 3]', '[or(and(a =, a =), a =)]'],
    ['[a:b = 1 OR a:c = 2 AND a:d = 3]', '[or(a =, and(a =, a =))]'],
    ['[(a:b = 1 OR a:c = 2) AND a:d = 3]', '[and(or(a =, a =), a =)]'],
    ['[a:b = 1 OR (a:c = 2 OR a:d = 3)]', '[or(a =, or(a =, a =))]'],
    ['[a:b NOT = 1]', '[a NOT =]'],
    [
      "[a:b NOT MATCHES 'x' AND a:c NOT IN (1, 2) AND a:d NOT LIKE 'y']",
      '[and(a NOT MATCHES, a NOT IN, a NOT LIKE)]',
    ],
    ['[EXISTS a:b]', '[exists a]'],
    ['[NOT EXISTS a:b AND a:c != 1]', '[and(!exists a, a !=)]'],
  ])('%s', (source, expected) => {
    expect(shape(parsePattern(source))).toBe(expected);
  });

  it.each([
    ['=', '='],
    ['==', '='],
    ['!=', '!='],
    ['<>', '!='],
    ['<', '<'],
    ['<=', '<='],
    ['>', '>'],
    ['>=', '>='],
  ])('operator %s reads as %s', (written, canonical) => {
    expect(only(`[file:size ${written} 5]`).operator).toBe(canonical);
  });

  it.each(['LIKE', 'MATCHES'])('%s takes a string', (op) => {
    expect(only(`[file:name ${op} 'a']`)).toMatchObject({
      operator: op,
      value: { kind: 'string' },
    });
  });

  it('ISSUBSET and ISSUPERSET take IPv4 and IPv6 addresses and blocks', () => {
    expect(only("[ipv4-addr:value ISSUBSET '198.51.100.0/24']").operator).toBe('ISSUBSET');
    expect(only("[ipv6-addr:value ISSUPERSET '2001:db8::/32']").operator).toBe('ISSUPERSET');
  });

  it('IN takes a homogeneous list; integers and floats mix, as do binary and hex', () => {
    const p = parsePattern("[a:b IN (1, 2.5, -3)] OR [a:c IN (b'AA==', h'00')]");
    expect(JSON.stringify(p)).toContain('"values":[{"kind":"integer","value":1}');
  });
});

describe('object paths (§9.7)', () => {
  it.each([
    ['file:size', { objectType: 'file', steps: [{ kind: 'property', name: 'size' }] }],
    [
      "file:extensions.'windows-pebinary-ext'.sections[*].entropy",
      {
        objectType: 'file',
        steps: [
          { kind: 'property', name: 'extensions' },
          { kind: 'property', name: 'windows-pebinary-ext' },
          { kind: 'property', name: 'sections' },
          { kind: 'any-index' },
          { kind: 'property', name: 'entropy' },
        ],
      },
    ],
    [
      'network-traffic:protocols[0]',
      {
        objectType: 'network-traffic',
        steps: [
          { kind: 'property', name: 'protocols' },
          { kind: 'index', index: 0 },
        ],
      },
    ],
    [
      'x-usb-device:usbdrive.serial_number',
      {
        objectType: 'x-usb-device',
        steps: [
          { kind: 'property', name: 'usbdrive' },
          { kind: 'property', name: 'serial_number' },
        ],
      },
    ],
    [
      "email-message:from_ref.'value'",
      {
        objectType: 'email-message',
        steps: [
          { kind: 'property', name: 'from_ref' },
          { kind: 'property', name: 'value' },
        ],
      },
    ],
  ])('%s', (path, expected) => {
    expect(only(`[${path} = 1]`).path).toEqual(expected);
  });

  it('has no doubled-apostrophe escape: two adjacent strings are not one name', () => {
    expect(() => parsePattern("[x:'it''s' = 1]")).toThrow("found ''s''");
  });

  it('accepts quoted names with escapes, keywords and dots, and negative indices', () => {
    expect(only("[x:'a.b'.'it\\'s'.'AND'[-1] = 1]").path.steps).toEqual([
      { kind: 'property', name: 'a.b' },
      { kind: 'property', name: "it's" },
      { kind: 'property', name: 'AND' },
      { kind: 'index', index: -1 },
    ]);
  });
});

describe('constants (§9.2)', () => {
  it.each<[string, PatternLiteral]>([
    ["'plain'", { kind: 'string', value: 'plain' }],
    ["'it\\'s a \\\\ back'", { kind: 'string', value: "it's a \\ back" }],
    ["''", { kind: 'string', value: '' }],
    ["'multi\nline ☃ 😀'", { kind: 'string', value: 'multi\nline ☃ 😀' }],
    ['42', { kind: 'integer', value: 42 }],
    ['-42', { kind: 'integer', value: -42 }],
    ['+42', { kind: 'integer', value: 42 }],
    ['0', { kind: 'integer', value: 0 }],
    ['-0', { kind: 'integer', value: 0 }],
    ['9007199254740991', { kind: 'integer', value: 9007199254740991 }],
    ['-9007199254740991', { kind: 'integer', value: -9007199254740991 }],
    ['7.0', { kind: 'float', value: 7 }],
    ['-0.5', { kind: 'float', value: -0.5 }],
    ['.25', { kind: 'float', value: 0.25 }],
    ['-.25', { kind: 'float', value: -0.25 }],
    ['007.5', { kind: 'float', value: 7.5 }],
    ['-0.0', { kind: 'float', value: 0 }],
    ['true', { kind: 'boolean', value: true }],
    ['false', { kind: 'boolean', value: false }],
    ["t'2016-01-01T00:00:00Z'", { kind: 'timestamp', value: '2016-01-01T00:00:00Z' }],
    [
      "t'2016-12-31T23:59:60.123456789Z'",
      { kind: 'timestamp', value: '2016-12-31T23:59:60.123456789Z' },
    ],
    ["t'2016-02-29T00:00:00Z'", { kind: 'timestamp', value: '2016-02-29T00:00:00Z' }],
    ["b'ABI='", { kind: 'binary', value: 'ABI=' }],
    ["b'AB\nI='", { kind: 'binary', value: 'ABI=' }],
    ["b''", { kind: 'binary', value: '' }],
    ["h'FFc3'", { kind: 'hex', value: 'ffc3' }],
    ["h''", { kind: 'hex', value: '' }],
  ])('%s', (source, expected) => {
    expect(literal(source)).toEqual(expected);
  });

  it('never produces -0', () => {
    expect(Object.is((literal('-0') as { value: number }).value, 0)).toBe(true);
    expect(Object.is((literal('-0.0') as { value: number }).value, 0)).toBe(true);
  });
});

describe('whitespace and comments (§9.4)', () => {
  it('accepts any Unicode whitespace between tokens, or none', () => {
    const spaced = "\u3000[\u00a0file:name\u2003=\t'x'\n]\u2028AND\r\n[file:size\u205f>\u00851]  ";
    const tight = "[file:name='x']AND[file:size>1]";
    expect(parsePattern(spaced)).toEqual(parsePattern(tight));
  });

  it('skips /* */ and // comments, as the OASIS grammar does', () => {
    expect(parsePattern("/* a */[file:name = 'x'] // trailing\n AND /**/ [file:size > 1]")).toEqual(
      parsePattern("[file:name = 'x'] AND [file:size > 1]"),
    );
    expect(only("[url:value = 'http://x/*y*/']").value).toEqual({
      kind: 'string',
      value: 'http://x/*y*/',
    });
  });

  it('keywords are case-sensitive', () => {
    expect(() => parsePattern("[file:name = 'x'] and [file:size > 1]")).toThrow(/found 'and'/);
    expect(() => parsePattern("[file:name like 'x']")).toThrow(/found 'like'/);
  });
});

describe('canonical formatting', () => {
  it.each([
    ["[ file:name=='x' ]", "[file:name = 'x']"],
    ["[file:name <> 'x']", "[file:name != 'x']"],
    ["[file:hashes.'MD5' = 'x']", "[file:hashes.MD5 = 'x']"],
    ["[file:hashes.'SHA-256' = 'x']", "[file:hashes.'SHA-256' = 'x']"],
    ["[x:'AND' = 1]", "[x:'AND' = 1]"],
    ['[file:size = +5]', '[file:size = 5]'],
    ['[x:y = .5]', '[x:y = 0.5]'],
    ['[x:y = 1000000000000000000000000.0]', '[x:y = 1000000000000000000000000.0]'],
    ['[x:y = 0.0000001]', '[x:y = 0.0000001]'],
    ["[x:y = 'it\\'s \\\\']", "[x:y = 'it\\'s \\\\']"],
    ["[x:y = h'ABCD']", "[x:y = h'abcd']"],
    ['[x:y NOT IN (1,2 ,3)]', '[x:y NOT IN (1, 2, 3)]'],
    ['[NOT EXISTS x:y]', '[NOT EXISTS x:y]'],
    ['[(a:b = 1 AND a:c = 2) OR a:d = 3]', '[a:b = 1 AND a:c = 2 OR a:d = 3]'],
    ['[a:b = 1 AND (a:c = 2 OR a:d = 3)]', '[a:b = 1 AND (a:c = 2 OR a:d = 3)]'],
    ['[a:b = 1 AND (a:c = 2 AND a:d = 3)]', '[a:b = 1 AND (a:c = 2 AND a:d = 3)]'],
    ['([a:b = 1] AND [a:c = 2]) OR [a:d = 3]', '[a:b = 1] AND [a:c = 2] OR [a:d = 3]'],
    [
      '[a:b = 1] FOLLOWEDBY ([a:c = 2] FOLLOWEDBY [a:d = 3])',
      '[a:b = 1] FOLLOWEDBY ([a:c = 2] FOLLOWEDBY [a:d = 3])',
    ],
    ['([a:b = 1]) WITHIN 5 SECONDS', '[a:b = 1] WITHIN 5 SECONDS'],
    ['[a:b = 1] WITHIN 5.0 SECONDS', '[a:b = 1] WITHIN 5 SECONDS'],
    ['([a:b = 1] REPEATS 2 TIMES) REPEATS 3 TIMES', '([a:b = 1] REPEATS 2 TIMES) REPEATS 3 TIMES'],
    ['([a:b = 1] OR [a:c = 2]) WITHIN 5 SECONDS', '([a:b = 1] OR [a:c = 2]) WITHIN 5 SECONDS'],
  ])('%s → %s', (source, canonical) => {
    expect(formatPattern(parsePattern(source))).toBe(canonical);
    expect(parsePattern(canonical)).toEqual(parsePattern(source));
  });
});
