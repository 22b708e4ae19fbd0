import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type PublicIntelQuery = QueryParams<'/api/v1/public/intel/objects', 'get'>;
export type PublicIntelPage = ResponseBody<'/api/v1/public/intel/objects', 'get'>;
export type PublicIntelDetail = ResponseBody<'/api/v1/public/intel/objects/{stixId}', 'get'>;

/** TLP:CLEAR objects, searchable by anyone; the server never returns any other marking. */
export function usePublicIntelObjects(query: PublicIntelQuery) {
  return useQuery({
    queryKey: queryKeys.intel.publicObjects(query),
    queryFn: () => unwrap(api.GET('/api/v1/public/intel/objects', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function usePublicIntelObject(stixId: string) {
  return useQuery({
    queryKey: queryKeys.intel.publicObject(stixId),
    queryFn: () =>
      unwrap(api.GET('/api/v1/public/intel/objects/{stixId}', { params: { path: { stixId } } })),
  });
}

/** Where a TLP:CLEAR object's public page is. */
export const publicObjectPath = (stixId: string): string =>
  `/public/intel/${encodeURIComponent(stixId)}`;
