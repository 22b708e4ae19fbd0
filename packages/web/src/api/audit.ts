import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { AuditQuery } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export function useAuditEvents(query: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: queryKeys.audit.list(query),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}
