import { describe, it, expect } from 'vitest';
import type { Token } from '@concord/api-client';
import { tokenStatus } from './tokens';

const NOW = Date.parse('2026-05-01T12:00:00Z');
const token = (overrides: Partial<Token>): Token => ({
  id: 't1',
  name: 'ci',
  prefix: 'concord_pat_abc',
  scopes: ['read'],
  createdAt: '2026-04-01T00:00:00Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  ...overrides,
});

describe('tokenStatus', () => {
  it('is active until it expires or is revoked', () => {
    expect(tokenStatus(token({}), NOW)).toBe('active');
    expect(tokenStatus(token({ expiresAt: '2026-05-02T00:00:00Z' }), NOW)).toBe('active');
  });

  it('is expired from its expiry instant on', () => {
    expect(tokenStatus(token({ expiresAt: '2026-05-01T12:00:00Z' }), NOW)).toBe('expired');
  });

  it('reports revoked even when also expired', () => {
    expect(
      tokenStatus(
        token({ expiresAt: '2026-01-01T00:00:00Z', revokedAt: '2025-12-01T00:00:00Z' }),
        NOW,
      ),
    ).toBe('revoked');
  });
});
