/** The glossary's divergence rule, pure: shared by the term view, the divergence report and stats. */
import { diffWordsWithSpace } from 'diff';
import { similarity } from './similarity';

export const ALIGNMENTS = ['no', 'partly', 'yes'] as const;
export type Alignment = (typeof ALIGNMENTS)[number];

/** Why a variant counts as diverging; a variant may have both reasons. */
export type DivergenceReason = 'low_similarity' | 'declared_not_aligned';

export interface Comparison {
  /** Cosine similarity to the harmonised definition, rounded to 3 decimals. */
  similarity: number;
  diverging: boolean;
  reasons: DivergenceReason[];
}

/**
 * A variant diverges when its wording is far from the harmonised definition (similarity below
 * the threshold) or when its participant says it has not aligned with it, whatever the wording.
 */
export function compareDefinitions(
  harmonised: string,
  variant: { definition: string; aligned: Alignment },
  threshold: number,
): Comparison {
  // The rounded score decides, so a variant shown as 0.600 is never listed under a 0.6 bar.
  const score = Math.round(similarity(harmonised, variant.definition) * 1000) / 1000;
  const reasons: DivergenceReason[] = [];
  if (score < threshold) reasons.push('low_similarity');
  if (variant.aligned === 'no') reasons.push('declared_not_aligned');
  return { similarity: score, diverging: reasons.length > 0, reasons };
}

/** The same shape as the norms catalogue's text diffs, so one component renders both. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * Word-level diff (jsdiff's Myers diff over words and spaces) from `from` to `to`, for a
 * side-by-side view: the left column is the `equal` and `delete` parts, the right column the
 * `equal` and `insert` parts; each column joins back to its text exactly.
 */
export function wordDiff(from: string, to: string): DiffPart[] {
  return diffWordsWithSpace(from, to).map((c) => ({
    op: c.added ? 'insert' : c.removed ? 'delete' : 'equal',
    text: c.value,
  }));
}
