import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, count, type TestApp } from './support/app';
import { dialectName } from './support/database';
import { checkLedger, Sequencer } from '../src/modules/ledger';
import { appendNodeStatement, recordNodeStatement } from '../src/modules/ledger/service';
import type { Deps } from '../src/deps';

describe(`the sequencer loop (${dialectName})`, () => {
  let t: TestApp;
  let sequencer: Sequencer;
  let live: Deps;
  beforeAll(async () => {
    t = await createTestApp();
    sequencer = new Sequencer(t.deps, { batchMs: 20 });
    live = { ...t.deps, ledger: sequencer };
    sequencer.start();
  });
  afterAll(async () => {
    await sequencer.stop();
    await t.close();
  });

  it('acknowledges concurrent direct appends with distinct indices only after they are durable', async () => {
    const indices = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendNodeStatement(live, 'application/vnd.concord.test+json', { i }),
      ),
    );
    expect(new Set(indices).size).toBe(40);
    for (const idx of indices) {
      expect(await count(t.deps, 'ledger_entries', `idx = ${idx}`)).toBe(1);
    }
    expect((await checkLedger(t.deps.database.db)).ok).toBe(true);
  });

  it('gives transactional submitters their index after their transaction and the batch commit', async () => {
    const pendings = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        t.deps.database.transaction((tx) =>
          recordNodeStatement(tx, live, 'application/vnd.concord.test+json', { tx: i }),
        ),
      ),
    );
    const indices = await Promise.all(pendings.map((p) => sequencer.indexOf(p.queueId, 10_000)));
    expect(new Set(indices).size).toBe(10);
    expect(await count(t.deps, 'ledger_queue')).toBe(0);
  });

  it('logs nothing for a submission whose transaction rolled back', async () => {
    const before = await count(t.deps, 'ledger_entries');
    await expect(
      t.deps.database.transaction(async (tx) => {
        await recordNodeStatement(tx, live, 'application/vnd.concord.test+json', { doomed: true });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    sequencer.wake();
    await new Promise((r) => setTimeout(r, 100));
    expect(await count(t.deps, 'ledger_entries')).toBe(before);
  });
});
