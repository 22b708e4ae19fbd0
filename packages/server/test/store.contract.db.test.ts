/**
 * The store contract: what every module relies on from the database, run against PGlite
 * always and against PostgreSQL when DATABASE_URL is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, dialectName, type TestDatabase } from './support/database';
import { joinTransaction } from '../src/db/client';
import { sqlState } from '../src/db/errors';
import {
  insertParticipant,
  findParticipant,
  countParticipants,
} from '../src/modules/participants/store';
import { insertAuditEvent, listAuditEvents } from '../src/modules/audit/store';
import { hitRateLimit } from '../src/modules/auth/store';
import { insertUser, findUserByEmail } from '../src/modules/users/store';
import { randomUUID } from 'node:crypto';

const now = new Date('2026-03-04T05:06:07.891Z');
const participant = (name: string, extra: object = {}) => ({
  id: randomUUID(),
  name,
  kind: 'cert',
  countryCode: null,
  createdAt: now,
  updatedAt: now,
  ...extra,
});
const audit = (action: string, subjectId: string) => ({
  occurredAt: now,
  actorLabel: 'contract-test',
  via: 'system',
  action,
  subjectType: 'participant',
  subjectId,
});

describe(`store contract (${dialectName})`, () => {
  let tdb: TestDatabase;
  beforeAll(async () => {
    tdb = await createTestDatabase();
  });
  afterAll(() => tdb.drop());
  const db = () => tdb.database.db;

  it('applies migrations idempotently', async () => {
    await tdb.database.migrate();
    await tdb.database.migrate();
    expect(await countParticipants(db())).toBe(0);
  });

  it('round-trips rows, timestamps (ms, UTC) and arrays', async () => {
    const p = participant('Roundtrip CERT');
    await insertParticipant(db(), p);
    const got = await findParticipant(db(), p.id);
    expect(got?.createdAt.toISOString()).toBe(now.toISOString());
    expect(got?.userCount).toBe(0);
    await insertUser(db(), {
      id: randomUUID(),
      participantId: p.id,
      email: 'rt@example.org',
      displayName: 'RT',
      roles: ['analyst', 'observer'],
      createdAt: now,
      updatedAt: now,
    });
    expect((await findUserByEmail(db(), 'RT@example.org'))?.roles).toEqual(['analyst', 'observer']);
  });

  it('returns int8 values as JS numbers on both drivers', async () => {
    const p = participant('Int8 CERT');
    await insertParticipant(db(), p);
    await insertAuditEvent(db(), audit('contract.int8', p.id));
    const [row] = await listAuditEvents(db(), { action: 'contract.int8' }, 1);
    expect(typeof row?.id).toBe('number');
    const r = await db().execute(sql`select count(*) as n from participants`);
    expect(typeof (r as { rows: { n: unknown }[] }).rows[0]?.n).toBe('number');
  });

  it('enforces the schema constraints with SQLSTATEs the services map', async () => {
    const stateWithoutCode = insertParticipant(db(), participant('Stateless', { kind: 'state' }));
    await expect(stateWithoutCode).rejects.toSatisfy((e: unknown) => sqlState(e) === '23514');
    const badKind = insertParticipant(db(), participant('Odd', { kind: 'planet' }));
    await expect(badKind).rejects.toSatisfy((e: unknown) => sqlState(e) === '23514');
    await insertParticipant(db(), participant('Unique Name'));
    await expect(insertParticipant(db(), participant('UNIQUE name'))).rejects.toSatisfy(
      (e: unknown) => sqlState(e) === '23505',
    );
  });

  it('rolls back the whole transaction when any statement fails', async () => {
    const p = participant('Rolled Back');
    await expect(
      tdb.database.transaction(async (tx) => {
        await insertParticipant(tx, p);
        await insertAuditEvent(tx, audit('contract.rollback', p.id));
        throw new Error('fail after both writes');
      }),
    ).rejects.toThrow('fail after both writes');
    expect(await findParticipant(db(), p.id)).toBeNull();
    expect(await listAuditEvents(db(), { action: 'contract.rollback' }, 10)).toEqual([]);
  });

  it('joins an outer transaction: inner service transactions commit or roll back with it', async () => {
    const a = participant('Outer A');
    const b = participant('Outer B');
    await expect(
      tdb.database.transaction(async (tx) => {
        const inner = joinTransaction(tdb.database, tx);
        await inner.transaction(async (t2) => insertParticipant(t2, a));
        await inner.transaction(async (t2) => insertParticipant(t2, b));
        throw new Error('outer fails');
      }),
    ).rejects.toThrow('outer fails');
    expect(await findParticipant(db(), a.id)).toBeNull();
    expect(await findParticipant(db(), b.id)).toBeNull();
  });

  it('keeps concurrent transactions apart: one failure does not touch the others', async () => {
    const ids = Array.from({ length: 12 }, () => randomUUID());
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        tdb.database.transaction(async (tx) => {
          await insertParticipant(tx, { ...participant(`Concurrent ${i}`), id });
          await new Promise((r) => setTimeout(r, (i * 7) % 20));
          if (i === 5) throw new Error('the sixth fails');
          await insertAuditEvent(tx, audit('contract.concurrent', id));
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    const events = await listAuditEvents(db(), { action: 'contract.concurrent' }, 100);
    expect(events).toHaveLength(11);
    for (const [i, id] of ids.entries()) {
      expect((await findParticipant(db(), id)) !== null).toBe(i !== 5);
    }
  });

  it('counts rate-limit hits atomically under concurrency', async () => {
    const window = new Date('2026-01-01T00:00:00Z');
    const counts = await Promise.all(
      Array.from({ length: 20 }, () =>
        tdb.database.transaction((tx) => hitRateLimit(tx, 'contract:ip', window)),
      ),
    );
    expect([...counts].sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
