/** Explicit allow-lists of what the glossary's API returns. */
import type { ParticipantKind } from '../../auth/roles';
import {
  compareDefinitions,
  wordDiff,
  type Alignment,
  type Comparison,
  type DiffPart,
} from './divergence';
import type { ParticipantRefRow, TermRow, VariantWithParticipant } from './store';

export interface GlossaryParticipant {
  id: string;
  name: string;
  shortName: string | null;
  kind: ParticipantKind;
  countryCode: string | null;
}

export interface VariantView extends Comparison {
  termId: string;
  participant: GlossaryParticipant;
  definition: string;
  source: string;
  sourceUrl: string | null;
  aligned: Alignment;
  diff: DiffPart[];
  createdAt: string;
  updatedAt: string;
}

export interface TermView {
  id: string;
  term: string;
  definition: string;
  thresholds: string;
  notes: string;
  variantCount: number;
  divergingCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface TermDetailView extends TermView {
  threshold: number;
  variants: VariantView[];
}

export const presentParticipant = (p: ParticipantRefRow): GlossaryParticipant => ({
  id: p.id,
  name: p.name,
  shortName: p.shortName,
  kind: p.kind as ParticipantKind,
  countryCode: p.countryCode,
});

export function presentVariant(
  harmonised: string,
  v: VariantWithParticipant,
  threshold: number,
): VariantView {
  const aligned = v.aligned as Alignment;
  return {
    termId: v.termId,
    participant: presentParticipant(v.participant),
    definition: v.definition,
    source: v.source,
    sourceUrl: v.sourceUrl,
    aligned,
    ...compareDefinitions(harmonised, { definition: v.definition, aligned }, threshold),
    diff: wordDiff(harmonised, v.definition),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function presentTerm(term: TermRow, variants: VariantView[]): TermView {
  return {
    id: term.id,
    term: term.term,
    definition: term.definition,
    thresholds: term.thresholds,
    notes: term.notes,
    variantCount: variants.length,
    divergingCount: variants.filter((v) => v.diverging).length,
    createdAt: term.createdAt.toISOString(),
    updatedAt: term.updatedAt.toISOString(),
  };
}

export const presentTermDetail = (
  term: TermRow,
  variants: VariantView[],
  threshold: number,
): TermDetailView => ({ ...presentTerm(term, variants), threshold, variants });
