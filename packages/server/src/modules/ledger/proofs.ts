/** Proofs and roots served from ledger_nodes through the pure library's NodeReader. */
import { proveConsistency, proveInclusion, type NodeId, type NodeReader } from '@concord/ledger';
import type { Db } from '../../db/client';
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

export const inclusionProof = (db: Db, index: number, size: number) =>
  proveInclusion(BigInt(index), BigInt(size), dbNodeReader(db));

export const consistencyProof = (db: Db, size1: number, size2: number) =>
  proveConsistency(BigInt(size1), BigInt(size2), dbNodeReader(db));
