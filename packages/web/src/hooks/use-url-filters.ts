import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address bar, so a filtered view can be bookmarked, shared and
 * restored with the back button. Empty values are removed from the URL.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = {} as Record<K, string>;
  for (const key of keys) values[key] = params.get(key) ?? '';

  const update = useCallback(
    (patch: Partial<Record<K, string>>) => {
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (typeof value === 'string' && value !== '') next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [values, update] as const;
}
