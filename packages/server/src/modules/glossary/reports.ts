/** The glossary's comparative views: where definitions diverge, and how far each participant aligned. */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { compareDefinitions, type Alignment } from './divergence';
import { termPolicy } from './policy';
import {
  presentParticipant,
  presentVariant,
  type GlossaryParticipant,
  type VariantView,
} from './present';
import { DEFAULT_DIVERGENCE_THRESHOLD } from './similarity';
import {
  countTerms,
  listRecorders,
  listTerms,
  variantsOfTerms,
  variantsWithHarmonised,
  type TermRow,
} from './store';

/** Terms read per round while filling a page of the divergence report. */
const SCAN_BATCH = 100;

export interface DivergenceItem {
  term: { id: string; term: string; definition: string; thresholds: string };
  variants: VariantView[];
}

export interface DivergenceQuery {
  q?: string | undefined;
  participantId?: string | undefined;
  threshold?: number | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Per term (alphabetical), the participants whose definition diverges from the harmonised one,
 * with similarity and a word diff for a side-by-side view. Terms where nobody diverges are left
 * out, so pages are filled by scanning terms in batches.
 */
export async function divergenceReport(
  deps: Deps,
  ctx: RequestContext,
  query: DivergenceQuery,
): Promise<Page<DivergenceItem>> {
  authorize(termPolicy, ctx.actor, 'read', null);
  const threshold = query.threshold ?? DEFAULT_DIVERGENCE_THRESHOLD;
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  let after = cursor ? { term: String(cursor[0]), id: String(cursor[1]) } : undefined;
  const found: { row: TermRow; item: DivergenceItem }[] = [];
  const batch = Math.max(query.limit + 1, SCAN_BATCH);
  for (;;) {
    const rows = await listTerms(
      deps.database.db,
      { ...(query.q ? { q: query.q } : {}), ...(after ? { after } : {}) },
      batch,
    );
    const variants = await variantsOfTerms(
      deps.database.db,
      rows.map((r) => r.id),
      query.participantId,
    );
    for (const row of rows) {
      const diverging = variants
        .filter((v) => v.termId === row.id)
        .map((v) => presentVariant(row.definition, v, threshold))
        .filter((v) => v.diverging);
      if (diverging.length === 0) continue;
      found.push({
        row,
        item: {
          term: {
            id: row.id,
            term: row.term,
            definition: row.definition,
            thresholds: row.thresholds,
          },
          variants: diverging,
        },
      });
      if (found.length > query.limit) break;
    }
    const last = rows[rows.length - 1];
    if (found.length > query.limit || rows.length < batch || !last) break;
    after = { term: last.term.toLowerCase(), id: last.id };
  }
  return toPage(
    found,
    query.limit,
    (f) => [f.row.term.toLowerCase(), f.row.id],
    (f) => f.item,
  );
}

export interface AlignmentItem {
  participant: GlossaryParticipant;
  /** Harmonised terms in the glossary. */
  terms: number;
  /** Terms the participant has its own definition for. */
  variants: number;
  aligned: Record<Alignment, number>;
  diverging: number;
}

export interface AlignmentQuery {
  kind?: string | undefined;
  threshold?: number | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Per participant that recorded definitions (name order): coverage, declared alignment, divergence. */
export async function alignmentReport(
  deps: Deps,
  ctx: RequestContext,
  query: AlignmentQuery,
): Promise<Page<AlignmentItem>> {
  authorize(termPolicy, ctx.actor, 'read', null);
  const threshold = query.threshold ?? DEFAULT_DIVERGENCE_THRESHOLD;
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const db = deps.database.db;
  const participants = await listRecorders(
    db,
    {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(cursor ? { after: { name: String(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  const terms = await countTerms(db);
  const variants = await variantsWithHarmonised(
    db,
    participants.map((p) => p.id),
  );
  return toPage(
    participants,
    query.limit,
    (p) => [p.name.toLowerCase(), p.id],
    (p) => {
      const aligned: Record<Alignment, number> = { yes: 0, partly: 0, no: 0 };
      let diverging = 0;
      let count = 0;
      for (const v of variants) {
        if (v.participantId !== p.id) continue;
        const a = v.aligned as Alignment;
        count += 1;
        aligned[a] += 1;
        if (
          compareDefinitions(v.harmonised, { definition: v.definition, aligned: a }, threshold)
            .diverging
        )
          diverging += 1;
      }
      return { participant: presentParticipant(p), terms, variants: count, aligned, diverging };
    },
  );
}
