/**
 * The sequencer: moves committed submissions from the queue into the log. One batch is one
 * transaction that writes the entries, every perfect-subtree hash they complete (the tiles'
 * contents), the signed checkpoint and the new head — and only after it commits are the
 * submitters told their indices. Only one sequencer extends the log at a time, whichever
 * process it runs in: the batch's writes are conditional on the head it was built on (the
 * head row's lock serialises them), and the primary keys on entry index, queue id and
 * checkpoint size would refuse a fork even if that failed.
 */
import type { Deps } from '../../deps';
import { DomainError } from '../../errors';
import type { LogIdentity } from './identity';
import { checkpointNote, leafHash, nodeHash } from './crypto';
import { perfectSubtrees, rootFromSubtrees } from './tree';
import type { Db } from '../../db/client';
import {
  readNodes,
  readState,
  takeQueue,
  writeBatch,
  type BatchWrite,
  type NewEntry,
  type NodeRow,
  type QueueRow,
} from './store';

/** An arbitrary constant naming the lock that serialises creating the log (`initLedger`). */
export const SEQUENCER_LOCK_KEY = 724_001_3;
export const DEFAULT_BATCH_LIMIT = 4096;

/**
 * The head a sequencer last wrote: its size, root and the hashes of its perfect subtrees (the
 * left siblings of everything the next batch completes). A process that holds it skips
 * reading them back; a batch built on it is written only if the log's size and root in the
 * database still match, so another process extending the log in between costs one re-read,
 * never a fork.
 */
export interface Frontier {
  size: number;
  root: Uint8Array;
  hashes: Map<string, Uint8Array>;
}

export interface SequencedBatch {
  size: number;
  root: Uint8Array;
  /** queue id → log index */
  indices: Map<number, number>;
  /** log indices of the direct entries, in the order given */
  directIndices: number[];
  /** how many queue rows it took (equal to the limit: more may be waiting) */
  fromQueue: number;
  frontier: Frontier;
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

export interface BatchOptions {
  limit?: number;
  direct?: DirectEntry[];
  /** Look in the queue (false when only direct entries can be waiting). Default true. */
  takeQueue?: boolean;
  /** The frontier this process wrote last, if any. */
  frontier?: Frontier | null;
}

const key = (level: number, idx: number) => `${level}/${idx}`;

/** Reads the head and its perfect-subtree hashes, and refuses a log that is not this key's. */
export async function loadFrontier(db: Db, identity: LogIdentity): Promise<Frontier> {
  const state = await readState(db);
  if (!state)
    throw new DomainError('LEDGER_NOT_INITIALISED', 'The ledger has not been initialised');
  if (state.origin !== identity.origin || state.verifierKey !== identity.verifierKey) {
    throw new DomainError(
      'LEDGER_KEY_MISMATCH',
      `This process's log key or origin (${identity.verifierKey}) differs from the log's (${state.verifierKey}); refusing to sequence`,
    );
  }
  const subtrees = perfectSubtrees(0, state.size);
  const hashes = await readNodes(db, subtrees);
  if (hashes.size !== subtrees.length)
    throw new Error(`ledger_nodes is missing frontier hashes for size ${state.size}`);
  return { size: state.size, root: state.root, hashes };
}

/** How often a batch is rebuilt on a fresh head when another sequencer got there first. */
const MAX_ATTEMPTS = 8;

/**
 * Sequences one batch: the queued submissions (oldest first, up to the limit) and the direct
 * entries. Everything is written by one statement, which is its own transaction and writes
 * nothing unless the head is still the one the batch was built on (see `writeBatch`): with a
 * cached frontier and no queue to read, a batch is one round trip and one commit. When another
 * sequencer moved the head first, the batch is rebuilt on the new head. Returns null when there
 * was nothing to sequence.
 */
export async function sequenceBatch(
  deps: Deps,
  identity: LogIdentity,
  options: BatchOptions = {},
): Promise<SequencedBatch | null> {
  const db = deps.database.db;
  const limit = options.limit ?? DEFAULT_BATCH_LIMIT;
  const direct = options.direct ?? [];
  let head = options.frontier ?? null;
  for (let attempt = 1; ; attempt++) {
    head ??= await loadFrontier(db, identity);
    const fromQueue = options.takeQueue === false ? [] : await takeQueue(db, limit);
    if (fromQueue.length === 0 && direct.length === 0) return null;
    const batch = buildBatch(head, identity, fromQueue, direct, deps.clock.now());
    if (await writeBatch(db, batch.write)) return { ...batch.result, fromQueue: fromQueue.length };
    if (attempt >= MAX_ATTEMPTS)
      throw new DomainError(
        'LEDGER_CONTENDED',
        `The log's head moved under ${MAX_ATTEMPTS} batches in a row; try again`,
      );
    head = null;
  }
}

/** The entries, completed subtree hashes, root and signed checkpoint of a batch on `head`. */
function buildBatch(
  head: Frontier,
  identity: LogIdentity,
  fromQueue: QueueRow[],
  direct: DirectEntry[],
  now: Date,
): { write: BatchWrite; result: Omit<SequencedBatch, 'fromQueue'> } {
  const known = new Map(head.hashes);
  const entries: NewEntry[] = [];
  const nodes: NodeRow[] = [];
  const indices = new Map<number, number>();
  const directIndices: number[] = [];
  let size = head.size;
  const add = (q: DirectEntry, queueId: number | null) => {
    const idx = size;
    const hash = leafHash(q.data);
    entries.push({
      idx,
      leafHash: hash,
      data: q.data,
      kind: q.kind,
      payloadType: q.payloadType,
      participantId: q.participantId ?? null,
      keyId: q.keyId ?? null,
      subjectType: q.subjectType ?? null,
      subjectId: q.subjectId ?? null,
      queueId,
    });
    if (queueId === null) directIndices.push(idx);
    else indices.set(queueId, idx);
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
  };
  for (const q of fromQueue) add(q as DirectEntry, q.id);
  for (const d of direct) add(d, null);

  const hashes = new Map<string, Uint8Array>();
  const root = rootFromSubtrees(
    perfectSubtrees(0, size).map((n) => {
      const h = known.get(key(n.level, n.idx));
      if (!h) throw new Error(`missing subtree ${n.level}/${n.idx}`);
      hashes.set(key(n.level, n.idx), h);
      return h;
    }),
  );
  return {
    write: {
      previous: { size: head.size, root: head.root },
      entries,
      nodes,
      checkpoint: { size, root, note: checkpointNote(identity, size, root) },
      dequeue: fromQueue.map((q) => q.id),
      at: now,
    },
    result: { size, root, indices, directIndices, frontier: { size, root, hashes } },
  };
}
