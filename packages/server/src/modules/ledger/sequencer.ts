/**
 * The sequencer: moves committed submissions from the queue into the log. One batch is one
 * transaction that writes the entries, every perfect-subtree hash they complete (the tiles'
 * contents), the signed checkpoint and the new head — and only after it commits are the
 * submitters told their indices. An advisory lock and the head row lock make sure only one
 * sequencer extends the log at a time, whichever process it runs in; the primary keys on
 * entry index and checkpoint size would refuse a fork even if that failed.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { DomainError } from '../../errors';
import type { LogIdentity } from './identity';
import { checkpointNote, leafHash, nodeHash } from './crypto';
import { perfectSubtrees, rootFromSubtrees } from './tree';
import {
  deleteQueued,
  insertCheckpoint,
  insertEntries,
  insertNodes,
  readNodes,
  readState,
  takeQueue,
  writeState,
  type EntryRow,
} from './store';

/** An arbitrary constant naming the log's sequencing lock. */
export const SEQUENCER_LOCK_KEY = 724_001_3;
export const DEFAULT_BATCH_LIMIT = 4096;

export interface SequencedBatch {
  size: number;
  root: Uint8Array;
  /** queue id → log index */
  indices: Map<number, number>;
  /** log indices of the direct entries, in the order given */
  directIndices: number[];
}

/** An entry handed straight to the sequencer (no caller transaction, no queue row). */
export interface DirectEntry {
  data: Uint8Array;
  kind: 'statement' | 'commitment';
  payloadType: string;
  participantId?: string | null;
  keyId?: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
}

const key = (level: number, idx: number) => `${level}/${idx}`;

export async function sequenceBatch(
  deps: Deps,
  identity: LogIdentity,
  limit = DEFAULT_BATCH_LIMIT,
  direct: DirectEntry[] = [],
): Promise<SequencedBatch | null> {
  return deps.database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY})`);
    const state = await readState(tx, true);
    if (!state)
      throw new DomainError('LEDGER_NOT_INITIALISED', 'The ledger has not been initialised');
    if (state.origin !== identity.origin || state.verifierKey !== identity.verifierKey) {
      throw new DomainError(
        'LEDGER_KEY_MISMATCH',
        `This process's log key or origin (${identity.verifierKey}) differs from the log's (${state.verifierKey}); refusing to sequence`,
      );
    }
    const fromQueue = await takeQueue(tx, limit);
    if (fromQueue.length === 0 && direct.length === 0) return null;
    const queued = [
      ...fromQueue,
      ...direct.map((d) => ({
        id: null,
        data: d.data,
        kind: d.kind,
        payloadType: d.payloadType,
        participantId: d.participantId ?? null,
        keyId: d.keyId ?? null,
        subjectType: d.subjectType ?? null,
        subjectId: d.subjectId ?? null,
      })),
    ];
    const directIndices: number[] = [];

    // Left siblings of everything the batch will complete: the current tree's perfect subtrees.
    const frontier = perfectSubtrees(0, state.size);
    const known = await readNodes(tx, frontier);
    if (known.size !== frontier.length) {
      throw new Error(`ledger_nodes is missing frontier hashes for size ${state.size}`);
    }
    const now = deps.clock.now();
    const entries: EntryRow[] = [];
    const nodes: { level: number; idx: number; hash: Uint8Array }[] = [];
    const indices = new Map<number, number>();
    let size = state.size;
    for (const q of queued) {
      const idx = size;
      const hash = leafHash(q.data);
      entries.push({
        idx,
        leafHash: hash,
        data: q.data,
        kind: q.kind,
        payloadType: q.payloadType,
        participantId: q.participantId,
        keyId: q.keyId,
        subjectType: q.subjectType,
        subjectId: q.subjectId,
        queueId: q.id,
        loggedAt: now,
      });
      if (q.id === null) directIndices.push(idx);
      else indices.set(q.id, idx);
      // RFC 9162 §2.1.1: a leaf at an odd position completes its parent, and so on upwards.
      let level = 0;
      let i = idx;
      let h = hash;
      nodes.push({ level, idx: i, hash: h });
      known.set(key(level, i), h);
      while (i % 2 === 1) {
        const left = known.get(key(level, i - 1));
        if (!left) throw new Error(`missing left sibling ${level}/${i - 1}`);
        h = nodeHash(left, h);
        level += 1;
        i = (i - 1) / 2;
        nodes.push({ level, idx: i, hash: h });
        known.set(key(level, i), h);
      }
      size += 1;
    }
    const root = rootFromSubtrees(
      perfectSubtrees(0, size).map((n) => {
        const h = known.get(key(n.level, n.idx));
        if (!h) throw new Error(`missing subtree ${n.level}/${n.idx}`);
        return h;
      }),
    );
    await insertEntries(tx, entries);
    await insertNodes(tx, nodes);
    await insertCheckpoint(tx, {
      size,
      root,
      note: checkpointNote(identity, size, root),
      createdAt: now,
    });
    await writeState(tx, size, root, now);
    await deleteQueued(
      tx,
      fromQueue.map((q) => q.id),
    );
    return { size, root, indices, directIndices };
  });
}
