import { describe, expect, it } from 'vitest';
import { constraintName, isStorageUnavailable, isUniqueViolation, sqlState } from './errors';

describe('database error classification', () => {
  it('reads SQLSTATE through wrappers', () => {
    const pgErr = Object.assign(new Error('dup'), { code: '23505', constraint: 'users_email_key' });
    const wrapped = new Error('Failed query', { cause: pgErr });
    expect(sqlState(wrapped)).toBe('23505');
    expect(isUniqueViolation(wrapped)).toBe(true);
    expect(constraintName(wrapped)).toBe('users_email_key');
    expect(sqlState(new Error('plain'))).toBeNull();
  });

  it('treats disk full, lost connections and shutdowns as storage unavailable', () => {
    expect(isStorageUnavailable({ code: '53100' })).toBe(true);
    expect(isStorageUnavailable({ code: '08006' })).toBe(true);
    expect(isStorageUnavailable({ code: '57P01' })).toBe(true);
    expect(isStorageUnavailable(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageUnavailable({ code: '23505' })).toBe(false);
  });
});
