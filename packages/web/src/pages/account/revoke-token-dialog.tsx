import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Token } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/states';

export function RevokeTokenDialog({
  target,
  onClose,
}: {
  target: Token | null;
  onClose: (revoked: Token | null) => void;
}) {
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/tokens/{id}/revoke', { params: { path: { id } } })),
    onSuccess: async (token) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      revoke.reset();
      onClose(token);
    },
  });
  const close = () => {
    revoke.reset();
    onClose(null);
  };

  return (
    <Dialog
      open={target !== null}
      onClose={close}
      title={`Revoke token “${target?.name ?? ''}”?`}
      description="Anything using this token stops working immediately. This cannot be undone."
      footer={
        <>
          <button type="button" className="btn btn-ghost" onClick={close} data-autofocus="">
            Cancel
          </button>
          <button
            type="button"
            className="btn btn-danger"
            disabled={revoke.isPending}
            onClick={() => target && revoke.mutate(target.id)}
          >
            {revoke.isPending ? 'Revoking…' : 'Revoke token'}
          </button>
        </>
      }
    >
      {revoke.isError ? (
        <ErrorState title="The token could not be revoked" error={revoke.error} />
      ) : null}
    </Dialog>
  );
}
