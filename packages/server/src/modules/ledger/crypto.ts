/**
 * The server's use of @concord/ledger: RFC 6962 hashing with Node's native SHA-256, and the
 * node's signed checkpoints (C2SP tlog-checkpoint over C2SP signed-note, Ed25519).
 */
import {
  leafHash as libLeafHash,
  nodeHash as libNodeHash,
  signCheckpoint,
  type NoteSigner,
} from '@concord/ledger';
import { useNodeCrypto } from '@concord/ledger/node';

useNodeCrypto();

export const leafHash = (data: Uint8Array): Uint8Array => libLeafHash(data);
export const nodeHash = (left: Uint8Array, right: Uint8Array): Uint8Array =>
  libNodeHash(left, right);

export function checkpointNote(
  identity: { origin: string; signer: NoteSigner },
  size: number,
  root: Uint8Array,
): string {
  return signCheckpoint({ origin: identity.origin, size: BigInt(size), root }, [identity.signer]);
}
