/** SQL for the norms catalogue and its amendments. */
import { and, asc, desc, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  amendmentComments,
  amendmentEndorsements,
  ledgerEntries,
  normAmendments,
  normVersions,
  norms,
  participants,
} from '../../db/schema';

export type NormRow = typeof norms.$inferSelect;
export type NormVersionRow = typeof normVersions.$inferSelect;
export type AmendmentRow = typeof normAmendments.$inferSelect;
export type CommentRow = typeof amendmentComments.$inferSelect;

/** A norm with its current version and, once sequenced, that version's ledger index. */
export interface NormWithVersion extends NormRow {
  current: NormVersionRow;
  ledgerIndex: number | null;
}

export interface NormFilter {
  q?: string;
  category?: string;
  pillar?: number;
  sector?: string;
  term?: string;
  status?: string;
  after?: { position: number; id: string };
}

const ledgerIndexOf = (queueId: SQL | typeof normVersions.ledgerQueueId) =>
  sql<
    number | null
  >`(select ${ledgerEntries.idx} from ${ledgerEntries} where ${ledgerEntries.queueId} = ${queueId})`;

export async function listNorms(db: Db, f: NormFilter, limit: number): Promise<NormWithVersion[]> {
  const where: SQL[] = [];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(ilike(normVersions.title, like), ilike(normVersions.text, like), ilike(norms.id, like))!,
    );
  }
  if (f.category) where.push(eq(normVersions.category, f.category));
  if (f.pillar !== undefined) where.push(eq(normVersions.pillar, f.pillar));
  // An empty sector list means every sector.
  if (f.sector)
    where.push(
      sql`(${f.sector} = any(${normVersions.sectors}) or cardinality(${normVersions.sectors}) = 0)`,
    );
  if (f.term) where.push(sql`${f.term} = any(${normVersions.termIds})`);
  if (f.status) where.push(eq(norms.status, f.status));
  if (f.after)
    where.push(
      or(
        sql`${norms.position} > ${f.after.position}`,
        and(eq(norms.position, f.after.position), sql`${norms.id} > ${f.after.id}`),
      )!,
    );
  const rows = await db
    .select({
      norm: norms,
      current: normVersions,
      ledgerIndex: ledgerIndexOf(normVersions.ledgerQueueId),
    })
    .from(norms)
    .innerJoin(
      normVersions,
      and(eq(normVersions.normId, norms.id), eq(normVersions.version, norms.currentVersion)),
    )
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(norms.position), asc(norms.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.norm, current: r.current, ledgerIndex: r.ledgerIndex }));
}

export async function findNorm(db: Db, id: string, forUpdate = false): Promise<NormRow | null> {
  const q = db.select().from(norms).where(eq(norms.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function normVersionsOf(
  db: Db,
  id: string,
): Promise<(NormVersionRow & { ledgerIndex: number | null })[]> {
  const rows = await db
    .select({ v: normVersions, ledgerIndex: ledgerIndexOf(normVersions.ledgerQueueId) })
    .from(normVersions)
    .where(eq(normVersions.normId, id))
    .orderBy(desc(normVersions.version));
  return rows.map((r) => ({ ...r.v, ledgerIndex: r.ledgerIndex }));
}

export async function nextPosition(db: Db): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${norms.position}), 0) + 1` })
    .from(norms);
  return Number(r?.n ?? 1);
}

export async function insertNorm(db: Db, row: typeof norms.$inferInsert): Promise<void> {
  await db.insert(norms).values(row);
}

export async function updateNorm(db: Db, id: string, patch: Partial<NormRow>): Promise<void> {
  await db.update(norms).set(patch).where(eq(norms.id, id));
}

export async function insertNormVersion(
  db: Db,
  row: typeof normVersions.$inferInsert,
): Promise<void> {
  await db.insert(normVersions).values(row);
}

/* Amendments */

export interface AmendmentListRow extends AmendmentRow {
  proposerName: string;
  endorsements: number;
  comments: number;
}

export interface AmendmentFilter {
  id?: string;
  status?: string;
  normId?: string;
  kind?: string;
  proposedBy?: string;
  before?: { createdAt: Date; id: string };
}

const endorsementCount = sql<number>`(select count(*)::int from ${amendmentEndorsements} where ${amendmentEndorsements.amendmentId} = ${normAmendments.id})`;
const commentCount = sql<number>`(select count(*)::int from ${amendmentComments} where ${amendmentComments.amendmentId} = ${normAmendments.id})`;

export async function listAmendments(
  db: Db,
  f: AmendmentFilter,
  limit: number,
): Promise<AmendmentListRow[]> {
  const where: SQL[] = [];
  if (f.id) where.push(eq(normAmendments.id, f.id));
  if (f.status) where.push(eq(normAmendments.status, f.status));
  if (f.normId) where.push(eq(normAmendments.normId, f.normId));
  if (f.kind) where.push(eq(normAmendments.kind, f.kind));
  if (f.proposedBy) where.push(eq(normAmendments.proposedByParticipant, f.proposedBy));
  if (f.before)
    where.push(
      or(
        lt(normAmendments.createdAt, f.before.createdAt),
        and(eq(normAmendments.createdAt, f.before.createdAt), lt(normAmendments.id, f.before.id)),
      )!,
    );
  const rows = await db
    .select({
      a: normAmendments,
      proposerName: participants.name,
      endorsements: endorsementCount,
      comments: commentCount,
    })
    .from(normAmendments)
    .innerJoin(participants, eq(participants.id, normAmendments.proposedByParticipant))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(normAmendments.createdAt), desc(normAmendments.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r.a,
    proposerName: r.proposerName,
    endorsements: Number(r.endorsements),
    comments: Number(r.comments),
  }));
}

export async function findAmendment(
  db: Db,
  id: string,
  forUpdate = false,
): Promise<AmendmentRow | null> {
  const q = db.select().from(normAmendments).where(eq(normAmendments.id, id));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertAmendment(
  db: Db,
  row: typeof normAmendments.$inferInsert,
): Promise<void> {
  await db.insert(normAmendments).values(row);
}

export async function updateAmendment(
  db: Db,
  id: string,
  patch: Partial<AmendmentRow>,
): Promise<void> {
  await db.update(normAmendments).set(patch).where(eq(normAmendments.id, id));
}

export async function commentsOf(
  db: Db,
  amendmentId: string,
): Promise<(CommentRow & { participantName: string })[]> {
  const rows = await db
    .select({ c: amendmentComments, participantName: participants.name })
    .from(amendmentComments)
    .innerJoin(participants, eq(participants.id, amendmentComments.participantId))
    .where(eq(amendmentComments.amendmentId, amendmentId))
    .orderBy(asc(amendmentComments.createdAt), asc(amendmentComments.id));
  return rows.map((r) => ({ ...r.c, participantName: r.participantName }));
}

export async function insertComment(
  db: Db,
  row: typeof amendmentComments.$inferInsert,
): Promise<void> {
  await db.insert(amendmentComments).values(row);
}

export async function endorsementsOf(
  db: Db,
  amendmentId: string,
): Promise<
  { participantId: string; participantName: string; countryCode: string | null; createdAt: Date }[]
> {
  return db
    .select({
      participantId: amendmentEndorsements.participantId,
      participantName: participants.name,
      countryCode: participants.countryCode,
      createdAt: amendmentEndorsements.createdAt,
    })
    .from(amendmentEndorsements)
    .innerJoin(participants, eq(participants.id, amendmentEndorsements.participantId))
    .where(eq(amendmentEndorsements.amendmentId, amendmentId))
    .orderBy(asc(amendmentEndorsements.createdAt));
}

/** True when the row was inserted, false when this participant had already endorsed. */
export async function insertEndorsement(
  db: Db,
  row: typeof amendmentEndorsements.$inferInsert,
): Promise<boolean> {
  const r = await db.insert(amendmentEndorsements).values(row).onConflictDoNothing().returning();
  return r.length > 0;
}

export async function setVersionLedgerEntry(
  db: Db,
  normId: string,
  version: number,
  queueId: number,
): Promise<void> {
  await db
    .update(normVersions)
    .set({ ledgerQueueId: queueId })
    .where(and(eq(normVersions.normId, normId), eq(normVersions.version, version)));
}
