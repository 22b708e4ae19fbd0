/** SQL for the transparency log. Sizes and indices are JS numbers (exact below 2^53). */
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import {
  ledgerCheckpoints,
  ledgerEntries,
  ledgerNodes,
  ledgerQueue,
  ledgerState,
} from '../../db/schema';

export type LedgerStateRow = typeof ledgerState.$inferSelect;
export type QueueRow = typeof ledgerQueue.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;
export type CheckpointRow = typeof ledgerCheckpoints.$inferSelect;
export type NewQueueRow = typeof ledgerQueue.$inferInsert;

export async function readState(db: Db, forUpdate = false): Promise<LedgerStateRow | null> {
  const q = db.select().from(ledgerState).where(eq(ledgerState.id, 1));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row ?? null;
}

export async function initState(db: Db, row: Omit<LedgerStateRow, 'id'>): Promise<void> {
  await db
    .insert(ledgerState)
    .values({ id: 1, ...row })
    .onConflictDoNothing();
}

export async function writeState(db: Db, size: number, root: Uint8Array, at: Date): Promise<void> {
  await db.update(ledgerState).set({ size, root, updatedAt: at }).where(eq(ledgerState.id, 1));
}

export async function enqueue(db: Db, row: NewQueueRow): Promise<number> {
  const [r] = await db.insert(ledgerQueue).values(row).returning({ id: ledgerQueue.id });
  if (!r) throw new Error('enqueue returned no row');
  return r.id;
}

export async function takeQueue(db: Db, limit: number): Promise<QueueRow[]> {
  return db.select().from(ledgerQueue).orderBy(asc(ledgerQueue.id)).limit(limit);
}

export async function deleteQueued(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.delete(ledgerQueue).where(inArray(ledgerQueue.id, ids));
}

export async function queueLength(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerQueue);
  return r?.n ?? 0;
}

/** Multi-row inserts, chunked to stay under the 65,535 bind-parameter limit. */
async function insertChunked<T>(
  rows: T[],
  perChunk: number,
  insert: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += perChunk) await insert(rows.slice(i, i + perChunk));
}

export async function insertEntries(db: Db, rows: EntryRow[]): Promise<void> {
  await insertChunked(rows, 5000, (chunk) => db.insert(ledgerEntries).values(chunk));
}

export async function insertNodes(
  db: Db,
  rows: { level: number; idx: number; hash: Uint8Array }[],
): Promise<void> {
  await insertChunked(rows, 15000, (chunk) => db.insert(ledgerNodes).values(chunk));
}

export async function insertCheckpoint(
  db: Db,
  row: Omit<CheckpointRow, 'cosignatures'>,
): Promise<void> {
  await db.insert(ledgerCheckpoints).values(row);
}

export async function readNodes(
  db: Db,
  nodes: { level: number; idx: number }[],
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (nodes.length === 0) return out;
  const pairs = sql.join(
    nodes.map((n) => sql`(${n.level}::int, ${n.idx}::int8)`),
    sql`, `,
  );
  const rows = await db
    .select()
    .from(ledgerNodes)
    .where(sql`(${ledgerNodes.level}, ${ledgerNodes.idx}) in (${pairs})`);
  for (const r of rows) out.set(`${r.level}/${r.idx}`, r.hash);
  return out;
}

/** Hashes at one level from `start` (inclusive) to `end` (exclusive), in order: a tile's body. */
export async function readNodeRange(
  db: Db,
  level: number,
  start: number,
  end: number,
): Promise<Uint8Array[]> {
  const rows = await db
    .select({ hash: ledgerNodes.hash })
    .from(ledgerNodes)
    .where(and(eq(ledgerNodes.level, level), gte(ledgerNodes.idx, start), lt(ledgerNodes.idx, end)))
    .orderBy(asc(ledgerNodes.idx));
  return rows.map((r) => r.hash);
}

export async function readEntryRange(db: Db, start: number, end: number): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(gte(ledgerEntries.idx, start), lt(ledgerEntries.idx, end)))
    .orderBy(asc(ledgerEntries.idx));
}

export async function readEntry(db: Db, idx: number): Promise<EntryRow | null> {
  const [row] = await db.select().from(ledgerEntries).where(eq(ledgerEntries.idx, idx)).limit(1);
  return row ?? null;
}

export async function entryByQueueId(db: Db, queueId: number): Promise<number | null> {
  const [row] = await db
    .select({ idx: ledgerEntries.idx })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.queueId, queueId))
    .limit(1);
  return row?.idx ?? null;
}

export async function recentEntries(
  db: Db,
  before: number | null,
  limit: number,
): Promise<EntryRow[]> {
  return db
    .select()
    .from(ledgerEntries)
    .where(before === null ? undefined : lt(ledgerEntries.idx, before))
    .orderBy(desc(ledgerEntries.idx))
    .limit(limit);
}

export async function latestCheckpoint(db: Db): Promise<CheckpointRow | null> {
  const [row] = await db
    .select()
    .from(ledgerCheckpoints)
    .orderBy(desc(ledgerCheckpoints.size))
    .limit(1);
  return row ?? null;
}

export async function checkpointAt(db: Db, size: number): Promise<CheckpointRow | null> {
  const [row] = await db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.size, size))
    .limit(1);
  return row ?? null;
}

export async function addCosignatures(db: Db, size: number, lines: string): Promise<void> {
  await db
    .update(ledgerCheckpoints)
    .set({ cosignatures: sql`${ledgerCheckpoints.cosignatures} || ${lines}` })
    .where(eq(ledgerCheckpoints.size, size));
}

export async function entriesByQueueIds(db: Db, queueIds: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (queueIds.length === 0) return out;
  const rows = await db
    .select({ idx: ledgerEntries.idx, queueId: ledgerEntries.queueId })
    .from(ledgerEntries)
    .where(inArray(ledgerEntries.queueId, queueIds));
  for (const r of rows) if (r.queueId !== null) out.set(r.queueId, r.idx);
  return out;
}
