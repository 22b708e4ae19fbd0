import type { ReactNode } from 'react';

export type BadgeTone = 'success' | 'danger' | 'warning' | 'info' | 'neutral';

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

const STATUS_TONES: Record<string, BadgeTone> = {
  active: 'success',
  revoked: 'danger',
  disabled: 'neutral',
  suspended: 'warning',
  expired: 'neutral',
  locked: 'warning',
};

/** A record's lifecycle status, coloured consistently everywhere. */
export function StatusBadge({ status }: { status: string }) {
  const label = status.charAt(0).toUpperCase() + status.slice(1);
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{label}</Badge>;
}
