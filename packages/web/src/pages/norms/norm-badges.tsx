import { Badge } from '../../components/badge';
import type { BadgeTone } from '../../components/badge';
import type { AmendmentKind, AmendmentStatus, NormVocabulary } from '../../api/norms';
import { categoryLabel, statusLabel } from '../../api/norms';

const CATEGORY_TONES: Record<string, BadgeTone> = {
  prohibition: 'danger',
  restraint: 'warning',
  defensive_permission: 'success',
  cooperation_duty: 'info',
  protection_duty: 'info',
};

/** What kind of norm it is; the label says it, the colour only helps scanning. */
export function CategoryBadge({
  category,
  vocabulary,
}: {
  category: string;
  vocabulary: NormVocabulary | undefined;
}) {
  return (
    <Badge tone={CATEGORY_TONES[category] ?? 'neutral'}>
      {categoryLabel(vocabulary, category)}
    </Badge>
  );
}

const NORM_STATUS_TONES: Record<string, BadgeTone> = {
  adopted: 'success',
  proposed: 'info',
  retired: 'neutral',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export function NormStatusBadge({ status }: { status: string }) {
  return <Badge tone={NORM_STATUS_TONES[status] ?? 'neutral'}>{statusLabel(status)}</Badge>;
}

const AMENDMENT_STATUS_TONES: Record<AmendmentStatus, BadgeTone> = {
  open: 'info',
  adopted: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

export function AmendmentStatusBadge({ status }: { status: AmendmentStatus }) {
  return <Badge tone={AMENDMENT_STATUS_TONES[status]}>{statusLabel(status)}</Badge>;
}

export const AMENDMENT_KIND_LABELS: Record<AmendmentKind, string> = {
  new: 'New norm',
  change: 'Change',
  retire: 'Retirement',
};

export const AMENDMENT_STATUS_LABELS: Record<AmendmentStatus, string> = {
  open: 'Open',
  adopted: 'Adopted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};
