/**
 * Opens the database: PGlite (embedded, file-backed or in memory) or PostgreSQL
 * (`DATABASE_URL`). Both run the same schema and the same migrations.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema';
import { lockDataDir, type DataDirLock } from './lock';

export type Schema = typeof schema;
/** A database handle or an open transaction: stores accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../drizzle',
);

/** An arbitrary constant: the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK_KEY = 724_001_1;

export type DatabaseTarget =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string } | { kind: 'memory' };

export interface Database {
  readonly db: Db;
  readonly dialect: 'pglite' | 'postgres';
  readonly description: string;
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 (count(*), bigint ids) as a JS number rather than a string. Ids and counts stay
// far below 2^53; values that would not are never stored as int8 by Concord.
pg.types.setTypeParser(20, (v) => Number(v));

export function targetFromConfig(config: {
  databaseUrl: string | null;
  dataDir: string;
}): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: config.dataDir };
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') return Promise.resolve(openPostgres(target.url));
  return openPglite(target);
}

async function openPglite(
  target: { kind: 'pglite'; dataDir: string } | { kind: 'memory' },
): Promise<Database> {
  let lock: DataDirLock | null = null;
  let client: PGlite;
  if (target.kind === 'pglite') {
    lock = lockDataDir(target.dataDir);
    try {
      client = await PGlite.create(path.join(target.dataDir, 'pgdata'));
    } catch (err) {
      lock.release();
      throw err;
    }
  } else {
    client = await PGlite.create();
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    dialect: 'pglite',
    description:
      target.kind === 'pglite' ? `embedded database in ${target.dataDir}` : 'in-memory database',
    transaction: (fn) => db.transaction(fn),
    migrate: async () => {
      await migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    },
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  const redacted = (() => {
    try {
      const u = new URL(url);
      if (u.password) u.password = '***';
      return u.toString();
    } catch {
      return 'postgres';
    }
  })();
  return {
    db,
    dialect: 'postgres',
    description: `PostgreSQL at ${redacted}`,
    transaction: (fn) => db.transaction(fn),
    migrate: async () => {
      // Several processes may start at once: one migrates, the others wait and then find
      // nothing left to do.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await client
          .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
          .catch(() => undefined);
        await client.end();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * A view of `parent` bound to an open transaction: services called with it join that
 * transaction (their own `transaction()` becomes a savepoint), so several service calls
 * commit or roll back together.
 */
export function joinTransaction(parent: Database, tx: Db): Database {
  return {
    db: tx,
    dialect: parent.dialect,
    description: parent.description,
    transaction: (fn) => tx.transaction(fn),
    migrate: () => Promise.reject(new Error('cannot migrate inside a transaction')),
    ping: () => parent.ping(),
    close: () => Promise.resolve(),
  };
}

/**
 * The node-postgres connection that runs `tx`, when `tx` is a transaction on PostgreSQL; null
 * on PGlite and outside a transaction. For what drizzle cannot express, such as COPY FROM
 * STDIN (modules/intel/store-write.ts). It reads drizzle's session; if a drizzle release
 * moves it, this returns null and callers take their portable path (a test checks that the
 * connection is found).
 */
export function pgConnectionOf(tx: Db): pg.ClientBase | null {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : null;
}
