/** The node-store interface proofs and tiles are built from, and its checked use. */
import { LedgerError } from './errors';
import { assertHash } from './hash';
import { nodeKey } from './tree';
import type { NodeId } from './tree';

export interface NodeReader {
  /** Returns the hash of each requested node, in order. */
  readNodes(nodes: NodeId[]): Promise<Uint8Array[]> | Uint8Array[];
}

/** Calls readNodes once and checks the answer: one 32-byte hash per requested node. */
export async function readNodesChecked(reader: NodeReader, ids: NodeId[]): Promise<Uint8Array[]> {
  let hashes: unknown;
  try {
    hashes = await reader.readNodes(ids);
  } catch (cause) {
    if (cause instanceof LedgerError) throw cause;
    throw new LedgerError('READ_FAILED', 'readNodes failed', { cause });
  }
  if (!Array.isArray(hashes) || hashes.length !== ids.length) {
    throw new LedgerError('READ_FAILED', 'readNodes returned a wrong number of hashes');
  }
  return ids.map((id, i) => {
    const h: unknown = hashes[i];
    try {
      assertHash(h, `node ${nodeKey(id)}`);
    } catch (cause) {
      throw new LedgerError('READ_FAILED', `readNodes: bad hash for node ${nodeKey(id)}`, {
        cause,
      });
    }
    return h;
  });
}
