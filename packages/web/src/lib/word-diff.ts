/**
 * A word-level diff for showing how one text became another, in the same shape as the
 * server's diffs (`{ op, text }` parts). Longest common subsequence over words and the
 * whitespace between them; pure, so the page can compare any two versions it has loaded.
 */
export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many cells the LCS table would be slow; the middle is then shown as replaced. */
export const MAX_DIFF_CELLS = 4_000_000;

const tokens = (text: string): string[] => text.split(/(\s+)/).filter((t) => t !== '');

function push(parts: DiffPart[], op: DiffOp, text: string): void {
  const last = parts.at(-1);
  if (last && last.op === op) last.text += text;
  else if (text !== '') parts.push({ op, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  // Common prefix and suffix need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const parts: DiffPart[] = [];
  push(parts, 'equal', a.slice(0, start).join(''));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  for (const part of middleDiff(midA, midB)) push(parts, part.op, part.text);
  push(parts, 'equal', a.slice(endA).join(''));
  return parts;
}

function middleDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_DIFF_CELLS) {
    const out: DiffPart[] = [];
    push(out, 'delete', a.join(''));
    push(out, 'insert', b.join(''));
    return out;
  }
  // lengths[i][j]: LCS length of a[i..] and b[j..], row-major in one array.
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const out: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(out, 'equal', a[i]!);
      i += 1;
      j += 1;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      push(out, 'delete', a[i]!);
      i += 1;
    } else {
      push(out, 'insert', b[j]!);
      j += 1;
    }
  }
  push(out, 'delete', a.slice(i).join(''));
  push(out, 'insert', b.slice(j).join(''));
  return out;
}

/** How much changed, for a one-line summary: words inserted and deleted. */
export function diffStats(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
  let inserted = 0;
  let deleted = 0;
  for (const part of parts) {
    if (part.op === 'insert') inserted += words(part.text);
    if (part.op === 'delete') deleted += words(part.text);
  }
  return { inserted, deleted };
}

/** Added and removed members of two lists (sectors, terms, red lines). */
export function listDiff<T>(
  before: readonly T[],
  after: readonly T[],
): { added: T[]; removed: T[]; kept: T[] } {
  const was = new Set(before);
  const now = new Set(after);
  return {
    added: after.filter((x) => !was.has(x)),
    removed: before.filter((x) => !now.has(x)),
    kept: after.filter((x) => was.has(x)),
  };
}
