/**
 * Proofs and roots served from ledger_nodes through the pure library's NodeReader, answered
 * from the process's node cache when the log fits its budget (see node-cache.ts).
 */
import { proveConsistency, proveInclusion, type NodeId, type NodeReader } from '@concord/ledger';
import type { Db } from '../../db/client';
import { NodeCache } from './node-cache';
import { readNodes } from './store';

export function dbNodeReader(db: Db): NodeReader {
  return {
    async readNodes(ids: NodeId[]): Promise<Uint8Array[]> {
      const refs = ids.map((n) => ({ level: n.level, idx: Number(n.index) }));
      const found = await readNodes(db, refs);
      return refs.map((r) => {
        const h = found.get(`${r.level}/${r.idx}`);
        if (!h) throw new Error(`ledger_nodes has no hash for ${r.level}/${r.idx}`);
        return h;
      });
    },
  };
}

/** Default budget of each process's node cache: a log of about 4 million entries. */
export const DEFAULT_NODE_CACHE_BYTES = 256 * 1024 * 1024;

const caches = new WeakMap<Db, NodeCache>();

/** The node cache of a database handle (one per process and database). */
export function nodeCacheOf(db: Db, maxBytes = DEFAULT_NODE_CACHE_BYTES): NodeCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new NodeCache(db, maxBytes);
    caches.set(db, cache);
  }
  return cache;
}

/** Reads nodes of a tree of `size` entries: from memory when the cache holds it. */
async function readerFor(db: Db, size: number, cache: NodeCache | null): Promise<NodeReader> {
  const fallback = dbNodeReader(db);
  if (cache && (await cache.ensure(size))) return cache.reader(fallback);
  return fallback;
}

export const inclusionProof = async (
  db: Db,
  index: number,
  size: number,
  cache: NodeCache | null = null,
) => proveInclusion(BigInt(index), BigInt(size), await readerFor(db, size, cache));

export const consistencyProof = async (
  db: Db,
  size1: number,
  size2: number,
  cache: NodeCache | null = null,
) => proveConsistency(BigInt(size1), BigInt(size2), await readerFor(db, size2, cache));
