/**
 * `concord ledger check`: re-derives the whole log from the stored entries and compares every
 * stored leaf hash, subtree hash (the tiles' contents), checkpoint and the head with what the
 * entries imply, naming what does not match. Catches anyone who edits the database by hand.
 */
import { sql } from 'drizzle-orm';
import { bytesEqual, openCheckpoint, parseVerifierKey } from '@concord/ledger';
import type { Db } from '../../db/client';
import { leafHash, nodeHash } from './crypto';
import { perfectSubtrees, rootFromSubtrees } from './tree';
import { readEntryRange, readNodeRange, readNodes, readState } from './store';
import { ledgerCheckpoints } from '../../db/schema';
import { asc } from 'drizzle-orm';

export interface LedgerProblem {
  kind: 'entry' | 'node' | 'checkpoint' | 'state';
  index?: number;
  level?: number;
  size?: number;
  message: string;
}

export interface LedgerCheckReport {
  ok: boolean;
  size: number;
  problems: LedgerProblem[];
}

const CHUNK = 8192;
const MAX_PROBLEMS = 50;

export async function checkLedger(
  db: Db,
  options: { onProgress?: (done: number, total: number) => void } = {},
): Promise<LedgerCheckReport> {
  const problems: LedgerProblem[] = [];
  const report = (p: LedgerProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const state = await readState(db);
  if (!state)
    return {
      ok: false,
      size: 0,
      problems: [{ kind: 'state', message: 'the ledger has no head row' }],
    };
  const size = state.size;
  // Right edge of the recomputed tree: the hashes still waiting for a right sibling, per level.
  const pending = new Map<number, Uint8Array>();
  for (let start = 0; start < size; start += CHUNK) {
    const end = Math.min(size, start + CHUNK);
    const entries = await readEntryRange(db, start, end);
    const computed = new Map<number, Map<number, Uint8Array>>();
    const put = (level: number, idx: number, h: Uint8Array) => {
      let m = computed.get(level);
      if (!m) computed.set(level, (m = new Map<number, Uint8Array>()));
      m.set(idx, h);
    };
    let expected = start;
    for (const e of entries) {
      if (e.idx !== expected) {
        report({ kind: 'entry', index: expected, message: `entry ${expected} is missing` });
        expected = e.idx;
      }
      const h = leafHash(e.data);
      if (!bytesEqual(h, e.leafHash)) {
        report({
          kind: 'entry',
          index: e.idx,
          message: `entry ${e.idx}: its data does not hash to its stored leaf hash`,
        });
      }
      // RFC 9162 §2.1.1, as the sequencer builds it.
      let level = 0;
      let i = e.idx;
      let acc = h;
      put(level, i, acc);
      while (i % 2 === 1) {
        const left = pending.get(level);
        if (!left) break;
        acc = nodeHash(left, acc);
        pending.delete(level);
        level += 1;
        i = (i - 1) / 2;
        put(level, i, acc);
      }
      if (i % 2 === 0) pending.set(level, acc);
      expected = e.idx + 1;
    }
    if (expected < end)
      report({
        kind: 'entry',
        index: expected,
        message: `entries ${expected}…${end - 1} are missing`,
      });
    for (const [level, hashes] of [...computed].sort((a, b) => a[0] - b[0])) {
      const idxs = [...hashes.keys()];
      const lo = Math.min(...idxs);
      const hi = Math.max(...idxs);
      const stored = await readNodeRange(db, level, lo, hi + 1);
      idxs
        .sort((a, b) => a - b)
        .forEach((idx) => {
          const s = stored[idx - lo];
          if (!s)
            report({
              kind: 'node',
              level,
              index: idx,
              message: `subtree hash ${level}/${idx} is missing`,
            });
          else if (!bytesEqual(s, hashes.get(idx)!)) {
            report({
              kind: 'node',
              level,
              index: idx,
              message: `subtree hash ${level}/${idx} differs from the one its entries imply`,
            });
          }
        });
    }
    options.onProgress?.(end, size);
    if (problems.length >= MAX_PROBLEMS) break;
  }
  const counted: unknown = await db.execute(sql`select count(*)::int as n from ledger_nodes`);
  const [extra] = (counted as { rows: { n: number }[] }).rows;
  const expectedNodes = Array.from({ length: 64 }, (_, l) => Math.floor(size / 2 ** l)).reduce(
    (a, b) => a + b,
    0,
  );
  if (problems.length === 0 && Number(extra?.n) !== expectedNodes) {
    report({
      kind: 'node',
      message: `ledger_nodes has ${Number(extra?.n)} rows; a log of ${size} entries has ${expectedNodes}`,
    });
  }

  // Checkpoints: each root must follow from the (now checked) subtree hashes, and each note
  // must carry a valid signature of the log's key over exactly that size and root.
  const verifier = parseVerifierKey(state.verifierKey);
  // Roots are recomputed from the stored subtree hashes; once one of those is known to be
  // bad, every later root would differ too, so then only the signatures are checked.
  const nodesTrusted = !problems.some((p) => p.kind === 'node' || p.kind === 'entry');
  const checkpoints = await db
    .select()
    .from(ledgerCheckpoints)
    .orderBy(asc(ledgerCheckpoints.size));
  for (const cp of checkpoints) {
    if (cp.size > size) {
      report({
        kind: 'checkpoint',
        size: cp.size,
        message: `checkpoint ${cp.size} is beyond the head (${size})`,
      });
      continue;
    }
    const refs = perfectSubtrees(0, cp.size);
    const nodes = await readNodes(db, refs);
    const root =
      cp.size === 0
        ? state.size === 0
          ? state.root
          : cp.root
        : rootFromSubtrees(refs.map((r) => nodes.get(`${r.level}/${r.idx}`) ?? new Uint8Array(32)));
    if (nodesTrusted && !bytesEqual(root, cp.root)) {
      report({
        kind: 'checkpoint',
        size: cp.size,
        message: `checkpoint ${cp.size}: stored root differs from the tree's`,
      });
    }
    try {
      const { checkpoint } = openCheckpoint(cp.note, [verifier], state.origin);
      if (
        checkpoint.size !== BigInt(cp.size) ||
        !bytesEqual(checkpoint.root, nodesTrusted ? root : cp.root)
      ) {
        report({
          kind: 'checkpoint',
          size: cp.size,
          message: `checkpoint ${cp.size}: the signed note names another size or root`,
        });
      }
    } catch (err) {
      report({
        kind: 'checkpoint',
        size: cp.size,
        message: `checkpoint ${cp.size}: ${(err as Error).message}`,
      });
    }
  }
  const last = checkpoints[checkpoints.length - 1];
  if (!last || last.size !== size || !bytesEqual(last.root, state.root)) {
    report({ kind: 'state', message: 'the head does not match the latest checkpoint' });
  }
  return { ok: problems.length === 0, size, problems };
}
