import { createContext, useContext } from 'react';
import { queryOptions } from '@tanstack/react-query';
import { isApiError, unwrap } from '@concord/api-client';
import type { Me, SessionResponse } from '@concord/api-client';
import { api, setCsrfToken } from '../api/client';
import { queryKeys } from '../api/query-keys';

/** Why the last session ended, shown once on the sign-in page. */
export type SessionEndReason = 'expired' | 'signed-out';

let endReason: SessionEndReason | null = null;

export function noteSessionEnded(reason: SessionEndReason): void {
  endReason = reason;
}

export function peekSessionEndReason(): SessionEndReason | null {
  return endReason;
}

/** Called once the sign-in page has shown the reason, so it is shown only once. */
export function clearSessionEndReason(): void {
  endReason = null;
}

/** `null` means "not signed in"; other failures (server down) stay errors. */
export const sessionQuery = queryOptions<SessionResponse | null>({
  queryKey: queryKeys.session,
  queryFn: async () => {
    try {
      const session = await unwrap(api.GET('/api/v1/auth/me'));
      setCsrfToken(session.csrfToken);
      return session;
    } catch (error) {
      if (isApiError(error) && error.status === 401) {
        setCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 5 * 60_000,
  retry: false,
});

export const MeContext = createContext<Me | null>(null);

/** The signed-in user; only valid below <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside an authenticated route');
  return me;
}

/** Where to send someone who must sign in, remembering where they were going. */
export function loginPath(next: string | null): string {
  if (!next || next === '/' || !isSafeNext(next)) return '/login';
  return `/login?next=${encodeURIComponent(next)}`;
}

/** Only same-origin absolute paths, never `//host` or the sign-in page itself. */
export function isSafeNext(next: string): boolean {
  return (
    next.startsWith('/') &&
    !next.startsWith('//') &&
    !next.startsWith('/\\') &&
    !next.startsWith('/login')
  );
}
