import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyInclusion, leafHash } from '@concord/ledger';
import { createTestApp, type TestApp } from './support/app';
import { dialectName } from './support/database';
import { loadFrontier, sequenceBatch } from '../src/modules/ledger';
import { NodeCache } from '../src/modules/ledger/node-cache';
import { consistencyProof, inclusionProof } from '../src/modules/ledger/proofs';
import { readEntry, readState } from '../src/modules/ledger/store';

const hex = (hs: Uint8Array[]) => hs.map((h) => Buffer.from(h).toString('hex'));

describe(`the in-memory node cache behind proofs (${dialectName})`, () => {
  let t: TestApp;
  const grow = async (n: number) => {
    const frontier = await loadFrontier(t.deps.database.db, t.deps.log);
    const direct = Array.from({ length: n }, (_, i) => ({
      data: Buffer.from(`{"cache":${frontier.size + i}}`),
      kind: 'statement' as const,
      payloadType: 'application/vnd.concord.test+json',
    }));
    await sequenceBatch(t.deps, t.deps.log, { direct, takeQueue: false, frontier });
    return (await readState(t.deps.database.db))!;
  };
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('answers every proof exactly as the database does, and follows the log as it grows', async () => {
    const db = t.deps.database.db;
    const cache = new NodeCache(db, 64 * 1024 * 1024);
    let state = await grow(1000);
    for (const round of [0, 1]) {
      const size = state.size;
      for (const index of [0, 1, 2, 511, 512, 777, size - 2, size - 1]) {
        const fromCache = await inclusionProof(db, index, size, cache);
        expect(hex(fromCache)).toEqual(hex(await inclusionProof(db, index, size)));
        const entry = await readEntry(db, index);
        // Throws unless the proof leads from the entry to the head's root.
        verifyInclusion(leafHash(entry!.data), BigInt(index), BigInt(size), fromCache, state.root);
      }
      for (const from of [1, 7, 256, size - 1]) {
        expect(hex(await consistencyProof(db, from, size, cache))).toEqual(
          hex(await consistencyProof(db, from, size)),
        );
      }
      expect(cache.size).toBe(size);
      if (round === 0) state = await grow(333);
    }
  });

  it('declines a log over its budget, and proofs then come from the database', async () => {
    const db = t.deps.database.db;
    const state = await readState(db);
    const small = new NodeCache(db, 1024);
    expect(small.fits(state!.size)).toBe(false);
    expect(await small.ensure(state!.size)).toBe(false);
    expect(small.size).toBe(0);
    expect(hex(await inclusionProof(db, 5, state!.size, small))).toEqual(
      hex(await inclusionProof(db, 5, state!.size)),
    );
    expect(small.get(0, 5)).toBeUndefined();
  });
});
