import { useState } from 'react';

/**
 * Cursor pagination state: the cursors of the pages behind us form a stack, so "Previous" pops
 * and "Next" pushes the server's `nextCursor`. Changing `resetKey` (the filters) starts over.
 */
export function useCursorPagination(resetKey: string) {
  const [state, setState] = useState<{ key: string; stack: string[] }>({
    key: resetKey,
    stack: [],
  });
  const stack = state.key === resetKey ? state.stack : [];

  return {
    cursor: stack.at(-1),
    page: stack.length + 1,
    hasPrevious: stack.length > 0,
    next: (cursor: string) => setState({ key: resetKey, stack: [...stack, cursor] }),
    previous: () => setState({ key: resetKey, stack: stack.slice(0, -1) }),
  };
}

export type CursorPages = ReturnType<typeof useCursorPagination>;
