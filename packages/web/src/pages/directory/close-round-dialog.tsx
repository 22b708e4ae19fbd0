import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { PingRoundDetail } from '../../api/directory';
import { Dialog } from '../../components/dialog';
import { describeError } from '../../components/states';

/**
 * Closing a round stops its reminders and acknowledgements; contacts that have not answered
 * count as missed. `onClose` gets a confirmation when the round was closed.
 */
export function CloseRoundDialog({
  round,
  onClose,
}: {
  round: PingRoundDetail | null;
  onClose: (message: string | null) => void;
}) {
  const queryClient = useQueryClient();
  const close = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/v1/directory/ping-rounds/{id}/close', { params: { path: { id } } })),
    onSuccess: async (closed) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onClose(`“${closed.title}” is closed: no more reminders or acknowledgements.`);
    },
  });
  const unanswered = round ? round.summary.pending + round.summary.overdue : 0;
  return (
    <Dialog
      open={round !== null}
      onClose={() => {
        close.reset();
        onClose(null);
      }}
      title={`Close “${round?.title ?? ''}”?`}
      description={
        unanswered > 0
          ? `${unanswered} ${unanswered === 1 ? 'contact has' : 'contacts have'} not acknowledged yet and will count as missed. No more reminders are sent, and nothing can be acknowledged afterwards.`
          : 'Every contact has answered. No more acknowledgements can be recorded afterwards.'
      }
      footer={
        <>
          <button
            type="button"
            className="btn btn-ghost"
            data-autofocus=""
            onClick={() => onClose(null)}
          >
            Keep it open
          </button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={close.isPending || round === null}
            onClick={() => round && close.mutate(round.id)}
          >
            {close.isPending ? 'Closing…' : 'Close the round'}
          </button>
        </>
      }
    >
      {close.isError ? (
        <p className="field-error" role="alert">
          The round could not be closed: {describeError(close.error).message}
        </p>
      ) : null}
    </Dialog>
  );
}
