/** Node-only helpers: native SHA-256 from node:crypto. Browsers import '.' only. */
import { hash } from 'node:crypto';
import { setSha256 } from './hash';
import type { Sha256 } from './hash';

/** One-shot node:crypto SHA-256 (copied out of Node's buffer pool into a plain Uint8Array). */
export const nodeSha256: Sha256 = (data) => new Uint8Array(hash('sha256', data, 'buffer'));

/** Makes every ledger hash use node:crypto: about 2× faster on node hashes, 9× on 64 KiB. */
export function useNodeCrypto(): void {
  setSha256(nodeSha256);
}
