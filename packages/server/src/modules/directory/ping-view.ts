/** How ping rounds and tasks are presented: explicit allow-lists of fields. */
import { parseDeliveryStatus, type DeliveryStatus } from './delivery-status';
import type { RoundWithCounts, TaskDetail } from './ping-store';
import { nextReminderAt } from './reminders';
import { taskStatus, type TaskStatus } from './stats';

export interface RoundView {
  id: string;
  title: string;
  launchedAt: string;
  launchedByUserId: string | null;
  dueAt: string;
  reminderIntervalMinutes: number;
  closedAt: string | null;
  status: 'open' | 'closed';
  tasks: number;
  acknowledged: number;
  onTime: number;
  responseRate: number | null;
}

const rate = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export const presentRound = (r: RoundWithCounts): RoundView => ({
  id: r.id,
  title: r.title,
  launchedAt: r.launchedAt.toISOString(),
  launchedByUserId: r.launchedByUser,
  dueAt: r.dueAt.toISOString(),
  reminderIntervalMinutes: r.reminderIntervalMinutes,
  closedAt: r.closedAt?.toISOString() ?? null,
  status: r.closedAt ? 'closed' : 'open',
  tasks: r.tasks,
  acknowledged: r.acknowledged,
  onTime: r.onTime,
  responseRate: rate(r.acknowledged, r.tasks),
});

export interface TaskView {
  id: string;
  round: { id: string; title: string; dueAt: string; closedAt: string | null };
  participant: { id: string; name: string };
  contact: { id: string; name: string; kind: string; designation: string };
  sentAt: string;
  acknowledgedAt: string | null;
  acknowledgedByUserId: string | null;
  /** Seconds from announcement to acknowledgement. */
  responseSeconds: number | null;
  status: TaskStatus;
  remindersSent: number;
  lastRemindedAt: string | null;
  nextReminderAt: string | null;
  delivery: DeliveryStatus | null;
}

export function presentTask(t: TaskDetail, now: Date): TaskView {
  return {
    id: t.id,
    round: {
      id: t.round.id,
      title: t.round.title,
      dueAt: t.round.dueAt.toISOString(),
      closedAt: t.round.closedAt?.toISOString() ?? null,
    },
    participant: { id: t.participantId, name: t.participantName },
    contact: {
      id: t.contact.id,
      name: t.contact.name,
      kind: t.contact.kind,
      designation: t.contact.designation,
    },
    sentAt: t.sentAt.toISOString(),
    acknowledgedAt: t.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByUserId: t.acknowledgedByUser,
    responseSeconds: t.acknowledgedAt
      ? Math.round((t.acknowledgedAt.getTime() - t.sentAt.getTime()) / 1000)
      : null,
    status: taskStatus(t, t.round, now),
    remindersSent: t.remindersSent,
    lastRemindedAt: t.lastRemindedAt?.toISOString() ?? null,
    nextReminderAt: nextReminderAt(t, t.round)?.toISOString() ?? null,
    delivery: parseDeliveryStatus(t.deliveryStatus),
  };
}
