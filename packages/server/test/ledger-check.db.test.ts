import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, ESTONIA, login, type TestApp } from './support/app';
import { registerKey } from './support/app';
import { drainLedger } from './support/app';
import { dialectName } from './support/database';
import { checkLedger } from '../src/modules/ledger';

describe(`ledger check finds tampering (${dialectName})`, () => {
  let t: TestApp;
  /** The settled demo log's size (norms catalogue, key registrations, regime statements). */
  let base = 0;
  const settledSize = async (app: TestApp) => {
    await drainLedger(app.deps);
    return (await app.app.inject({ method: 'GET', url: '/api/v1/ledger' })).json<{
      size: number;
      pending: number;
    }>();
  };
  const exec = (q: string) => t.deps.database.db.execute(sql.raw(q));
  beforeAll(async () => {
    t = await createTestApp();
    const head = await settledSize(t);
    expect(head.pending).toBe(0);
    base = head.size;
    expect(base).toBeGreaterThan(8);
    const estonia = await login(t.app, ESTONIA);
    // The demo's entries + 14 more, in several batches: a tree with many levels.
    for (let i = 0; i < 14; i++) {
      await registerKey(t.app, estonia, `check-${i}`);
      if (i % 4 === 0) await drainLedger(t.deps);
    }
    await drainLedger(t.deps);
  });
  afterAll(() => t.close());

  it('passes an untouched log', async () => {
    const report = await checkLedger(t.deps.database.db);
    expect(report).toEqual({ ok: true, size: base + 14, problems: [] });
  });

  it('names an entry whose data was changed', async () => {
    const result: unknown = await exec(`select data from ledger_entries where idx = 7`);
    const original = result as { rows: { data: Uint8Array }[] };
    await exec(
      `update ledger_entries set data = convert_to('{"forged":true}', 'UTF8') where idx = 7`,
    );
    const report = await checkLedger(t.deps.database.db);
    expect(report.ok).toBe(false);
    expect(report.problems[0]).toMatchObject({ kind: 'entry', index: 7 });
    await t.deps.database.db.execute(
      sql`update ledger_entries set data = ${Buffer.from(original.rows[0]!.data)} where idx = 7`,
    );
    expect((await checkLedger(t.deps.database.db)).ok).toBe(true);
  });

  it('names a changed subtree hash (tile contents)', async () => {
    await exec(`update ledger_nodes set hash = sha256(hash) where level = 2 and idx = 1`);
    const report = await checkLedger(t.deps.database.db);
    expect(report.problems[0]).toMatchObject({ kind: 'node', level: 2, index: 1 });
    await exec(
      // sha256 is not invertible: recompute the node from its two children to restore it.
      `update ledger_nodes set hash = sha256('\\x01'::bytea || (select hash from ledger_nodes where level = 1 and idx = 2) || (select hash from ledger_nodes where level = 1 and idx = 3)) where level = 2 and idx = 1`,
    );
    expect((await checkLedger(t.deps.database.db)).ok).toBe(true);
  });

  it('names a changed checkpoint root or a forged note', async () => {
    const t2 = await createTestApp();
    try {
      // The checkpoint the settled demo log is signed under.
      const { size } = await settledSize(t2);
      await t2.deps.database.db.execute(
        sql.raw(`update ledger_checkpoints set root = sha256(root) where size = ${size}`),
      );
      const r1 = await checkLedger(t2.deps.database.db);
      expect(r1.problems.map((p) => p.kind)).toContain('checkpoint');
      expect(r1.problems.find((p) => p.kind === 'checkpoint')).toMatchObject({ size });
      await t2.deps.database.db.execute(
        sql.raw(
          `update ledger_checkpoints set note = replace(note, E'\\n0\\n', E'\\n1\\n') where size = 0`,
        ),
      );
      const r2 = await checkLedger(t2.deps.database.db);
      expect(r2.problems.some((p) => p.kind === 'checkpoint' && p.size === 0)).toBe(true);
    } finally {
      await t2.close();
    }
  });

  it('names a deleted entry', async () => {
    // The newest entry: no gap in the indices gives it away, only the checkpoint's size.
    const last = base + 14 - 1;
    await exec(`delete from ledger_entries where idx = ${last}`);
    const report = await checkLedger(t.deps.database.db);
    expect(report.problems[0]).toMatchObject({ kind: 'entry', index: last });
  });
});
