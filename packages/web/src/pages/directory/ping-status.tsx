import type { PingTaskStatus } from '../../api/directory';
import { TASK_STATUS_LABELS } from '../../api/directory';
import { Badge } from '../../components/badge';
import type { BadgeTone } from '../../components/badge';

const TONES: Record<PingTaskStatus, BadgeTone> = {
  acknowledged: 'success',
  late: 'warning',
  pending: 'info',
  overdue: 'danger',
  missed: 'danger',
};

export function TaskStatusBadge({ status }: { status: PingTaskStatus }) {
  return <Badge tone={TONES[status]}>{TASK_STATUS_LABELS[status]}</Badge>;
}

/** A round's own page: every contact's answer, what is overdue, the reminders sent. */
export const roundPath = (id: string): string => `/directory/pings/rounds/${id}`;
