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

export async function enqueue(db: Db, row: NewQueueRow): Promise<number> {
  const [r] = await db.insert(ledgerQueue).values(row).returning({ id: ledgerQueue.id });
  if (!r) throw new Error('enqueue returned no row');
  return r.id;
}

export async function takeQueue(db: Db, limit: number): Promise<QueueRow[]> {
  return db.select().from(ledgerQueue).orderBy(asc(ledgerQueue.id)).limit(limit);
}

export async function queueLength(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerQueue);
  return r?.n ?? 0;
}

export type NewEntry = Omit<EntryRow, 'loggedAt'>;
export interface NodeRow {
  level: number;
  idx: number;
  hash: Uint8Array;
}

export interface BatchWrite {
  /** The head the batch extends. */
  previous: { size: number; root: Uint8Array };
  entries: NewEntry[];
  nodes: NodeRow[];
  checkpoint: { size: number; root: Uint8Array; note: string };
  /** Queue rows the batch logged. */
  dequeue: number[];
  at: Date;
}

const bytes = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Writes one batch with a single statement, which PostgreSQL runs as one transaction: the
 * entries, the subtree hashes, the checkpoint, the queue deletions and the new head. Every
 * write hangs off the compare-and-swap of the head (`head` below), so when the head is no
 * longer `previous` — another sequencer got there first — nothing at all is written and this
 * returns false. Concurrent batches serialise on the head row's lock. The rows travel as one
 * array per column (unnest): one parse and plan whatever the batch size.
 */
export async function writeBatch(db: Db, batch: BatchWrite): Promise<boolean> {
  const e = batch.entries;
  const n = batch.nodes;
  const col = <T>(f: (r: NewEntry) => T) => sql.param(e.map(f));
  // Bytes travel as one binary parameter per kind (data, leaf hashes, node hashes) cut with
  // substring, not as bytea[] literals that would be hex-encoded here and decoded there.
  const offsets: number[] = [];
  let offset = 1;
  for (const r of e) {
    offsets.push(offset);
    offset += r.data.length;
  }
  const data = Buffer.concat(e.map((r) => r.data));
  const leafHashes = Buffer.concat(e.map((r) => r.leafHash));
  const nodeHashes = Buffer.concat(n.map((x) => x.hash));
  const { checkpoint: cp, previous, at } = batch;
  const result = await db.execute(sql`
    with head as (
      update ledger_state
      set size = ${cp.size}::int8, root = ${bytes(cp.root)}::bytea, updated_at = ${at}::timestamptz
      where id = 1 and size = ${previous.size}::int8 and root = ${bytes(previous.root)}::bytea
      returning size
    ), entries as (
      insert into ledger_entries (idx, leaf_hash, data, kind, payload_type, participant_id,
                                  key_id, subject_type, subject_id, queue_id, logged_at)
      select r.idx, substring(${leafHashes}::bytea from (r.n::int4 - 1) * 32 + 1 for 32),
             substring(${data}::bytea from r.off for r.len), r.kind, r.payload_type,
             r.participant_id, r.key_id, r.subject_type, r.subject_id, r.queue_id,
             ${at}::timestamptz
      from head, unnest(${col((r) => r.idx)}::int8[], ${sql.param(offsets)}::int4[],
                        ${col((r) => r.data.length)}::int4[], ${col((r) => r.kind)}::text[],
                        ${col((r) => r.payloadType)}::text[], ${col((r) => r.participantId)}::uuid[],
                        ${col((r) => r.keyId)}::text[], ${col((r) => r.subjectType)}::text[],
                        ${col((r) => r.subjectId)}::text[], ${col((r) => r.queueId)}::int8[])
                 with ordinality as r(idx, off, len, kind, payload_type, participant_id, key_id,
                                      subject_type, subject_id, queue_id, n)
    ), nodes as (
      insert into ledger_nodes (level, idx, hash)
      select r.level, r.idx, substring(${nodeHashes}::bytea from (r.n::int4 - 1) * 32 + 1 for 32)
      from head, unnest(${sql.param(n.map((x) => x.level))}::int4[],
                        ${sql.param(n.map((x) => x.idx))}::int8[])
                 with ordinality as r(level, idx, n)
    ), checkpoint as (
      insert into ledger_checkpoints (size, root, note, created_at)
      select head.size, ${bytes(cp.root)}::bytea, ${cp.note}, ${at}::timestamptz from head
    ), dequeued as (
      delete from ledger_queue
      where id = any(${sql.param(batch.dequeue)}::int8[]) and exists (select from head)
    )
    select count(*)::int as n from head`);
  const rows = (result as { rows: { n: number }[] }).rows;
  return rows[0]?.n === 1;
}

export async function insertCheckpoint(
  db: Db,
  row: Omit<CheckpointRow, 'cosignatures'>,
): Promise<void> {
  await db.insert(ledgerCheckpoints).values(row);
}

/**
 * The hashes of the given nodes. A named prepared statement with the nodes as two arrays:
 * proofs call this once per request, and one fixed statement saves the parse and plan that a
 * list of ~2·log2(n) parameters would cost each time.
 */
const nodesStatement = new WeakMap<Db, ReturnType<typeof prepareReadNodes>>();
const prepareReadNodes = (db: Db) =>
  db
    .select()
    .from(ledgerNodes)
    .where(
      sql`(${ledgerNodes.level}, ${ledgerNodes.idx}) in (select * from unnest(${sql.placeholder('levels')}::int4[], ${sql.placeholder('idxs')}::int8[]))`,
    )
    .prepare('ledger_read_nodes');

export async function readNodes(
  db: Db,
  nodes: { level: number; idx: number }[],
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  if (nodes.length === 0) return out;
  let statement = nodesStatement.get(db);
  if (!statement) {
    statement = prepareReadNodes(db);
    nodesStatement.set(db, statement);
  }
  const rows = await statement.execute({
    levels: nodes.map((n) => n.level),
    idxs: nodes.map((n) => n.idx),
  });
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
