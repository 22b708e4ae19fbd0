/**
 * An in-memory copy of the log's perfect-subtree hashes, so that proofs are answered without a
 * database round trip. Nodes never change once written (the log is append-only), so the copy
 * only grows: `ensure(size)` loads what the log gained since the last call — nothing at all
 * when it has not grown — by range scans per level. Hashes sit in fixed-size byte chunks (no
 * object per node): a log of n entries takes about 64·n bytes. Above the byte budget the cache
 * declines and proofs read the database as before.
 */
import type { NodeId, NodeReader } from '@concord/ledger';
import type { Db } from '../../db/client';
import { readNodeRange } from './store';

const HASH = 32;
/** Hashes per chunk: 2 MiB chunks. */
const CHUNK = 1 << 16;
/** Rows per range query while loading. */
const PAGE = 1 << 15;

export class NodeCache {
  readonly #db: Db;
  readonly #maxBytes: number;
  /** Per level, chunks of CHUNK hashes; `#counts[level]` hashes from index 0 are present. */
  readonly #chunks: Uint8Array[][] = [];
  readonly #counts: number[] = [];
  #size = 0;
  #loading: Promise<void> = Promise.resolve();

  constructor(db: Db, maxBytes: number) {
    this.#db = db;
    this.#maxBytes = maxBytes;
  }

  /** The log size the cache covers. */
  get size(): number {
    return this.#size;
  }

  /** Bytes a log of `size` entries needs (every level, rounded up to chunks). */
  static bytesFor(size: number): number {
    let total = 0;
    for (let n = size; n >= 1; n = Math.floor(n / 2)) total += Math.ceil(n / CHUNK) * CHUNK * HASH;
    return total;
  }

  /** Whether the cache will hold a log of this size. */
  fits(size: number): boolean {
    return NodeCache.bytesFor(size) <= this.#maxBytes;
  }

  /**
   * Loads every node of a log of `size` entries that is not held yet. Calls are serialised, so
   * concurrent requests share one load. Returns false (and loads nothing) over the budget.
   */
  async ensure(size: number): Promise<boolean> {
    if (size <= this.#size) return true;
    if (!this.fits(size)) return false;
    const run = this.#loading.then(() => this.#load(size));
    this.#loading = run.catch(() => undefined);
    await run;
    return true;
  }

  async #load(size: number): Promise<void> {
    if (size <= this.#size) return;
    for (let level = 0; 2 ** level <= size; level++) {
      const want = Math.floor(size / 2 ** level);
      let have = this.#counts[level] ?? 0;
      while (have < want) {
        const end = Math.min(want, have + PAGE);
        const hashes = await readNodeRange(this.#db, level, have, end);
        if (hashes.length !== end - have)
          throw new Error(`ledger_nodes is missing hashes at level ${level} in [${have}, ${end})`);
        for (const h of hashes) this.#put(level, have++, h);
      }
      this.#counts[level] = have;
    }
    this.#size = size;
  }

  #put(level: number, idx: number, hash: Uint8Array): void {
    const chunks = (this.#chunks[level] ??= []);
    const c = Math.floor(idx / CHUNK);
    const chunk = (chunks[c] ??= new Uint8Array(CHUNK * HASH));
    chunk.set(hash, (idx % CHUNK) * HASH);
  }

  /** The hash of a node the cache holds, or undefined. */
  get(level: number, idx: number): Uint8Array | undefined {
    if (idx >= (this.#counts[level] ?? 0)) return undefined;
    const chunk = this.#chunks[level]?.[Math.floor(idx / CHUNK)];
    if (!chunk) return undefined;
    const at = (idx % CHUNK) * HASH;
    return chunk.slice(at, at + HASH);
  }

  /** A NodeReader answering from memory, falling back to `fallback` for nodes it lacks. */
  reader(fallback: NodeReader): NodeReader {
    return {
      readNodes: (ids: NodeId[]) => {
        const out = ids.map((n) => this.get(n.level, Number(n.index)));
        if (out.every((h) => h !== undefined)) return out;
        return fallback.readNodes(ids);
      },
    };
  }
}
