import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Amendment } from '../../api/norms';
import { queryKeys } from '../../api/query-keys';

/**
 * A mutation on one amendment (comment, endorse, withdraw, decide). Each answers with the
 * amendment as it now stands, which replaces the cached one; lists and the norm refresh.
 */
export function useAmendmentAction<I>(
  amendmentId: string,
  call: (input: I) => Promise<Amendment>,
  options: { onSuccess?: (amendment: Amendment) => void; onError?: (error: unknown) => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: async (amendment) => {
      queryClient.setQueryData(queryKeys.norms.amendment(amendmentId), amendment);
      options.onSuccess?.(amendment);
      await queryClient.invalidateQueries({
        queryKey: queryKeys.norms.all,
        predicate: (query) =>
          query.queryKey[1] !== 'amendment' || query.queryKey[2] !== amendmentId,
      });
    },
    onError: options.onError,
  });
}
