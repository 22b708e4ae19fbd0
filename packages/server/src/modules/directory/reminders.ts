/** When an unacknowledged ping task is announced again. Pure. */

export interface ReminderTask {
  sentAt: Date;
  acknowledgedAt: Date | null;
  lastRemindedAt: Date | null;
}

export interface ReminderRound {
  closedAt: Date | null;
  reminderIntervalMinutes: number;
}

/**
 * The next reminder of a task, or null when none is due any more (acknowledged, or the round
 * is closed). Reminders follow the last announcement, so a server that was down sends one
 * reminder on return rather than a burst of the ones it missed.
 */
export function nextReminderAt(task: ReminderTask, round: ReminderRound): Date | null {
  if (task.acknowledgedAt !== null || round.closedAt !== null) return null;
  const last = task.lastRemindedAt ?? task.sentAt;
  return new Date(last.getTime() + round.reminderIntervalMinutes * 60_000);
}

export function isReminderDue(task: ReminderTask, round: ReminderRound, now: Date): boolean {
  const next = nextReminderAt(task, round);
  return next !== null && next.getTime() <= now.getTime();
}
