import { useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Token } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export function useTokens() {
  return useQuery({
    queryKey: queryKeys.tokens,
    queryFn: () => unwrap(api.GET('/api/v1/tokens')),
  });
}

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(token: Token, now: number = Date.now()): TokenStatus {
  if (token.revokedAt) return 'revoked';
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'expired';
  return 'active';
}
