import { useMemo } from 'react';
import type { LedgerEntry, LedgerHead } from '../api/ledger';
import { useParticipantKeys } from '../api/participants';
import { nodeStatementKey, tryBase64 } from '../lib/ledger';
import type { StatementKeyLookup } from '../lib/ledger';

/**
 * Who signed a statement, from the keys this browser can know: the node's own key (it signs
 * key events and catalogue decisions with its checkpoint key) and, for signed-in users, the
 * participant's registered keys.
 */
export function useStatementKeys(entry: LedgerEntry | undefined, head: LedgerHead | undefined) {
  const nodeKey = useMemo(() => (head ? nodeStatementKey(head.verifierKey) : null), [head]);
  const participantId = entry?.participantId ?? null;
  const byParticipant =
    entry?.kind === 'statement' &&
    participantId !== null &&
    entry.keyId !== null &&
    entry.keyId !== nodeKey?.keyId;
  const keys = useParticipantKeys(participantId ?? '', byParticipant);

  const participantKeys = keys.data?.items;
  const lookup = useMemo<StatementKeyLookup>(
    () => (keyId) => {
      if (nodeKey && keyId === nodeKey.keyId) {
        return { publicKey: nodeKey.publicKey, owner: 'this node' };
      }
      const key = participantKeys?.find((k) => k.fingerprint === keyId);
      const publicKey = key ? tryBase64(key.publicKey) : null;
      return key && publicKey ? { publicKey, owner: `the key “${key.label}”` } : null;
    },
    [nodeKey, participantKeys],
  );
  const signerName = (keyId: string): string | null => {
    if (nodeKey && keyId === nodeKey.keyId) return 'This node’s key; it also signs the checkpoints';
    const key = participantKeys?.find((k) => k.fingerprint === keyId);
    return key ? `${key.label} (${key.status})` : null;
  };
  return { lookup, signerName, loading: keys.isLoading };
}
