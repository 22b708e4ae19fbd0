import { describe, expect, it } from 'vitest';
import { isReminderDue, nextReminderAt } from './reminders';

const at = (s: string) => new Date(`2026-05-04T${s}Z`);
const open = { closedAt: null, reminderIntervalMinutes: 30 };

describe('ping reminders', () => {
  it('falls due one interval after the announcement, then after each reminder', () => {
    const task = { sentAt: at('09:00:00'), acknowledgedAt: null, lastRemindedAt: null };
    expect(nextReminderAt(task, open)).toEqual(at('09:30:00'));
    expect(isReminderDue(task, open, at('09:29:59'))).toBe(false);
    expect(isReminderDue(task, open, at('09:30:00'))).toBe(true);
    const reminded = { ...task, lastRemindedAt: at('09:31:00') };
    expect(nextReminderAt(reminded, open)).toEqual(at('10:01:00'));
    expect(isReminderDue(reminded, open, at('10:00:00'))).toBe(false);
  });

  it('sends one reminder, not a burst, after a long pause', () => {
    const task = { sentAt: at('09:00:00'), acknowledgedAt: null, lastRemindedAt: null };
    expect(isReminderDue(task, open, at('15:00:00'))).toBe(true);
    const after = { ...task, lastRemindedAt: at('15:00:00') };
    expect(isReminderDue(after, open, at('15:00:00'))).toBe(false);
  });

  it('stops once acknowledged or when the round closes', () => {
    const task = { sentAt: at('09:00:00'), acknowledgedAt: null, lastRemindedAt: null };
    expect(nextReminderAt({ ...task, acknowledgedAt: at('09:10:00') }, open)).toBeNull();
    expect(isReminderDue(task, { ...open, closedAt: at('09:20:00') }, at('12:00:00'))).toBe(false);
  });
});
