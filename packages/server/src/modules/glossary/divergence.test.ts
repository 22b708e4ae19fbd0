import { describe, expect, it } from 'vitest';
import { compareDefinitions, wordDiff } from './divergence';

describe('compareDefinitions', () => {
  const harmonised = 'A weakness in software that can be exploited to violate a security property.';

  it('does not flag a close, aligned variant', () => {
    const c = compareDefinitions(harmonised, { definition: harmonised, aligned: 'yes' }, 0.6);
    expect(c).toEqual({ similarity: 1, diverging: false, reasons: [] });
  });

  it('flags a variant whose wording is far below the threshold', () => {
    const c = compareDefinitions(
      harmonised,
      { definition: 'Any flaw reported to the national authority.', aligned: 'partly' },
      0.6,
    );
    expect(c.similarity).toBeLessThan(0.6);
    expect(c.reasons).toEqual(['low_similarity']);
    expect(c.diverging).toBe(true);
  });

  it('flags a participant that says it has not aligned, even with the same words', () => {
    const c = compareDefinitions(harmonised, { definition: harmonised, aligned: 'no' }, 0.6);
    expect(c.reasons).toEqual(['declared_not_aligned']);
    expect(c.diverging).toBe(true);
  });

  it('decides on the rounded score, so the shown score and the flag agree', () => {
    const c = compareDefinitions('cats and dogs', { definition: 'a cat', aligned: 'yes' }, 0.707);
    expect(c.similarity).toBe(0.707);
    expect(c.diverging).toBe(false);
  });
});

describe('wordDiff', () => {
  it('marks deleted and inserted words, and each side joins back to its text', () => {
    const parts = wordDiff('harm to public health', 'serious harm to public order');
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual([
      'serious',
      'order',
    ]);
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['health']);
    const side = (skip: string) =>
      parts
        .filter((p) => p.op !== skip)
        .map((p) => p.text)
        .join('');
    expect(side('insert')).toBe('harm to public health');
    expect(side('delete')).toBe('serious harm to public order');
  });

  it('is one equal part for identical texts', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ op: 'equal', text: 'same words' }]);
  });
});
