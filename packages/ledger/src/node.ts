/** Node-only helpers: native SHA-256 from node:crypto. Browsers import '.' only. */
import { createHash } from 'node:crypto';
import { setSha256 } from './hash';
import type { Sha256 } from './hash';

export const nodeSha256: Sha256 = (data) =>
  Uint8Array.from(createHash('sha256').update(data).digest());

/** Makes every ledger hash use node:crypto (several times faster than the pure-JS default). */
export function useNodeCrypto(): void {
  setSha256(nodeSha256);
}
