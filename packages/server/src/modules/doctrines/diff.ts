/**
 * What changed between two versions of a doctrine, field by field: list items added, removed
 * or reworded; commitments made, withdrawn or changed; a word diff of the summary. Pure.
 */
import { similarity, wordDiff, type DiffPart } from '../glossary';

/** Two list items this similar are one item reworded rather than one dropped and one added. */
export const DEFAULT_REWORD_SIMILARITY = 0.5;

export interface DoctrineContent {
  version: number;
  title: string;
  summary: string;
  visibility: string;
  redLines: string[];
  thresholds: string[];
  permissibleDefence: string[];
  commitments: { normId: string; statement: string; conditions: string }[];
}

export interface ListChange {
  added: string[];
  removed: string[];
  reworded: { from: string; to: string; diff: DiffPart[] }[];
  unchanged: string[];
}

export interface CommitmentChange {
  normId: string;
  from: { statement: string; conditions: string };
  to: { statement: string; conditions: string };
  statementDiff: DiffPart[];
  conditionsDiff: DiffPart[];
}

export interface DoctrineDiff {
  from: number;
  to: number;
  title: { from: string; to: string; changed: boolean };
  visibility: { from: string; to: string; changed: boolean };
  summary: { changed: boolean; diff: DiffPart[] };
  redLines: ListChange;
  thresholds: ListChange;
  permissibleDefence: ListChange;
  commitments: {
    added: DoctrineContent['commitments'];
    removed: DoctrineContent['commitments'];
    changed: CommitmentChange[];
    unchanged: string[];
  };
}

/**
 * Items only in `after` are added, only in `before` removed; a removed and an added item whose
 * similarity reaches `rewordAt` are paired as one rewording (most similar pairs first).
 */
export function listChange(
  before: readonly string[],
  after: readonly string[],
  rewordAt = DEFAULT_REWORD_SIMILARITY,
): ListChange {
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  const removed = before.filter((x) => !inAfter.has(x));
  const added = after.filter((x) => !inBefore.has(x));
  const pairs = removed
    .flatMap((r, i) => added.map((a, j) => ({ i, j, score: similarity(r, a) })))
    .filter((p) => p.score >= rewordAt)
    .sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedR = new Set<number>();
  const usedA = new Set<number>();
  const reworded: ListChange['reworded'] = [];
  for (const p of pairs) {
    if (usedR.has(p.i) || usedA.has(p.j)) continue;
    usedR.add(p.i);
    usedA.add(p.j);
    const from = removed[p.i] ?? '';
    const to = added[p.j] ?? '';
    reworded.push({ from, to, diff: wordDiff(from, to) });
  }
  return {
    added: added.filter((_, j) => !usedA.has(j)),
    removed: removed.filter((_, i) => !usedR.has(i)),
    reworded,
    unchanged: after.filter((x) => inBefore.has(x)),
  };
}

export function doctrineDiff(from: DoctrineContent, to: DoctrineContent): DoctrineDiff {
  const before = new Map(from.commitments.map((c) => [c.normId, c]));
  const after = new Map(to.commitments.map((c) => [c.normId, c]));
  const changed: CommitmentChange[] = [];
  const unchanged: string[] = [];
  for (const c of to.commitments) {
    const old = before.get(c.normId);
    if (!old) continue;
    if (old.statement === c.statement && old.conditions === c.conditions) {
      unchanged.push(c.normId);
      continue;
    }
    changed.push({
      normId: c.normId,
      from: { statement: old.statement, conditions: old.conditions },
      to: { statement: c.statement, conditions: c.conditions },
      statementDiff: wordDiff(old.statement, c.statement),
      conditionsDiff: wordDiff(old.conditions, c.conditions),
    });
  }
  return {
    from: from.version,
    to: to.version,
    title: { from: from.title, to: to.title, changed: from.title !== to.title },
    visibility: {
      from: from.visibility,
      to: to.visibility,
      changed: from.visibility !== to.visibility,
    },
    summary: { changed: from.summary !== to.summary, diff: wordDiff(from.summary, to.summary) },
    redLines: listChange(from.redLines, to.redLines),
    thresholds: listChange(from.thresholds, to.thresholds),
    permissibleDefence: listChange(from.permissibleDefence, to.permissibleDefence),
    commitments: {
      added: to.commitments.filter((c) => !before.has(c.normId)),
      removed: from.commitments.filter((c) => !after.has(c.normId)),
      changed,
      unchanged,
    },
  };
}
