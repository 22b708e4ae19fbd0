import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Participant, ParticipantQuery } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export const DEFAULT_PAGE_SIZE = 25;
/** The largest page the server hands out; used when a picker needs every participant. */
export const MAX_PAGE_SIZE = 100;
/** A node with more participants than this needs a search-as-you-type picker instead. */
const MAX_PICKER_PAGES = 20;

export function useParticipants(query: ParticipantQuery) {
  return useQuery({
    queryKey: queryKeys.participants.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/participants', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every participant, for pickers and summaries; follows cursors to the end. */
export function useAllParticipants(enabled = true) {
  return useQuery({
    queryKey: queryKeys.participants.everything,
    enabled,
    queryFn: async () => {
      const all: Participant[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PICKER_PAGES; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/participants', { params: { query: { limit: MAX_PAGE_SIZE, cursor } } }),
        );
        all.push(...result.items);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return all.sort((a, b) => a.name.localeCompare(b.name));
    },
    staleTime: 60_000,
  });
}

export function useParticipant(id: string) {
  return useQuery({
    queryKey: queryKeys.participants.detail(id),
    queryFn: () => unwrap(api.GET('/api/v1/participants/{id}', { params: { path: { id } } })),
  });
}

export function useParticipantKeys(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.participants.keys(id),
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/participants/{id}/keys', { params: { path: { id } } })),
  });
}
