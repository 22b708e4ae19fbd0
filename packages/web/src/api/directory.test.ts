import { describe, expect, it } from 'vitest';
import { formatDuration, percent } from './directory';

describe('formatDuration', () => {
  it('reads seconds, minutes, hours and days at a glance', () => {
    expect(formatDuration(null)).toBe('—');
    expect(formatDuration(45)).toBe('45 s');
    expect(formatDuration(12 * 60)).toBe('12 min');
    expect(formatDuration(3 * 3600 + 20 * 60)).toBe('3 h 20 min');
    expect(formatDuration(2 * 3600)).toBe('2 h');
    expect(formatDuration(2 * 86400 + 4 * 3600)).toBe('2 d 4 h');
    expect(formatDuration(3 * 86400)).toBe('3 d');
  });
});

describe('percent', () => {
  it('rounds a share to a whole percentage', () => {
    expect(percent(null)).toBe('—');
    expect(percent(0.666)).toBe('67 %');
    expect(percent(1)).toBe('100 %');
  });
});
