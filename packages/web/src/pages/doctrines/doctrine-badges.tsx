import { Badge } from '../../components/badge';
import type { BadgeTone } from '../../components/badge';
import { Icon } from '../../components/icons';
import { CELL_LABELS, VISIBILITY_LABELS } from '../../api/doctrines';
import type { CellStatus, DoctrineVisibility } from '../../api/doctrines';

export function VisibilityBadge({ visibility }: { visibility: DoctrineVisibility }) {
  return (
    <Badge tone={visibility === 'public' ? 'info' : 'warning'}>
      {VISIBILITY_LABELS[visibility]}
    </Badge>
  );
}

const CELL_TONES: Record<CellStatus, BadgeTone> = {
  committed: 'success',
  conditional: 'warning',
  none: 'neutral',
};

/** A commitment's standing: a symbol and a word, so it reads without colour. */
export function CellBadge({ status }: { status: CellStatus }) {
  return (
    <Badge tone={CELL_TONES[status]}>
      {status === 'committed' ? (
        <Icon name="check" />
      ) : status === 'conditional' ? (
        <Icon name="warning" />
      ) : null}
      {CELL_LABELS[status]}
    </Badge>
  );
}
