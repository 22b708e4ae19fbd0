import { describe, expect, it } from 'vitest';
import { diffStats, listDiff, wordDiff } from './word-diff';
import type { DiffPart } from './word-diff';

const before = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'insert')
    .map((p) => p.text)
    .join('');
const after = (parts: DiffPart[]) =>
  parts
    .filter((p) => p.op !== 'delete')
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks nothing when the texts are the same', () => {
    expect(wordDiff('States do not attack.', 'States do not attack.')).toEqual([
      { op: 'equal', text: 'States do not attack.' },
    ]);
  });

  it('marks a replaced word as a deletion followed by an insertion', () => {
    expect(wordDiff('States should not attack', 'States must not attack')).toEqual([
      { op: 'equal', text: 'States ' },
      { op: 'delete', text: 'should' },
      { op: 'insert', text: 'must' },
      { op: 'equal', text: ' not attack' },
    ]);
  });

  it('rebuilds both texts exactly, whitespace included', () => {
    const a = 'A  state does not\nknowingly allow its territory to be used.';
    const b = 'A state does not knowingly allow its territory or infrastructure to be used.';
    const parts = wordDiff(a, b);
    expect(before(parts)).toBe(a);
    expect(after(parts)).toBe(b);
  });

  it('handles an empty side', () => {
    expect(wordDiff('', 'new text')).toEqual([{ op: 'insert', text: 'new text' }]);
    expect(wordDiff('old text', '')).toEqual([{ op: 'delete', text: 'old text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('falls back to replacing the middle when the texts are too long to compare word by word', () => {
    const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(`start ${a} end`, `start ${b} end`);
    expect(parts.map((p) => p.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
    expect(after(parts)).toBe(`start ${b} end`);
  });
});

describe('diffStats', () => {
  it('counts inserted and deleted words', () => {
    expect(diffStats(wordDiff('one two three', 'one four five three'))).toEqual({
      inserted: 2,
      deleted: 1,
    });
  });
});

describe('listDiff', () => {
  it('lists what was added, removed and kept', () => {
    expect(listDiff(['energy', 'water'], ['water', 'health'])).toEqual({
      added: ['health'],
      removed: ['energy'],
      kept: ['water'],
    });
  });
});
