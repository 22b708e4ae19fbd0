/** Readable identifiers for hand-written test objects: `id('indicator', 7)` is a valid UUIDv4 id. */
export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const id = (type: string, n = 1): string => `${type}--${uuid(n)}`;
