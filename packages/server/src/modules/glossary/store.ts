import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { glossaryTerms, participants, termVariants } from '../../db/schema';

export type TermRow = typeof glossaryTerms.$inferSelect;
export type VariantRow = typeof termVariants.$inferSelect;

export interface ParticipantRefRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  countryCode: string | null;
}

export type VariantWithParticipant = VariantRow & { participant: ParticipantRefRow };

const participantRef = {
  id: participants.id,
  name: participants.name,
  shortName: participants.shortName,
  kind: participants.kind,
  countryCode: participants.countryCode,
};

/** `%…%` for ILIKE with the user's own % and _ taken literally. */
const containing = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

export async function insertTerm(db: Db, row: typeof glossaryTerms.$inferInsert): Promise<void> {
  await db.insert(glossaryTerms).values(row);
}

export async function updateTerm(
  db: Db,
  id: string,
  patch: Partial<typeof glossaryTerms.$inferInsert>,
): Promise<void> {
  await db.update(glossaryTerms).set(patch).where(eq(glossaryTerms.id, id));
}

/**
 * One term. `lock` serialises the writers of a term's variants (and its own changes), so two
 * requests recording the same participant's definition cannot both insert it.
 */
export async function findTerm(db: Db, id: string, lock = false): Promise<TermRow | null> {
  const q = db.select().from(glossaryTerms).where(eq(glossaryTerms.id, id)).limit(1);
  const [row] = lock ? await q.for('no key update') : await q;
  return row ?? null;
}

export interface TermFilter {
  q?: string;
  after?: { term: string; id: string };
}

/** Terms in alphabetical order (keyset on lower(term), id). */
export async function listTerms(db: Db, filter: TermFilter, limit: number): Promise<TermRow[]> {
  const where: (SQL | undefined)[] = [];
  if (filter.q) {
    const p = containing(filter.q);
    where.push(or(ilike(glossaryTerms.term, p), ilike(glossaryTerms.definition, p)));
  }
  if (filter.after) {
    const lowerTerm = sql`lower(${glossaryTerms.term})`;
    where.push(
      or(
        gt(lowerTerm, filter.after.term),
        and(eq(lowerTerm, filter.after.term), gt(glossaryTerms.id, filter.after.id)),
      ),
    );
  }
  return db
    .select()
    .from(glossaryTerms)
    .where(and(...where))
    .orderBy(asc(sql`lower(${glossaryTerms.term})`), asc(glossaryTerms.id))
    .limit(limit);
}

export async function countTerms(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(glossaryTerms);
  return row?.n ?? 0;
}

/** Every variant of the given terms, with its participant, in participant-name order. */
export async function variantsOfTerms(
  db: Db,
  termIds: string[],
  participantId?: string,
): Promise<VariantWithParticipant[]> {
  if (termIds.length === 0) return [];
  const rows = await db
    .select({ v: termVariants, participant: participantRef })
    .from(termVariants)
    .innerJoin(participants, eq(participants.id, termVariants.participantId))
    .where(
      and(
        inArray(termVariants.termId, termIds),
        participantId ? eq(termVariants.participantId, participantId) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${participants.name})`), asc(participants.id));
  return rows.map((r) => ({ ...r.v, participant: r.participant }));
}

export async function findVariant(
  db: Db,
  termId: string,
  participantId: string,
): Promise<VariantRow | null> {
  const [row] = await db
    .select()
    .from(termVariants)
    .where(and(eq(termVariants.termId, termId), eq(termVariants.participantId, participantId)))
    .limit(1);
  return row ?? null;
}

export async function insertVariant(db: Db, row: typeof termVariants.$inferInsert): Promise<void> {
  await db.insert(termVariants).values(row);
}

export async function updateVariant(
  db: Db,
  id: string,
  patch: Partial<typeof termVariants.$inferInsert>,
): Promise<void> {
  await db.update(termVariants).set(patch).where(eq(termVariants.id, id));
}

export async function deleteVariant(db: Db, id: string): Promise<void> {
  await db.delete(termVariants).where(eq(termVariants.id, id));
}

export async function findParticipantRef(db: Db, id: string): Promise<ParticipantRefRow | null> {
  const [row] = await db.select(participantRef).from(participants).where(eq(participants.id, id));
  return row ?? null;
}

export interface RecorderFilter {
  kind?: string;
  after?: { name: string; id: string };
}

/** Participants that have recorded at least one definition, in name order (keyset). */
export async function listRecorders(
  db: Db,
  filter: RecorderFilter,
  limit: number,
): Promise<ParticipantRefRow[]> {
  const lowerName = sql`lower(${participants.name})`;
  return db
    .select(participantRef)
    .from(participants)
    .where(
      and(
        sql`exists (select 1 from term_variants tv where tv.participant_id = "participants"."id")`,
        filter.kind ? eq(participants.kind, filter.kind) : undefined,
        filter.after
          ? or(
              gt(lowerName, filter.after.name),
              and(eq(lowerName, filter.after.name), gt(participants.id, filter.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(lowerName), asc(participants.id))
    .limit(limit);
}

/** The given participants' variants with the harmonised definition they are compared with. */
export async function variantsWithHarmonised(
  db: Db,
  participantIds: string[],
): Promise<{ participantId: string; definition: string; aligned: string; harmonised: string }[]> {
  if (participantIds.length === 0) return [];
  return db
    .select({
      participantId: termVariants.participantId,
      definition: termVariants.definition,
      aligned: termVariants.aligned,
      harmonised: glossaryTerms.definition,
    })
    .from(termVariants)
    .innerJoin(glossaryTerms, eq(glossaryTerms.id, termVariants.termId))
    .where(inArray(termVariants.participantId, participantIds));
}
