import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { participantKeys } from '../../db/schema';

export type KeyRow = typeof participantKeys.$inferSelect;

export async function insertKey(db: Db, row: typeof participantKeys.$inferInsert): Promise<void> {
  await db.insert(participantKeys).values(row);
}

export async function listKeys(db: Db, participantId: string): Promise<KeyRow[]> {
  return db
    .select()
    .from(participantKeys)
    .where(eq(participantKeys.participantId, participantId))
    .orderBy(asc(participantKeys.createdAt), asc(participantKeys.id));
}

export async function findKey(db: Db, participantId: string, id: string): Promise<KeyRow | null> {
  const [row] = await db
    .select()
    .from(participantKeys)
    .where(and(eq(participantKeys.participantId, participantId), eq(participantKeys.id, id)))
    .limit(1);
  return row ?? null;
}

export async function revokeKey(db: Db, id: string, at: Date, reason: string): Promise<boolean> {
  const rows = await db
    .update(participantKeys)
    .set({ status: 'revoked', revokedAt: at, revokedReason: reason })
    .where(and(eq(participantKeys.id, id), isNull(participantKeys.revokedAt)))
    .returning({ id: participantKeys.id });
  return rows.length > 0;
}
