import { describe, expect, it } from 'vitest';
import { median, staleReasons, summarise, taskStatus, type ContactFacts } from './stats';

const t = (iso: string) => new Date(`2026-04-${iso}Z`);
const round = { dueAt: t('10T12:00:00'), closedAt: null };
const closed = { ...round, closedAt: t('12T00:00:00') };

describe('taskStatus', () => {
  const sentAt = t('10T09:00:00');
  it.each([
    [{ sentAt, acknowledgedAt: t('10T09:30:00') }, round, t('10T10:00:00'), 'acknowledged'],
    [{ sentAt, acknowledgedAt: t('10T12:00:00') }, round, t('10T13:00:00'), 'acknowledged'],
    [{ sentAt, acknowledgedAt: t('10T12:00:01') }, round, t('10T13:00:00'), 'late'],
    [{ sentAt, acknowledgedAt: null }, round, t('10T11:59:59'), 'pending'],
    [{ sentAt, acknowledgedAt: null }, round, t('10T12:00:01'), 'overdue'],
    [{ sentAt, acknowledgedAt: null }, closed, t('13T00:00:00'), 'missed'],
  ] as const)('%o in %o at %s is %s', (task, r, now, expected) => {
    expect(taskStatus(task, r, now)).toBe(expected);
  });
});

describe('median', () => {
  it('takes the middle value, the mean of the middle two, or null', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([40, 10, 30, 20])).toBe(25);
  });
});

describe('summarise', () => {
  it('counts outcomes, rates and the median response time', () => {
    const sentAt = t('10T09:00:00');
    const s = summarise(
      [
        { sentAt, acknowledgedAt: t('10T09:10:00'), round },
        { sentAt, acknowledgedAt: t('10T09:30:00'), round },
        { sentAt, acknowledgedAt: t('10T14:00:00'), round },
        { sentAt, acknowledgedAt: null, round },
      ],
      t('10T15:00:00'),
    );
    expect(s).toEqual({
      tasks: 4,
      acknowledged: 3,
      onTime: 2,
      late: 1,
      pending: 0,
      overdue: 1,
      missed: 0,
      responseRate: 0.75,
      onTimeRate: 0.5,
      medianResponseSeconds: 1800,
    });
  });

  it('has no rates without tasks', () => {
    expect(summarise([], t('10T00:00:00'))).toMatchObject({
      tasks: 0,
      responseRate: null,
      onTimeRate: null,
      medianResponseSeconds: null,
    });
  });
});

describe('staleReasons', () => {
  const today = '2026-04-20';
  const contact = (id: string, over: Partial<ContactFacts> = {}): ContactFacts => ({
    id,
    participantId: 'p1',
    kind: 'technical',
    designation: 'primary',
    validFrom: '2025-01-01',
    validUntil: null,
    ...over,
  });
  const sentAt = t('01T09:00:00');
  const miss = { sentAt, acknowledgedAt: null, round: closed };
  const late = { sentAt, acknowledgedAt: t('11T09:00:00'), round: closed };
  const ok = { sentAt, acknowledgedAt: t('01T10:00:00'), round: closed };

  it('flags a current contact that missed its last two pings, late ones included', () => {
    const c = contact('a');
    expect(staleReasons(c, [c], new Map([['a', [miss, late, ok]]]), today)).toEqual([
      'missed_last_two_rounds',
    ]);
    expect(staleReasons(c, [c], new Map([['a', [miss, ok, miss]]]), today)).toEqual([]);
    expect(staleReasons(c, [c], new Map([['a', [miss]]]), today)).toEqual([]);
  });

  it('flags a contact ending within 30 days unless a successor takes over the next day', () => {
    const ending = contact('a', { validUntil: '2026-05-20' });
    expect(staleReasons(ending, [ending], new Map(), today)).toEqual(['expiring']);
    const later = contact('a', { validUntil: '2026-05-21' });
    expect(staleReasons(later, [later], new Map(), today)).toEqual([]);
    const successor = contact('b', { validFrom: '2026-05-21' });
    expect(staleReasons(ending, [ending, successor], new Map(), today)).toEqual([]);
    const alternate = contact('c', { validFrom: '2026-05-21', designation: 'alternate' });
    expect(staleReasons(ending, [ending, alternate], new Map(), today)).toEqual(['expiring']);
  });

  it('flags the last ended contact of a slot nobody fills today, once', () => {
    const old = contact('old', { validUntil: '2025-06-30' });
    const ended = contact('a', { validFrom: '2025-07-01', validUntil: '2026-04-19' });
    const all = [old, ended];
    expect(staleReasons(ended, all, new Map(), today)).toEqual(['expired']);
    expect(staleReasons(old, all, new Map(), today)).toEqual([]);
    const current = contact('b', { validFrom: '2026-04-20' });
    expect(staleReasons(ended, [...all, current], new Map(), today)).toEqual([]);
  });
});
