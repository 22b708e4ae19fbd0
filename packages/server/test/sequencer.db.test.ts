import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, count, type TestApp } from './support/app';
import { dialectName } from './support/database';
import { checkLedger, loadFrontier, sequenceBatch, Sequencer } from '../src/modules/ledger';
import { readEntry, writeBatch } from '../src/modules/ledger/store';
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

  it('writes nothing from a batch built on a head that has moved, and rebuilds it on the new one', async () => {
    const stale = await loadFrontier(t.deps.database.db, t.deps.log);
    const entry = (n: number) => ({
      data: Buffer.from(`{"stale":${n}}`),
      kind: 'statement' as const,
      payloadType: 'application/vnd.concord.test+json',
    });
    // Another sequencer moves the head after `stale` was read.
    const moved = await sequenceBatch(t.deps, t.deps.log, { direct: [entry(1)], takeQueue: false });
    expect(moved?.size).toBe(stale.size + 1);
    const tables = ['ledger_entries', 'ledger_nodes', 'ledger_checkpoints', 'ledger_queue'];
    const counts = async () => Promise.all(tables.map((name) => count(t.deps, name)));
    const before = await counts();
    // The write itself refuses: every row hangs off the compare-and-swap of the head.
    const refused = await writeBatch(t.deps.database.db, {
      previous: { size: stale.size, root: stale.root },
      entries: [
        {
          idx: stale.size,
          leafHash: new Uint8Array(32),
          data: Buffer.from('{"stale":2}'),
          kind: 'statement',
          payloadType: 'application/vnd.concord.test+json',
          participantId: null,
          keyId: null,
          subjectType: null,
          subjectId: null,
          queueId: null,
        },
      ],
      nodes: [{ level: 0, idx: stale.size + 5, hash: new Uint8Array(32) }],
      checkpoint: { size: stale.size + 7, root: new Uint8Array(32), note: 'forged\n' },
      dequeue: [],
      at: new Date(),
    });
    expect(refused).toBe(false);
    expect(await counts()).toEqual(before);
    // The sequencer, given the stale frontier, rebuilds on the moved head.
    const batch = await sequenceBatch(t.deps, t.deps.log, {
      direct: [entry(2)],
      takeQueue: false,
      frontier: stale,
    });
    expect(batch?.directIndices).toEqual([stale.size + 1]);
    const first = await readEntry(t.deps.database.db, stale.size);
    expect(Buffer.from(first!.data).toString()).toBe('{"stale":1}');
    expect((await checkLedger(t.deps.database.db)).ok).toBe(true);
  });

  it('keeps one log when two sequencers (two processes) append at once', async () => {
    const other = new Sequencer(t.deps, { batchMs: 20 });
    other.start();
    try {
      const write = (s: Sequencer, who: string, n: number) =>
        Promise.all(
          Array.from({ length: n }, (_, i) =>
            s
              .append({
                data: Buffer.from(`{"who":"${who}","i":${i}}`),
                kind: 'statement',
                payloadType: 'application/vnd.concord.test+json',
              })
              .then((idx) => ({ idx, data: `{"who":"${who}","i":${i}}` })),
          ),
        );
      const acks = (
        await Promise.all([
          write(sequencer, 'a', 60),
          write(other, 'b', 60),
          write(sequencer, 'c', 60),
          write(other, 'd', 60),
        ])
      ).flat();
      expect(new Set(acks.map((a) => a.idx)).size).toBe(acks.length);
      for (const a of acks.filter((_, i) => i % 17 === 0)) {
        const row = await readEntry(t.deps.database.db, a.idx);
        expect(Buffer.from(row!.data).toString()).toBe(a.data);
      }
      const report = await checkLedger(t.deps.database.db);
      expect(report.ok).toBe(true);
    } finally {
      await other.stop();
    }
  });
});
