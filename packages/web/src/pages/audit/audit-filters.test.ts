import { describe, it, expect } from 'vitest';
import { dayEnd, dayStart } from './audit-filters';

describe('audit date range', () => {
  it('covers whole local days', () => {
    const start = dayStart('2026-05-03');
    const end = dayEnd('2026-05-03');
    expect(start && new Date(start).getDate()).toBe(3);
    expect(start && new Date(start).getHours()).toBe(0);
    expect(end && new Date(end).getHours()).toBe(23);
    expect(end && start && Date.parse(end) - Date.parse(start)).toBe(24 * 3600 * 1000 - 1);
  });

  it('ignores anything that is not a YYYY-MM-DD date', () => {
    expect(dayStart('')).toBeUndefined();
    expect(dayStart('3 May')).toBeUndefined();
    expect(dayEnd('2026-13-45')).toBeUndefined();
  });
});
