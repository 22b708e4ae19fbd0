/** Word-level differences between two texts (jsdiff's Myers diff over words and spaces). */
import { diffWordsWithSpace } from 'diff';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export function textDiff(before: string, after: string): DiffPart[] {
  return diffWordsWithSpace(before, after).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}

/** Items of `after` not in `before`, and of `before` not in `after`, in their own order. */
export function listDiff<T>(
  before: readonly T[],
  after: readonly T[],
): { added: T[]; removed: T[] } {
  const b = new Set(before);
  const a = new Set(after);
  return { added: after.filter((x) => !b.has(x)), removed: before.filter((x) => !a.has(x)) };
}
