import { and, asc, eq, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { apiTokens, participants, users } from '../../db/schema';

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
export type UserWithParticipant = UserRow & {
  participant: {
    id: string;
    name: string;
    kind: string;
    countryCode: string | null;
    status: string;
  };
};

const participantCols = {
  id: participants.id,
  name: participants.name,
  kind: participants.kind,
  countryCode: participants.countryCode,
  status: participants.status,
};

export async function findUserByEmail(db: Db, email: string): Promise<UserWithParticipant | null> {
  const [row] = await db
    .select({ user: users, participant: participantCols })
    .from(users)
    .innerJoin(participants, eq(users.participantId, participants.id))
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row ? { ...row.user, participant: row.participant } : null;
}

export async function findUserById(db: Db, id: string): Promise<UserWithParticipant | null> {
  const [row] = await db
    .select({ user: users, participant: participantCols })
    .from(users)
    .innerJoin(participants, eq(users.participantId, participants.id))
    .where(eq(users.id, id))
    .limit(1);
  return row ? { ...row.user, participant: row.participant } : null;
}

/**
 * An API token by the hash of its secret, with the account it acts for, in one query (each
 * request made with a token asks this: one round trip, not two).
 */
export async function findTokenWithUser(
  db: Db,
  tokenHash: string,
): Promise<{ token: typeof apiTokens.$inferSelect; user: UserWithParticipant | null } | null> {
  const [row] = await db
    .select({ token: apiTokens, user: users, participant: participantCols })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .leftJoin(participants, eq(participants.id, users.participantId))
    .where(eq(apiTokens.tokenHash, tokenHash))
    .limit(1);
  if (!row) return null;
  const user = row.user && row.participant ? { ...row.user, participant: row.participant } : null;
  return { token: row.token, user };
}

export async function insertUser(db: Db, row: NewUserRow): Promise<void> {
  await db.insert(users).values(row);
}

export async function updateUser(db: Db, id: string, patch: Partial<NewUserRow>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id));
}

export interface UserFilter {
  q?: string;
  participantId?: string;
  role?: string;
  status?: string;
  after?: { email: string };
}

export async function listUsers(
  db: Db,
  filter: UserFilter,
  limit: number,
): Promise<UserWithParticipant[]> {
  const where: SQL[] = [];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    const m = or(ilike(users.email, pattern), ilike(users.displayName, pattern));
    if (m) where.push(m);
  }
  if (filter.participantId) where.push(eq(users.participantId, filter.participantId));
  if (filter.role) where.push(sql`${filter.role} = any(${users.roles})`);
  if (filter.status) where.push(eq(users.status, filter.status));
  if (filter.after) where.push(gt(users.email, filter.after.email));
  const rows = await db
    .select({ user: users, participant: participantCols })
    .from(users)
    .innerJoin(participants, eq(users.participantId, participants.id))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.email))
    .limit(limit);
  return rows.map((r) => ({ ...r.user, participant: r.participant }));
}

/** Active administrators of a participant (to refuse removing the last one). */
export async function countActiveAdmins(db: Db, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .where(
      and(
        eq(users.participantId, participantId),
        eq(users.status, 'active'),
        sql`'admin' = any(${users.roles})`,
      ),
    );
  return row?.n ?? 0;
}

/** Whether the node has any active secretariat administrator. */
export async function hasPlatformAdmin(db: Db): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(users)
    .innerJoin(participants, eq(users.participantId, participants.id))
    .where(
      and(
        eq(participants.kind, 'secretariat'),
        eq(users.status, 'active'),
        sql`'admin' = any(${users.roles})`,
      ),
    );
  return (row?.n ?? 0) > 0;
}
