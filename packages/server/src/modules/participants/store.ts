import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { participants } from '../../db/schema';

export type ParticipantRow = typeof participants.$inferSelect;
export type ParticipantWithCount = ParticipantRow & { userCount: number };

// Qualified by hand: inside a sub-select drizzle leaves column names bare, and a bare "id"
// would resolve to users.id.
const userCount = sql<number>`(select count(*)::int from users u where u.participant_id = "participants"."id")`;

export async function insertParticipant(
  db: Db,
  row: typeof participants.$inferInsert,
): Promise<void> {
  await db.insert(participants).values(row);
}

export async function updateParticipant(
  db: Db,
  id: string,
  patch: Partial<typeof participants.$inferInsert>,
): Promise<void> {
  await db.update(participants).set(patch).where(eq(participants.id, id));
}

export async function findParticipant(db: Db, id: string): Promise<ParticipantWithCount | null> {
  const [row] = await db
    .select({ p: participants, userCount })
    .from(participants)
    .where(eq(participants.id, id))
    .limit(1);
  return row ? { ...row.p, userCount: row.userCount } : null;
}

export async function findParticipantByName(db: Db, name: string): Promise<ParticipantRow | null> {
  const [row] = await db
    .select()
    .from(participants)
    .where(sql`lower(${participants.name}) = lower(${name})`)
    .limit(1);
  return row ?? null;
}

export interface ParticipantFilter {
  q?: string;
  kind?: string;
  status?: string;
  after?: { name: string; id: string };
}

export async function listParticipants(
  db: Db,
  filter: ParticipantFilter,
  limit: number,
): Promise<ParticipantWithCount[]> {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    const m = or(
      ilike(participants.name, pattern),
      ilike(participants.shortName, pattern),
      ilike(participants.countryCode, pattern),
    );
    if (m) where.push(m);
  }
  if (filter.kind) where.push(eq(participants.kind, filter.kind));
  if (filter.status) where.push(eq(participants.status, filter.status));
  if (filter.after) {
    const a = or(
      gt(sql`lower(${participants.name})`, filter.after.name),
      and(
        eq(sql`lower(${participants.name})`, filter.after.name),
        gt(participants.id, filter.after.id),
      ),
    );
    if (a) where.push(a);
  }
  const rows = await db
    .select({ p: participants, userCount })
    .from(participants)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(sql`lower(${participants.name})`), asc(participants.id))
    .limit(limit);
  return rows.map((r) => ({ ...r.p, userCount: r.userCount }));
}

export async function countParticipants(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(participants);
  return row?.n ?? 0;
}
