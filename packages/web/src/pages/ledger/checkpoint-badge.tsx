import { Badge } from '../../components/badge';
import { Icon } from '../../components/icons';
import type { CheckpointCheck } from '../../lib/ledger';

/** Whether this browser verified the node's signature on a checkpoint. */
export function CheckpointBadge({ check }: { check: CheckpointCheck }) {
  return check.ok ? (
    <Badge tone="success">
      <Icon name="check" />
      Signature verified in this browser
    </Badge>
  ) : (
    <Badge tone="danger">
      <Icon name="alert" />
      Signature not verified
    </Badge>
  );
}
