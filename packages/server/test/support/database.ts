/**
 * The database a test runs on: PGlite in memory by default, or a fresh PostgreSQL database
 * (created and dropped around the test file) when DATABASE_URL is set. One contract, two
 * implementations.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export const usingPostgres = Boolean(process.env.DATABASE_URL);
export const dialectName = usingPostgres ? 'postgres' : 'pglite';

export interface TestDatabase {
  database: Database;
  drop: () => Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'memory' });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: testUrl.toString() });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
