import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { UserQuery } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export function useUsers(query: UserQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.users.list(query),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: string) {
  return useQuery({
    queryKey: queryKeys.users.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id } } })),
  });
}
