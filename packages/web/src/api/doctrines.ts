import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { QueryParams, ResponseBody } from '@concord/api-client';
import { api } from './client';
import { queryKeys } from './query-keys';

export type DoctrinePage = ResponseBody<'/api/v1/doctrines', 'get'>;
export type DoctrineSummary = DoctrinePage['items'][number];
export type DoctrineQuery = QueryParams<'/api/v1/doctrines', 'get'>;
export type DoctrineVersion = ResponseBody<
  '/api/v1/doctrines/{participantId}/versions/{version}',
  'get'
>;
export type DoctrineCommitment = DoctrineVersion['commitments'][number];
export type DoctrineVisibility = DoctrineVersion['visibility'];
export type DoctrineDiff = ResponseBody<'/api/v1/doctrines/{participantId}/diff', 'get'>;
export type DoctrineListChange = DoctrineDiff['redLines'];
export type CommitmentsMatrix = ResponseBody<'/api/v1/doctrines/matrix', 'get'>;
export type MatrixQuery = QueryParams<'/api/v1/doctrines/matrix', 'get'>;
export type MatrixCell = CommitmentsMatrix['rows'][number]['cells'][number];
export type CellStatus = MatrixCell['status'];
export type PublisherKind = NonNullable<DoctrineQuery['participantKind']>;

/** DSSE payloadType of a signed doctrine version (the server's DOCTRINE_PAYLOAD_TYPE). */
export const DOCTRINE_PAYLOAD_TYPE = 'application/vnd.concord.doctrine+json';
/** Who publishes doctrines (the server's PUBLISHING_KINDS). */
export const PUBLISHING_KINDS: readonly string[] = ['state', 'regional_organisation'];

export const DEFAULT_DOCTRINE_PAGE_SIZE = 25;

export function useDoctrines(query: DoctrineQuery) {
  return useQuery({
    queryKey: queryKeys.doctrines.list(query),
    queryFn: () => unwrap(api.GET('/api/v1/doctrines', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useDoctrineVersions(
  participantId: string,
  query: { limit: number; cursor?: string },
) {
  return useQuery({
    queryKey: queryKeys.doctrines.versions(participantId, query),
    enabled: participantId !== '',
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/doctrines/{participantId}/versions', {
          params: { path: { participantId }, query },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useDoctrineVersion(participantId: string, version: number | null) {
  return useQuery({
    queryKey: queryKeys.doctrines.version(participantId, version ?? 0),
    enabled: participantId !== '' && version !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/doctrines/{participantId}/versions/{version}', {
          params: { path: { participantId, version: version ?? 0 } },
        }),
      ),
  });
}

export function useDoctrineDiff(participantId: string, range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: queryKeys.doctrines.diff(participantId, range ?? { from: 0, to: 0 }),
    enabled: range !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/doctrines/{participantId}/diff', {
          params: { path: { participantId }, query: range ?? { from: 0, to: 0 } },
        }),
      ),
  });
}

export function useCommitmentsMatrix(query: MatrixQuery) {
  return useQuery({
    queryKey: queryKeys.doctrines.matrix(query),
    queryFn: () => unwrap(api.GET('/api/v1/doctrines/matrix', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

/** The public portal's matrix: public doctrine versions only, no sign-in needed. */
export function usePublicCommitmentsMatrix(query: MatrixQuery) {
  return useQuery({
    queryKey: queryKeys.doctrines.publicMatrix(query),
    queryFn: () => unwrap(api.GET('/api/v1/public/doctrines/matrix', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

function csvUrl(path: string, query: MatrixQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${path}${search ? `?${search}` : ''}`;
}

/** Where the CSV of the same matrix downloads from (same origin, so the session applies). */
export const matrixCsvUrl = (query: MatrixQuery): string =>
  csvUrl('/api/v1/doctrines/matrix.csv', query);

/** The public portal's CSV: the same filters, public versions only. */
export const publicMatrixCsvUrl = (query: MatrixQuery): string =>
  csvUrl('/api/v1/public/doctrines/matrix.csv', query);

export const CELL_LABELS: Record<CellStatus, string> = {
  committed: 'Committed',
  conditional: 'With conditions',
  none: 'No statement',
};

export const VISIBILITY_LABELS: Record<DoctrineVisibility, string> = {
  public: 'Public',
  community: 'Community only',
};
