import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api, setCsrfToken } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { noteSessionEnded } from './session';

/**
 * Ends the session on the server, then forgets it locally whatever the server said: a user who
 * asked to sign out must never be left signed in on screen. <RequireAuth> then shows sign-in.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: () => {
      setCsrfToken(null);
      noteSessionEnded('signed-out');
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}
