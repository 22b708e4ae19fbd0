import { describe, expect, it } from 'vitest';
import { listDiff, textDiff } from './diff';

describe('textDiff', () => {
  it('marks inserted and deleted words and keeps the rest', () => {
    const parts = textDiff(
      'States do not attack hospitals.',
      'States never attack hospitals or clinics.',
    );
    const join = (op: string) =>
      parts
        .filter((p) => p.op === op || p.op === 'equal')
        .map((p) => p.text)
        .join('');
    expect(join('delete')).toBe('States do not attack hospitals.');
    expect(join('insert')).toBe('States never attack hospitals or clinics.');
    expect(parts.filter((p) => p.op === 'delete').map((p) => p.text.trim())).toEqual(['do', 'not']);
    expect(parts.filter((p) => p.op === 'insert').map((p) => p.text.trim())).toEqual([
      'never',
      'or clinics',
    ]);
  });

  it('is one equal part for identical texts and one insert from nothing', () => {
    expect(textDiff('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
    expect(textDiff('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
  });
});

describe('listDiff', () => {
  it('lists what was added and removed', () => {
    expect(listDiff(['energy', 'water'], ['water', 'health'])).toEqual({
      added: ['health'],
      removed: ['energy'],
    });
  });
});
