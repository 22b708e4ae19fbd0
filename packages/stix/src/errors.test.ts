/**
 * One trigger per StixError code. The Record type makes the compiler insist that every code in
 * STIX_ERROR_CODES has a case here.
 */
import { describe, expect, it } from 'vitest';
import { deterministicScoId } from './deterministic-id';
import { STIX_ERROR_CODES, StixError, isStixError } from './errors';
import type { StixErrorCode } from './errors';
import { compareStixTimestamps } from './timestamp';
import { uuidV5 } from './uuid';

const cases: Record<StixErrorCode, () => unknown> = {
  INVALID_ARGUMENT: () => uuidV5('not-a-uuid', 'x'),
  INVALID_OBJECT: () => deterministicScoId({ type: 'file', hashes: [] }),
  INVALID_TIMESTAMP: () => compareStixTimestamps('today', '2024-01-01T00:00:00Z'),
  NOT_AN_SCO: () => deterministicScoId({ type: 'malware' }),
};

describe('StixError', () => {
  it('has a case for every code', () => {
    expect(Object.keys(cases).sort()).toEqual([...STIX_ERROR_CODES].sort());
  });

  it.each(STIX_ERROR_CODES)('%s', (code) => {
    let thrown: unknown;
    try {
      cases[code]();
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(StixError);
    expect(isStixError(thrown, code)).toBe(true);
    expect((thrown as StixError).name).toBe('StixError');
  });
});
