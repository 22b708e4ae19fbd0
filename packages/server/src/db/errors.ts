/** Reads the SQLSTATE of an error from pg, PGlite or drizzle's wrapper around either. */
export function sqlState(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

export function constraintName(err: unknown): string | null {
  let current: unknown = err;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const c = (current as { constraint?: unknown }).constraint;
    if (typeof c === 'string') return c;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** PostgreSQL Appendix A: 23505 unique_violation. */
export const isUniqueViolation = (err: unknown): boolean => sqlState(err) === '23505';

/**
 * Class 53 (insufficient resources: disk full, out of memory, too many connections),
 * class 08 (connection exception) and 57P0x (admin/crash shutdown): the database could not
 * do the work; the transaction did not commit.
 */
export function isStorageUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state !== null)
    return state.startsWith('53') || state.startsWith('08') || state.startsWith('57P');
  const errno = (err as NodeJS.ErrnoException | null)?.code;
  return errno === 'ENOSPC' || errno === 'ECONNREFUSED' || errno === 'ECONNRESET';
}
