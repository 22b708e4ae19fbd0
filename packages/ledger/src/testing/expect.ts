/** Test-only matchers. Not exported from the package. */
import { expect } from 'vitest';
import type { LedgerErrorCode } from '../errors';

/** Matches a thrown LedgerError with this code (typed so `toThrow` accepts it). */
export function ledgerError(code: LedgerErrorCode, details?: Record<string, unknown>): Error {
  const shape =
    details === undefined ? { name: 'LedgerError', code } : { name: 'LedgerError', code, details };
  return expect.objectContaining(shape) as Error;
}
