/**
 * Ping-test statistics: task outcomes, response rates, median response times and stale
 * contacts. Pure, so the dashboard and the tests share one definition of each number.
 */
import { addDays, isValidOn, type Validity } from './validity';

export interface TaskFacts {
  sentAt: Date;
  acknowledgedAt: Date | null;
}

export interface RoundFacts {
  dueAt: Date;
  closedAt: Date | null;
}

/**
 * acknowledged: by the due time; late: after it; pending: not yet, before the due time;
 * overdue: not yet, past the due time, round still open; missed: never, round closed.
 */
export type TaskStatus = 'acknowledged' | 'late' | 'pending' | 'overdue' | 'missed';

export function taskStatus(task: TaskFacts, round: RoundFacts, now: Date): TaskStatus {
  if (task.acknowledgedAt) return task.acknowledgedAt <= round.dueAt ? 'acknowledged' : 'late';
  if (round.closedAt) return 'missed';
  return now > round.dueAt ? 'overdue' : 'pending';
}

/** The median of the values, or null when there are none (the mean of the middle two if even). */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid] as number;
  return sorted.length % 2 === 1 ? hi : ((sorted[mid - 1] as number) + hi) / 2;
}

export interface ResponseSummary {
  tasks: number;
  /** Acknowledged at all, on time or late. */
  acknowledged: number;
  onTime: number;
  late: number;
  pending: number;
  overdue: number;
  missed: number;
  /** acknowledged / tasks; null without tasks. */
  responseRate: number | null;
  /** onTime / tasks; null without tasks. */
  onTimeRate: number | null;
  /** Median seconds from announcement to acknowledgement; null when nothing was acknowledged. */
  medianResponseSeconds: number | null;
}

const ratio = (n: number, d: number): number | null =>
  d === 0 ? null : Math.round((n / d) * 10_000) / 10_000;

export function summarise(
  tasks: readonly (TaskFacts & { round: RoundFacts })[],
  now: Date,
): ResponseSummary {
  const counts = { acknowledged: 0, late: 0, pending: 0, overdue: 0, missed: 0 };
  const seconds: number[] = [];
  for (const t of tasks) {
    counts[taskStatus(t, t.round, now)] += 1;
    if (t.acknowledgedAt) {
      seconds.push((t.acknowledgedAt.getTime() - t.sentAt.getTime()) / 1000);
    }
  }
  const acknowledged = counts.acknowledged + counts.late;
  return {
    tasks: tasks.length,
    acknowledged,
    onTime: counts.acknowledged,
    late: counts.late,
    pending: counts.pending,
    overdue: counts.overdue,
    missed: counts.missed,
    responseRate: ratio(acknowledged, tasks.length),
    onTimeRate: ratio(counts.acknowledged, tasks.length),
    medianResponseSeconds: median(seconds),
  };
}

export interface ContactFacts extends Validity {
  id: string;
  participantId: string;
  kind: string;
  designation: string;
}

/** A contact's ping tasks in rounds whose due time has passed, most recent round first. */
export type PingHistory = ReadonlyMap<string, readonly (TaskFacts & { round: RoundFacts })[]>;

/**
 * missed_last_two_rounds: a current contact that acknowledged neither of its last two pings on
 * time; expiring: its validity ends within the horizon and no successor (same participant,
 * kind and designation) is valid the day after; expired: its validity has ended and no such
 * contact is valid today — the participant has a gap in the directory (listed once per gap,
 * on the contact that ended last).
 */
export type StaleReason = 'missed_last_two_rounds' | 'expiring' | 'expired';

export const STALE_HORIZON_DAYS = 30;

export function staleReasons(
  contact: ContactFacts,
  all: readonly ContactFacts[],
  history: PingHistory,
  today: string,
  horizonDays = STALE_HORIZON_DAYS,
): StaleReason[] {
  const slot = all.filter(
    (c) =>
      c.id !== contact.id &&
      c.participantId === contact.participantId &&
      c.kind === contact.kind &&
      c.designation === contact.designation,
  );
  const covered = (day: string) => slot.some((c) => isValidOn(c, day));
  const reasons: StaleReason[] = [];
  if (isValidOn(contact, today)) {
    const lastTwo = (history.get(contact.id) ?? []).slice(0, 2);
    const missed = (t: TaskFacts & { round: RoundFacts }) =>
      t.acknowledgedAt === null || t.acknowledgedAt > t.round.dueAt;
    if (lastTwo.length === 2 && lastTwo.every(missed)) reasons.push('missed_last_two_rounds');
    const until = contact.validUntil;
    if (until !== null && until <= addDays(today, horizonDays) && !covered(addDays(until, 1))) {
      reasons.push('expiring');
    }
  } else if (contact.validUntil !== null && contact.validUntil < today && !covered(today)) {
    // Only the slot's most recently ended contact: older predecessors are history, not news.
    const ended = contact.validUntil;
    const later = slot.some(
      (c) => c.validUntil !== null && c.validUntil < today && c.validUntil > ended,
    );
    if (!later) reasons.push('expired');
  }
  return reasons;
}
