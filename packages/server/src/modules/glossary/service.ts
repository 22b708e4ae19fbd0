/** The glossary's rules: harmonised terms (secretariat) and each participant's own definitions. */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { notFound } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import type { Alignment } from './divergence';
import { termPolicy, variantPolicy } from './policy';
import {
  presentTerm,
  presentTermDetail,
  presentVariant,
  type TermDetailView,
  type TermView,
  type VariantView,
} from './present';
import { GlossaryError } from './problems';
import { DEFAULT_DIVERGENCE_THRESHOLD } from './similarity';
import {
  deleteVariant,
  findParticipantRef,
  findTerm,
  findVariant,
  insertTerm,
  insertVariant,
  listTerms,
  updateTerm,
  updateVariant,
  variantsOfTerms,
  type TermRow,
} from './store';

/** Rows read per round while filtering a page of terms in memory (divergence is computed). */
const SCAN_BATCH = 100;

export interface TermQuery {
  q?: string | undefined;
  diverging?: boolean | undefined;
  threshold?: number | undefined;
  limit: number;
  cursor?: string | undefined;
}

const termKey = (t: TermRow) => [t.term.toLowerCase(), t.id];

async function detail(deps: Deps, term: TermRow, threshold: number): Promise<TermDetailView> {
  const variants = await variantsOfTerms(deps.database.db, [term.id]);
  return presentTermDetail(
    term,
    variants.map((v) => presentVariant(term.definition, v, threshold)),
    threshold,
  );
}

/**
 * Terms in alphabetical order, searchable by term and definition. With `diverging`, only terms
 * where at least one participant's definition diverges: divergence is computed from the texts
 * on read (the harmonised definition can change), so the page is filled by scanning in batches.
 */
export async function browseTerms(
  deps: Deps,
  ctx: RequestContext,
  query: TermQuery,
): Promise<Page<TermView>> {
  authorize(termPolicy, ctx.actor, 'read', null);
  const threshold = query.threshold ?? DEFAULT_DIVERGENCE_THRESHOLD;
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  let after = cursor ? { term: String(cursor[0]), id: String(cursor[1]) } : undefined;
  const found: { row: TermRow; view: TermView }[] = [];
  const batch = Math.max(query.limit + 1, SCAN_BATCH);
  for (;;) {
    const rows = await listTerms(
      deps.database.db,
      { ...(query.q ? { q: query.q } : {}), ...(after ? { after } : {}) },
      query.diverging ? batch : query.limit + 1,
    );
    const variants = await variantsOfTerms(
      deps.database.db,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const mine = variants
        .filter((v) => v.termId === row.id)
        .map((v) => presentVariant(row.definition, v, threshold));
      const view = presentTerm(row, mine);
      if (!query.diverging || view.divergingCount > 0) found.push({ row, view });
      if (found.length > query.limit) break;
    }
    const last = rows[rows.length - 1];
    if (!query.diverging || found.length > query.limit || rows.length < batch || !last) break;
    after = { term: last.term.toLowerCase(), id: last.id };
  }
  return toPage(
    found,
    query.limit,
    (f) => termKey(f.row),
    (f) => f.view,
  );
}

export async function getTerm(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  threshold = DEFAULT_DIVERGENCE_THRESHOLD,
): Promise<TermDetailView> {
  authorize(termPolicy, ctx.actor, 'read', null);
  const term = await findTerm(deps.database.db, id);
  if (!term) throw notFound('Glossary term');
  return detail(deps, term, threshold);
}

export interface CreateTermInput {
  id: string;
  term: string;
  definition: string;
  thresholds?: string | undefined;
  notes?: string | undefined;
}

export async function createTerm(
  deps: Deps,
  ctx: RequestContext,
  input: CreateTermInput,
): Promise<TermDetailView> {
  authorize(termPolicy, ctx.actor, 'create', null);
  const now = deps.clock.now();
  const row: TermRow = {
    id: input.id,
    term: input.term.trim(),
    definition: input.definition.trim(),
    thresholds: input.thresholds?.trim() ?? '',
    notes: input.notes?.trim() ?? '',
    createdAt: now,
    updatedAt: now,
  };
  try {
    await deps.database.transaction(async (tx) => {
      await insertTerm(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'glossary.term.create',
        subjectType: 'glossary_term',
        subjectId: row.id,
        details: { term: row.term, definition: row.definition, thresholds: row.thresholds },
      });
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new GlossaryError('TERM_EXISTS', `id: the glossary already has a term '${row.id}'`, {
      fieldErrors: [{ field: 'id', message: 'is already taken' }],
    });
  }
  return presentTermDetail(row, [], DEFAULT_DIVERGENCE_THRESHOLD);
}

export interface UpdateTermInput {
  term?: string | undefined;
  definition?: string | undefined;
  thresholds?: string | undefined;
  notes?: string | undefined;
}

/** Changes a harmonised term; the audit event keeps the previous wording of what changed. */
export async function changeTerm(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateTermInput,
): Promise<TermDetailView> {
  authorize(termPolicy, ctx.actor, 'update', null);
  const updated = await deps.database.transaction(async (tx) => {
    const term = await findTerm(tx, id, true);
    if (!term) throw notFound('Glossary term');
    const changes: Record<string, { from: string; to: string }> = {};
    for (const key of ['term', 'definition', 'thresholds', 'notes'] as const) {
      const value = input[key]?.trim();
      if (value !== undefined && value !== term[key]) changes[key] = { from: term[key], to: value };
    }
    if (Object.keys(changes).length === 0) return term;
    const patch = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.to]));
    const now = deps.clock.now();
    await updateTerm(tx, id, { ...patch, updatedAt: now });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'glossary.term.update',
      subjectType: 'glossary_term',
      subjectId: id,
      details: { changes },
    });
    return { ...term, ...patch, updatedAt: now };
  });
  return detail(deps, updated, DEFAULT_DIVERGENCE_THRESHOLD);
}

export interface VariantInput {
  definition: string;
  source: string;
  sourceUrl?: string | null | undefined;
  aligned: Alignment;
}

/**
 * Records or replaces a participant's own definition of a term. Over HTTP the participant is
 * always the caller's; the policy refuses anyone else, the secretariat included.
 */
export async function saveVariant(
  deps: Deps,
  ctx: RequestContext,
  termId: string,
  participantId: string,
  input: VariantInput,
): Promise<{ created: boolean; variant: VariantView }> {
  authorize(variantPolicy, ctx.actor, 'save', { participantId });
  const fields = {
    definition: input.definition.trim(),
    source: input.source.trim(),
    sourceUrl: input.sourceUrl?.trim() || null,
    aligned: input.aligned,
  };
  const result = await deps.database.transaction(async (tx) => {
    const term = await findTerm(tx, termId, true);
    if (!term) throw notFound('Glossary term');
    const participant = await findParticipantRef(tx, participantId);
    if (!participant) throw notFound('Participant');
    const existing = await findVariant(tx, termId, participantId);
    const now = deps.clock.now();
    const row = existing
      ? { ...existing, ...fields, updatedAt: now }
      : {
          id: deps.random.uuid(),
          termId,
          participantId,
          ...fields,
          createdAt: now,
          updatedAt: now,
        };
    if (existing) await updateVariant(tx, existing.id, { ...fields, updatedAt: now });
    else await insertVariant(tx, row);
    await recordAudit(tx, deps.clock, ctx, {
      action: existing ? 'glossary.variant.update' : 'glossary.variant.create',
      subjectType: 'term_variant',
      subjectId: row.id,
      subjectParticipantId: participantId,
      details: {
        termId,
        aligned: fields.aligned,
        source: fields.source,
        ...(existing && existing.definition !== fields.definition
          ? { previousDefinition: existing.definition }
          : {}),
      },
    });
    return { term, row: { ...row, participant }, created: !existing };
  });
  return {
    created: result.created,
    variant: presentVariant(result.term.definition, result.row, DEFAULT_DIVERGENCE_THRESHOLD),
  };
}

export async function removeVariant(
  deps: Deps,
  ctx: RequestContext,
  termId: string,
  participantId: string,
): Promise<void> {
  authorize(variantPolicy, ctx.actor, 'remove', { participantId });
  await deps.database.transaction(async (tx) => {
    const term = await findTerm(tx, termId, true);
    if (!term) throw notFound('Glossary term');
    const existing = await findVariant(tx, termId, participantId);
    if (!existing) throw notFound('Definition of this participant');
    await deleteVariant(tx, existing.id);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'glossary.variant.delete',
      subjectType: 'term_variant',
      subjectId: existing.id,
      subjectParticipantId: participantId,
      details: { termId, definition: existing.definition, source: existing.source },
    });
  });
}
