import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, RequestBody, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type TermPage = ResponseBody<'/api/v1/glossary/terms', 'get'>;
export type Term = TermPage['items'][number];
export type TermQuery = QueryParams<'/api/v1/glossary/terms', 'get'>;
export type TermDetail = ResponseBody<'/api/v1/glossary/terms/{id}', 'get'>;
export type Variant = TermDetail['variants'][number];
export type Alignment = Variant['aligned'];
export type VariantInput = RequestBody<'/api/v1/glossary/terms/{id}/variants/mine', 'put'>;
export type TermUpdate = RequestBody<'/api/v1/glossary/terms/{id}', 'patch'>;
export type TermCreate = RequestBody<'/api/v1/glossary/terms', 'post'>;
export type DivergencePage = ResponseBody<'/api/v1/glossary/divergence', 'get'>;
export type DivergenceItem = DivergencePage['items'][number];
export type DivergenceQuery = QueryParams<'/api/v1/glossary/divergence', 'get'>;
export type AlignmentPage = ResponseBody<'/api/v1/glossary/alignment', 'get'>;
export type AlignmentItem = AlignmentPage['items'][number];
export type AlignmentQuery = QueryParams<'/api/v1/glossary/alignment', 'get'>;

export const DEFAULT_TERM_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;
/** A glossary larger than this needs a search-as-you-type picker instead. */
const MAX_PICKER_PAGES = 10;

export function useTerms(query: TermQuery) {
  return useQuery({
    queryKey: queryKeys.glossary.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/glossary/terms', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** Every term (id and name), for pickers and for naming the terms a norm relies on. */
export function useAllTerms() {
  return useQuery({
    queryKey: queryKeys.glossary.everything,
    queryFn: async () => {
      const all: Term[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PICKER_PAGES; page += 1) {
        const result = await unwrap(
          api.GET('/api/v1/glossary/terms', {
            params: { query: { limit: MAX_PAGE_SIZE, ...(cursor ? { cursor } : {}) } },
          }),
        );
        all.push(...result.items);
        if (!result.nextCursor) break;
        cursor = result.nextCursor;
      }
      return all.sort((a, b) => a.term.localeCompare(b.term));
    },
    staleTime: 5 * 60_000,
  });
}

export function useTerm(id: string, threshold?: number) {
  return useQuery({
    queryKey: queryKeys.glossary.detail(id, threshold),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/glossary/terms/{id}', {
          params: { path: { id }, query: threshold === undefined ? {} : { threshold } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDivergence(query: DivergenceQuery) {
  return useQuery({
    queryKey: queryKeys.glossary.divergence(query),
    queryFn: () => unwrap(api.GET('/api/v1/glossary/divergence', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAlignment(query: AlignmentQuery) {
  return useQuery({
    queryKey: queryKeys.glossary.alignment(query),
    queryFn: () => unwrap(api.GET('/api/v1/glossary/alignment', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** A term's name by id, falling back to the id until the glossary has loaded. */
export function termName(terms: readonly Term[] | undefined, id: string): string {
  return terms?.find((t) => t.id === id)?.term ?? id;
}
