import { useMemo } from 'react';
import type { DoctrineVersion } from '../../api/doctrines';
import { useParticipantKeys } from '../../api/participants';
import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';
import { checkSignedVersion } from '../../lib/doctrine-document';
import { tryBase64 } from '../../lib/ledger';

/**
 * The version's Ed25519 signature, checked in this browser against the participant's
 * registered keys, and that what the page shows is what was signed.
 */
export function SignatureBadge({ version }: { version: DoctrineVersion }) {
  const keys = useParticipantKeys(version.participant.id);
  const items = keys.data?.items;
  const check = useMemo(() => {
    if (!items) return null;
    const byId = new Map(items.map((k) => [k.fingerprint, k]));
    return {
      result: checkSignedVersion(version, (keyId) => {
        const key = byId.get(keyId);
        return key ? tryBase64(key.publicKey) : null;
      }),
      label: (keyId: string) => byId.get(keyId)?.label ?? null,
    };
  }, [items, version]);

  if (keys.isError) {
    return (
      <Badge tone="warning">
        <Icon name="warning" />
        Signature not checked: the keys could not be loaded
      </Badge>
    );
  }
  if (!check) {
    return (
      <span role="status">
        <Badge tone="neutral">Checking the signature…</Badge>
      </span>
    );
  }
  const { result, label } = check;
  switch (result.status) {
    case 'verified':
      return (
        <Badge tone="success">
          <Icon name="check" />
          Signature verified in this browser
          {label(result.keyId) ? ` · ${label(result.keyId)}` : ''}
        </Badge>
      );
    case 'unknown-key':
      return (
        <Badge tone="warning">
          <Icon name="warning" />
          Signed by a key that is not registered for {version.participant.name}
        </Badge>
      );
    default:
      return (
        <span title={result.reason}>
          <Badge tone="danger">
            <Icon name="alert" />
            Signature not verified: {result.reason}
          </Badge>
        </span>
      );
  }
}
