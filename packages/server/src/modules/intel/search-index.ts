/**
 * The background full-text indexer (see intelSearch in db/tables/intel.ts): moves queued
 * search text from `intel_search_pending` into the GIN-indexed `intel_search`, a batch per
 * transaction. Rows are claimed with FOR UPDATE SKIP LOCKED, so every server process (and a
 * console import) may run it at once without doing the same work twice; the move is one
 * statement, so a version is in exactly one of the two tables at every moment.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';

export const INDEX_BATCH = 5_000;

interface Database {
  db: Db;
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
}

/** Indexes up to `limit` queued versions (the oldest first); returns how many. */
export async function indexPendingSearch(
  database: Database,
  limit: number = INDEX_BATCH,
): Promise<number> {
  return database.transaction(async (tx) => {
    const res = await tx.execute(sql`
      with moved as (
        delete from intel_search_pending
        where seq in (select seq from intel_search_pending order by seq
                      limit ${limit} for update skip locked)
        returning seq, search_text
      ),
      indexed as (
        insert into intel_search (seq, document)
        select seq, to_tsvector('simple'::regconfig, search_text) from moved
        on conflict (seq) do nothing
        returning 1
      )
      select count(*)::int8 as n from moved`);
    return Number((res as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
  });
}

/** How many versions wait to be indexed. */
export async function pendingSearchCount(db: Db): Promise<number> {
  const res = await db.execute(sql`select count(*)::int8 as n from intel_search_pending`);
  return Number((res as { rows: { n: number | string }[] }).rows[0]?.n ?? 0);
}

/**
 * After this many rows have left the queue, drainSearchIndex vacuums it: a queue is a table
 * of dead rows, and a server may run with autovacuum off or behind (this machine's does).
 */
const VACUUM_AFTER = 50_000;

/** Indexes until the queue is empty; returns how many versions it indexed. */
export async function drainSearchIndex(
  database: Database,
  onProgress?: (indexed: number) => void,
): Promise<number> {
  let total = 0;
  let sinceVacuum = 0;
  for (;;) {
    const n = await indexPendingSearch(database);
    if (n === 0) break;
    total += n;
    sinceVacuum += n;
    onProgress?.(total);
    if (sinceVacuum >= VACUUM_AFTER) {
      await vacuumQueue(database.db);
      sinceVacuum = 0;
    }
  }
  if (sinceVacuum >= INDEX_BATCH) await vacuumQueue(database.db);
  return total;
}

async function vacuumQueue(db: Db): Promise<void> {
  // VACUUM cannot run inside a transaction block: this is a statement of its own.
  await db.execute(sql`vacuum intel_search_pending`);
}
