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
  norms: {
    all: ['norms'] as const,
    list: (query: object) => ['norms', 'list', query] as const,
    everything: ['norms', 'everything'] as const,
    vocabulary: ['norms', 'vocabulary'] as const,
    detail: (id: string) => ['norms', 'detail', id] as const,
    amendments: (query: object) => ['norms', 'amendments', query] as const,
    amendment: (id: string) => ['norms', 'amendment', id] as const,
  },
  glossary: {
    all: ['glossary'] as const,
    list: (query: object) => ['glossary', 'list', query] as const,
    everything: ['glossary', 'everything'] as const,
    detail: (id: string, threshold?: number) =>
      ['glossary', 'detail', id, threshold ?? null] as const,
    divergence: (query: object) => ['glossary', 'divergence', query] as const,
    alignment: (query: object) => ['glossary', 'alignment', query] as const,
  },
  doctrines: {
    all: ['doctrines'] as const,
    list: (query: object) => ['doctrines', 'list', query] as const,
    versions: (participantId: string, query: object) =>
      ['doctrines', 'versions', participantId, query] as const,
    version: (participantId: string, version: number) =>
      ['doctrines', 'version', participantId, version] as const,
    diff: (participantId: string, range: { from: number; to: number }) =>
      ['doctrines', 'diff', participantId, range.from, range.to] as const,
    matrix: (query: object) => ['doctrines', 'matrix', query] as const,
    publicMatrix: (query: object) => ['doctrines', 'public-matrix', query] as const,
    /** Under `doctrines`: publishing a version changes who committed to a norm. */
    normCommitments: (normId: string) => ['doctrines', 'norm-commitments', normId] as const,
  },
  directory: {
    all: ['directory'] as const,
    contacts: (query: object) => ['directory', 'contacts', query] as const,
    tasks: (query: object) => ['directory', 'tasks', query] as const,
    stats: (rounds: number | null) => ['directory', 'stats', rounds] as const,
    rounds: (query: object) => ['directory', 'rounds', query] as const,
    round: (id: string) => ['directory', 'round', id] as const,
    settings: ['directory', 'settings'] as const,
    messages: (query: object) => ['directory', 'messages', query] as const,
    message: (id: string) => ['directory', 'message', id] as const,
    thread: (threadId: string) => ['directory', 'thread', threadId] as const,
    templates: ['directory', 'templates'] as const,
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
  intel: {
    all: ['intel'] as const,
    objects: (query: object) => ['intel', 'objects', query] as const,
    object: (stixId: string) => ['intel', 'object', stixId] as const,
    /** Under the object's key, so refreshing an object refreshes its links too. */
    links: (stixId: string, query: object) => ['intel', 'object', stixId, 'links', query] as const,
    incidents: (query: object) => ['intel', 'incidents', query] as const,
    collections: ['intel', 'collections'] as const,
    communities: ['intel', 'communities'] as const,
    /**
     * Under `intel`, so that whatever refreshes members' intelligence (an import, a sighting)
     * refreshes the public view of it too.
     */
    publicObjects: (query: object) => ['intel', 'public', 'objects', query] as const,
    publicObject: (stixId: string) => ['intel', 'public', 'object', stixId] as const,
  },
};
