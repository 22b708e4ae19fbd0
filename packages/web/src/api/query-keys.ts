/** Query keys in one place so invalidation after a mutation cannot miss a cache entry. */
export const queryKeys = {
  session: ['session'] as const,
  meta: ['meta'] as const,
  participants: {
    all: ['participants'] as const,
    list: (query: object) => ['participants', 'list', query] as const,
    everything: ['participants', 'everything'] as const,
    detail: (id: string) => ['participants', 'detail', id] as const,
    keys: (id: string) => ['participants', 'keys', id] as const,
  },
  users: {
    all: ['users'] as const,
    list: (query: object) => ['users', 'list', query] as const,
    detail: (id: string) => ['users', 'detail', id] as const,
  },
  tokens: ['tokens'] as const,
  audit: {
    all: ['audit'] as const,
    list: (query: object) => ['audit', 'list', query] as const,
  },
  ledger: {
    all: ['ledger'] as const,
    head: ['ledger', 'head'] as const,
    entries: (query: object) => ['ledger', 'entries', query] as const,
    entry: (index: number) => ['ledger', 'entry', index] as const,
    bundle: (tile: number, width: number) => ['ledger', 'bundle', tile, width] as const,
    consistency: (range: { from: number; to: number }) =>
      ['ledger', 'consistency', range.from, range.to] as const,
  },
};
