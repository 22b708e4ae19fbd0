import { DomainError } from '../errors';

/** Opaque keyset cursors: base64url JSON of the last row's sort key. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  shape: readonly ('string' | 'number')[],
): (string | number)[] | null {
  if (cursor === undefined || cursor === '') return null;
  const fail = (): never => {
    throw new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this list returned', {
      fieldErrors: [{ field: 'cursor', message: 'is not a cursor this list returned' }],
    });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return fail();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length) return fail();
  const items = parsed as unknown[];
  shape.forEach((t, i) => {
    if (typeof items[i] !== t) fail();
  });
  return items as (string | number)[];
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch `limit + 1` rows; the extra one tells whether there is a next page. */
export function toPage<R, T>(
  rows: R[],
  limit: number,
  key: (row: R) => (string | number)[],
  present: (row: R) => T,
): Page<T> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: more && last !== undefined ? encodeCursor(key(last)) : null,
  };
}
