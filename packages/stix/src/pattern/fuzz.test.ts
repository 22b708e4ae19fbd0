/** Attacker-controlled pattern text may be rejected, but only ever with a PatternError. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PatternError } from './errors';
import { evaluatePattern, formatPattern, parsePattern } from './index';
import { pattern } from './testing/arbitraries';

function onlyPatternErrors(source: string): void {
  try {
    const p = parsePattern(source);
    // Whatever parses also formats and re-parses to the same tree.
    expect(parsePattern(formatPattern(p))).toEqual(p);
    evaluatePattern(p, [{ type: 'file', name: 'x', size: 1, hashes: { MD5: 'a' } }]);
  } catch (e) {
    if (!(e instanceof PatternError)) throw e;
  }
}

/** Pieces that matter to the lexer and parser, spliced into valid patterns. */
const piece = fc.constantFrom(
  '[',
  ']',
  '(',
  ')',
  "'",
  '\\',
  ':',
  '.',
  ',',
  '*',
  '=',
  '!=',
  '<',
  '>',
  '-',
  '+',
  '0',
  '1.5',
  ' AND ',
  ' OR ',
  ' NOT ',
  ' FOLLOWEDBY ',
  ' WITHIN ',
  ' REPEATS ',
  ' START ',
  ' STOP ',
  ' SECONDS',
  ' TIMES',
  'IN',
  'LIKE',
  'MATCHES',
  'ISSUBSET',
  'EXISTS',
  "t'",
  "b'",
  "h'",
  'true',
  '/*',
  '*/',
  '//',
  '\n',
  '\u0000',
  '\ud800',
  '😀',
  'file:name',
  "'x'",
);

const mutated = fc
  .tuple(
    pattern.map(formatPattern),
    fc.array(fc.tuple(fc.nat(), fc.nat(3), piece), { maxLength: 4 }),
  )
  .map(([text, edits]) =>
    edits.reduce((s, [at, cut, p]) => {
      const i = at % (s.length + 1);
      return s.slice(0, i) + p + s.slice(i + cut);
    }, text),
  );

describe('parsePattern never throws anything but PatternError', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string(), (s) => onlyPatternErrors(s)),
      { numRuns: 2000 },
    );
  });

  it('on arbitrary full-Unicode strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => onlyPatternErrors(s)),
      {
        numRuns: 2000,
      },
    );
  });

  it('on strings built from pattern tokens', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (ps) => onlyPatternErrors(ps.join(''))),
      { numRuns: 2000 },
    );
  });

  it('on mutations of valid patterns', () => {
    fc.assert(
      fc.property(mutated, (s) => onlyPatternErrors(s)),
      { numRuns: 2000 },
    );
  });

  it('on values that are not strings at all', () => {
    const parseUnknown = parsePattern as (source: unknown) => unknown;
    for (const v of [undefined, null, 1, {}, ['[a:b = 1]']]) {
      expect(() => parseUnknown(v)).toThrow(PatternError);
    }
  });

  it('on pathological input, quickly', () => {
    const started = Date.now();
    for (const s of [
      '('.repeat(100_000),
      `[${'('.repeat(100_000)}`,
      `[file:name = '${'\\\\'.repeat(100_000)}']`,
      `[file:name = 'x'${" AND file:name = 'x'".repeat(20_000)}]`,
      `${"[file:name = 'x'] OR ".repeat(20_000)}[file:name = 'x']`,
      `[file:name = 'x'] ${'/*'.repeat(50_000)}`,
      `[file:name = '${'x'.repeat(1_000_000)}`,
      "[file:name MATCHES '(a+)+$']",
      `[file:name MATCHES '${'{'.repeat(100_000)}']`,
      `[file:name MATCHES '${'('.repeat(50_000)}${')'.repeat(50_000)}']`,
      `[file:name MATCHES '${'\\\\x'.repeat(50_000)}']`,
      `[file:name MATCHES '[${'[:alpha:]'.repeat(20_000)}]']`,
      `[file:name LIKE '${'%a'.repeat(2000)}b']`,
    ]) {
      onlyPatternErrors(s);
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
