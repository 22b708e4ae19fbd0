import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { ApiError, toApiError, unwrap } from '@concord/api-client';
import type { ResponseBody } from '@concord/api-client';
import {
  TILE_WIDTH,
  base64ToBytes,
  bytesEqual,
  decodeEntryBundle,
  entriesTilePath,
  leafHash,
} from '@concord/ledger';
import { api } from './client';
import { queryKeys } from './query-keys';

export type LedgerHead = ResponseBody<'/api/v1/ledger', 'get'>;
export type LedgerEntryPage = ResponseBody<'/api/v1/ledger/entries', 'get'>;
export type LedgerEntrySummary = LedgerEntryPage['items'][number];
export type LedgerEntry = ResponseBody<'/api/v1/ledger/entries/{index}', 'get'>;
export type LedgerConsistency = ResponseBody<'/api/v1/ledger/consistency', 'get'>;

/** The node's own tlog-tiles endpoints (C2SP), served beside the JSON API. */
const TILES_PREFIX = '/ledger/';

/** The log head: size, root, the signed checkpoint and the node's verifier key. */
export function useLedgerHead() {
  return useQuery({
    queryKey: queryKeys.ledger.head,
    queryFn: () => unwrap(api.GET('/api/v1/ledger')),
    // The sequencer signs a new checkpoint every few seconds while statements arrive.
    staleTime: 10_000,
  });
}

/** A page of entries, newest first; `nextCursor` (for PagedList) is the server's `nextBefore`. */
export function useLedgerEntries(query: { before?: number; limit: number }) {
  return useQuery({
    queryKey: queryKeys.ledger.entries(query),
    queryFn: () => unwrap(api.GET('/api/v1/ledger/entries', { params: { query } })),
    select: (page: LedgerEntryPage) => ({
      items: page.items,
      nextCursor: page.nextBefore === null ? null : String(page.nextBefore),
    }),
    placeholderData: keepPreviousData,
    staleTime: 10_000,
  });
}

export function useLedgerEntry(index: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.ledger.entry(index),
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/v1/ledger/entries/{index}', { params: { path: { index } } })),
    staleTime: 10_000,
  });
}

/** A consistency proof between two checkpointed sizes, for the append-only check. */
export function useLedgerConsistency(range: { from: number; to: number } | null) {
  return useQuery({
    queryKey: queryKeys.ledger.consistency(range ?? { from: 0, to: 0 }),
    enabled: range !== null,
    queryFn: () => unwrap(api.GET('/api/v1/ledger/consistency', { params: { query: range! } })),
    staleTime: Infinity,
    retry: false,
  });
}

async function fetchBundle(tile: number, width: number): Promise<Uint8Array[]> {
  const path = entriesTilePath(BigInt(tile), width);
  let response: Response;
  try {
    response = await fetch(`${TILES_PREFIX}${path}`, { credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError({
      status: 0,
      code: 'NETWORK_ERROR',
      title: 'Network error',
      detail: String(cause),
    });
  }
  if (!response.ok) throw toApiError(await response.text(), response);
  return decodeEntryBundle(new Uint8Array(await response.arrayBuffer()), width);
}

/**
 * The logged bytes of the listed entries, from the node's entry bundles (one request per 256
 * entries). Each entry's bytes are used only if they hash to the leaf hash the list gave, so
 * what a row says is what the log holds. `size` is the log size the bundles are cut at.
 */
export function useLeafData(
  items: readonly LedgerEntrySummary[] | undefined,
  size: number | undefined,
): (entry: LedgerEntrySummary) => Uint8Array | undefined {
  const indices = items?.map((item) => item.index) ?? [];
  const end = Math.max(size ?? 0, ...indices.map((i) => i + 1));
  const tiles = [...new Set(indices.map((i) => Math.floor(i / TILE_WIDTH)))];
  const bundles = useQueries({
    queries: tiles.map((tile) => {
      const width = Math.min(TILE_WIDTH, end - tile * TILE_WIDTH);
      return {
        queryKey: queryKeys.ledger.bundle(tile, width),
        queryFn: () => fetchBundle(tile, width),
        enabled: size !== undefined,
        // A bundle of a given width never changes: the log only grows.
        staleTime: Infinity,
        retry: false,
      };
    }),
  });
  return (entry) => {
    const bundle = bundles[tiles.indexOf(Math.floor(entry.index / TILE_WIDTH))]?.data;
    const data = bundle?.[entry.index % TILE_WIDTH];
    if (!data) return undefined;
    try {
      return bytesEqual(leafHash(data), base64ToBytes(entry.leafHash)) ? data : undefined;
    } catch {
      return undefined;
    }
  };
}
