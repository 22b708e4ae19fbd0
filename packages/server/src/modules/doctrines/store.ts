import { and, asc, desc, eq, gt, ilike, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  doctrineCommitments,
  doctrineVersions,
  ledgerEntries,
  normVersions,
  norms,
  participants,
} from '../../db/schema';
import type { Visibility } from './document';
import type { MatrixNorm } from './matrix';

export type VersionRow = typeof doctrineVersions.$inferSelect;

export interface ParticipantRefRow {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  countryCode: string | null;
}

export type VersionWithRefs = VersionRow & {
  participant: ParticipantRefRow;
  /** The ledger index, once the sequencer has logged the entry. */
  ledgerIndex: number | null;
};

export interface CommitmentRow {
  doctrineVersionId: string;
  ordinal: number;
  normId: string;
  normTitle: string | null;
  statement: string;
  conditions: string;
}

const participantRef = {
  id: participants.id,
  name: participants.name,
  shortName: participants.shortName,
  kind: participants.kind,
  countryCode: participants.countryCode,
};

const containing = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;
const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );
const lowerName = sql`lower(${participants.name})`;

/**
 * The row is its participant's latest version among those the viewer may read. Qualified by
 * hand: the correlated sub-select must see the outer row.
 */
const latestVisible = (visible: readonly Visibility[]): SQL =>
  sql`${doctrineVersions.version} = (select max(d2.version) from doctrine_versions d2
      where d2.participant_id = "doctrine_versions"."participant_id"
        and d2.visibility in (${list(visible)}))`;

function versionsQuery(db: Db) {
  return db
    .select({ v: doctrineVersions, participant: participantRef, ledgerIndex: ledgerEntries.idx })
    .from(doctrineVersions)
    .innerJoin(participants, eq(participants.id, doctrineVersions.participantId))
    .leftJoin(ledgerEntries, eq(ledgerEntries.queueId, doctrineVersions.ledgerQueueId));
}

type Joined = { v: VersionRow; participant: ParticipantRefRow; ledgerIndex: number | null };
const flatten = (r: Joined): VersionWithRefs => ({
  ...r.v,
  participant: r.participant,
  ledgerIndex: r.ledgerIndex,
});

export async function findParticipantRef(db: Db, id: string): Promise<ParticipantRefRow | null> {
  const [row] = await db.select(participantRef).from(participants).where(eq(participants.id, id));
  return row ?? null;
}

export async function latestVersionNumber(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number | null>`max(${doctrineVersions.version})` })
    .from(doctrineVersions)
    .where(eq(doctrineVersions.participantId, participantId));
  return Number(row?.n ?? 0);
}

export async function normStatuses(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: norms.id, status: norms.status })
    .from(norms)
    .where(inArray(norms.id, ids));
  return new Map(rows.map((r) => [r.id, r.status]));
}

export async function insertVersion(
  db: Db,
  row: typeof doctrineVersions.$inferInsert,
  commitments: (typeof doctrineCommitments.$inferInsert)[],
): Promise<void> {
  await db.insert(doctrineVersions).values(row);
  if (commitments.length > 0) await db.insert(doctrineCommitments).values(commitments);
}

export async function findVersion(
  db: Db,
  participantId: string,
  version: number,
): Promise<VersionWithRefs | null> {
  const [row] = await versionsQuery(db)
    .where(
      and(eq(doctrineVersions.participantId, participantId), eq(doctrineVersions.version, version)),
    )
    .limit(1);
  return row ? flatten(row) : null;
}

/** The commitments of these versions in their signed order, with the norm's current title. */
export async function commitmentsOf(db: Db, versionIds: string[]): Promise<CommitmentRow[]> {
  if (versionIds.length === 0) return [];
  return db
    .select({
      doctrineVersionId: doctrineCommitments.doctrineVersionId,
      ordinal: doctrineCommitments.ordinal,
      normId: doctrineCommitments.normId,
      normTitle: normVersions.title,
      statement: doctrineCommitments.statement,
      conditions: doctrineCommitments.conditions,
    })
    .from(doctrineCommitments)
    .innerJoin(norms, eq(norms.id, doctrineCommitments.normId))
    .leftJoin(
      normVersions,
      and(eq(normVersions.normId, norms.id), eq(normVersions.version, norms.currentVersion)),
    )
    .where(inArray(doctrineCommitments.doctrineVersionId, versionIds))
    .orderBy(asc(doctrineCommitments.doctrineVersionId), asc(doctrineCommitments.ordinal));
}

export interface LatestFilter {
  participantId?: string;
  participantKind?: string;
  visibility?: Visibility;
  normId?: string;
  q?: string;
  after?: { name: string; id: string };
}

/** Each participant's latest visible version, in participant-name order (keyset). */
export async function listLatest(
  db: Db,
  visible: readonly Visibility[],
  filter: LatestFilter,
  limit: number,
): Promise<VersionWithRefs[]> {
  const where: (SQL | undefined)[] = [
    inArray(doctrineVersions.visibility, [...visible]),
    latestVisible(visible),
  ];
  if (filter.participantId) where.push(eq(doctrineVersions.participantId, filter.participantId));
  if (filter.participantKind) where.push(eq(participants.kind, filter.participantKind));
  if (filter.visibility) where.push(eq(doctrineVersions.visibility, filter.visibility));
  if (filter.normId) {
    where.push(
      sql`exists (select 1 from doctrine_commitments c
          where c.doctrine_version_id = "doctrine_versions"."id" and c.norm_id = ${filter.normId})`,
    );
  }
  if (filter.q) {
    const p = containing(filter.q);
    where.push(
      or(
        ilike(doctrineVersions.title, p),
        ilike(doctrineVersions.summary, p),
        ilike(participants.name, p),
        ilike(participants.shortName, p),
      ),
    );
  }
  if (filter.after) {
    where.push(
      or(
        gt(lowerName, filter.after.name),
        and(eq(lowerName, filter.after.name), gt(participants.id, filter.after.id)),
      ),
    );
  }
  const rows = await versionsQuery(db)
    .where(and(...where))
    .orderBy(asc(lowerName), asc(participants.id))
    .limit(limit);
  return rows.map(flatten);
}

/** A participant's visible versions, newest first (keyset on version). */
export async function listVersions(
  db: Db,
  participantId: string,
  visible: readonly Visibility[],
  filter: { visibility?: Visibility; before?: number },
  limit: number,
): Promise<VersionWithRefs[]> {
  const rows = await versionsQuery(db)
    .where(
      and(
        eq(doctrineVersions.participantId, participantId),
        inArray(doctrineVersions.visibility, [...visible]),
        filter.visibility ? eq(doctrineVersions.visibility, filter.visibility) : undefined,
        filter.before !== undefined ? lt(doctrineVersions.version, filter.before) : undefined,
      ),
    )
    .orderBy(desc(doctrineVersions.version))
    .limit(limit);
  return rows.map(flatten);
}

export interface NormFilter {
  normId?: string;
  category?: string;
  pillar?: number;
  status?: string;
}

/** Norms in catalogue order, described by their current version. */
export async function matrixNorms(db: Db, filter: NormFilter): Promise<MatrixNorm[]> {
  return db
    .select({
      id: norms.id,
      title: normVersions.title,
      category: normVersions.category,
      pillar: normVersions.pillar,
      status: norms.status,
    })
    .from(norms)
    .innerJoin(
      normVersions,
      and(eq(normVersions.normId, norms.id), eq(normVersions.version, norms.currentVersion)),
    )
    .where(
      and(
        filter.normId ? eq(norms.id, filter.normId) : undefined,
        filter.category ? eq(normVersions.category, filter.category) : undefined,
        filter.pillar !== undefined ? eq(normVersions.pillar, filter.pillar) : undefined,
        filter.status ? eq(norms.status, filter.status) : undefined,
      ),
    )
    .orderBy(asc(norms.position), asc(norms.id));
}

export async function normExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: norms.id }).from(norms).where(eq(norms.id, id));
  return row !== undefined;
}

/** Participants that may publish doctrines, with the latest version the viewer may read. */
export async function matrixParticipants(
  db: Db,
  kinds: readonly string[],
  visible: readonly Visibility[],
  participantId?: string,
): Promise<(ParticipantRefRow & { version: number | null })[]> {
  return db
    .select({
      ...participantRef,
      version: sql<number | null>`(select max(d2.version) from doctrine_versions d2
          where d2.participant_id = "participants"."id" and d2.visibility in (${list(visible)}))`,
    })
    .from(participants)
    .where(
      and(
        inArray(participants.kind, [...kinds]),
        participantId ? eq(participants.id, participantId) : undefined,
      ),
    )
    .orderBy(asc(lowerName), asc(participants.id));
}

export interface LatestCommitment {
  participant: ParticipantRefRow;
  version: number;
  visibility: string;
  publishedAt: Date;
  normId: string;
  statement: string;
  conditions: string;
}

/** The commitments in each participant's latest visible version (optionally to one norm). */
export async function latestCommitments(
  db: Db,
  visible: readonly Visibility[],
  normId?: string,
): Promise<LatestCommitment[]> {
  return db
    .select({
      participant: participantRef,
      version: doctrineVersions.version,
      visibility: doctrineVersions.visibility,
      publishedAt: doctrineVersions.publishedAt,
      normId: doctrineCommitments.normId,
      statement: doctrineCommitments.statement,
      conditions: doctrineCommitments.conditions,
    })
    .from(doctrineCommitments)
    .innerJoin(doctrineVersions, eq(doctrineVersions.id, doctrineCommitments.doctrineVersionId))
    .innerJoin(participants, eq(participants.id, doctrineVersions.participantId))
    .where(
      and(
        inArray(doctrineVersions.visibility, [...visible]),
        latestVisible(visible),
        normId ? eq(doctrineCommitments.normId, normId) : undefined,
      ),
    )
    .orderBy(asc(lowerName), asc(participants.id), asc(doctrineCommitments.ordinal));
}
