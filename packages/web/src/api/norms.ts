import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, RequestBody, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type NormPage = ResponseBody<'/api/v1/norms', 'get'>;
export type Norm = NormPage['items'][number];
export type NormVersion = Norm['current'];
export type NormDetail = ResponseBody<'/api/v1/norms/{id}', 'get'>;
export type NormQuery = QueryParams<'/api/v1/norms', 'get'>;
export type NormCategory = Norm['current']['category'];
export type NormStatus = Norm['status'];
export type NormSector = NonNullable<NormQuery['sector']>;
export type NormVocabulary = ResponseBody<'/api/v1/norms/vocabulary', 'get'>;
export type NormCommitment = ResponseBody<'/api/v1/norms/{id}/commitments', 'get'>['items'][number];

export type AmendmentPage = ResponseBody<'/api/v1/norms/amendments', 'get'>;
export type AmendmentSummary = AmendmentPage['items'][number];
export type Amendment = ResponseBody<'/api/v1/norms/amendments/{id}', 'get'>;
export type AmendmentQuery = QueryParams<'/api/v1/norms/amendments', 'get'>;
export type AmendmentStatus = AmendmentSummary['status'];
export type AmendmentKind = AmendmentSummary['kind'];
export type AmendmentProposal = RequestBody<'/api/v1/norms/amendments', 'post'>;
export type DiffPart = Amendment['diff']['text'][number];

export const DEFAULT_NORM_PAGE_SIZE = 25;

export function useNorms(query: NormQuery) {
  return useQuery({
    queryKey: queryKeys.norms.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/norms', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Categories, pillars, sectors and statuses change only with a server release. */
export function useNormVocabulary() {
  return useQuery({
    queryKey: queryKeys.norms.vocabulary,
    queryFn: () => unwrap(api.GET('/api/v1/norms/vocabulary')),
    staleTime: Infinity,
    gcTime: Infinity,
  });
}

export function useNorm(id: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.norms.detail(id),
    enabled: enabled && id !== '',
    queryFn: () => unwrap(api.GET('/api/v1/norms/{id}', { params: { path: { id } } })),
  });
}

/** Each participant's commitment to a norm, from its latest doctrine version the reader may see. */
export function useNormCommitments(id: string) {
  return useQuery({
    queryKey: queryKeys.doctrines.normCommitments(id),
    enabled: id !== '',
    queryFn: () => unwrap(api.GET('/api/v1/norms/{id}/commitments', { params: { path: { id } } })),
  });
}

export function useAmendments(query: AmendmentQuery) {
  return useQuery({
    queryKey: queryKeys.norms.amendments(query),
    queryFn: () => unwrap(api.GET('/api/v1/norms/amendments', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAmendment(id: string) {
  return useQuery({
    queryKey: queryKeys.norms.amendment(id),
    queryFn: () => unwrap(api.GET('/api/v1/norms/amendments/{id}', { params: { path: { id } } })),
  });
}

const humanise = (id: string): string => {
  const text = id.replace(/[_-]/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

export function categoryLabel(vocabulary: NormVocabulary | undefined, id: string): string {
  return vocabulary?.categories.find((c) => c.id === id)?.label ?? humanise(id);
}

export function pillarLabel(vocabulary: NormVocabulary | undefined, id: number): string {
  const name = vocabulary?.pillars.find((p) => p.id === id)?.label;
  return name ? `${id}. ${name}` : `Pillar ${id}`;
}

/** `digital-infrastructure` → "Digital infrastructure". */
export const sectorLabel = (id: string): string => humanise(id);

export const statusLabel = (id: string): string => humanise(id);

const MAX_PAGE_SIZE = 100;
/** A catalogue larger than this needs a search-as-you-type picker instead. */
const MAX_PICKER_PAGES = 10;

/** Every norm in catalogue order, for pickers (the amendment form, filters, the matrix). */
export function useAllNorms() {
  return useQuery({
    queryKey: queryKeys.norms.everything,
    queryFn: async () => {
      const all: Norm[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PICKER_PAGES; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/norms', {
            params: { query: { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          }),
        );
        all.push(...result.items);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return all;
    },
    staleTime: 60_000,
  });
}
