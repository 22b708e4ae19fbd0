import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPattern, parsePattern } from './index';
import { pattern } from './testing/arbitraries';

describe('formatPattern (property)', () => {
  it('parse(format(t)) deep-equals t for random valid trees', () => {
    fc.assert(
      fc.property(pattern, (tree) => {
        const text = formatPattern(tree);
        expect(parsePattern(text)).toEqual(tree);
      }),
      { numRuns: 1000 },
    );
  });

  it('formatting is a fixed point: format(parse(format(t))) === format(t)', () => {
    fc.assert(
      fc.property(pattern, (tree) => {
        const text = formatPattern(tree);
        expect(formatPattern(parsePattern(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
