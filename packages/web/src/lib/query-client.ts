import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { isApiError } from '@concord/api-client';
import { queryKeys } from '../api/query-keys';
import { noteSessionEnded } from '../auth/session';

const SESSION_LOST_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** Client errors will not succeed on retry; network and server errors get two more tries. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // A 401 on any call means the session is gone: forget it, and <RequireAuth> sends the user to
  // the sign-in page with a way back. Wrong passwords (INVALID_CREDENTIALS) are not this case.
  const onError = (error: unknown, queryKey?: QueryKey): void => {
    if (!isApiError(error) || error.status !== 401 || !SESSION_LOST_CODES.has(error.code)) return;
    if (queryKey?.[0] === queryKeys.session[0]) return;
    noteSessionEnded('expired');
    client.setQueryData(queryKeys.session, null);
  };

  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({ onError: (error) => onError(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return client;
}
