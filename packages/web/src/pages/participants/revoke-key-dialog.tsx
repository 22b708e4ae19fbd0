import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { ParticipantKey } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/dialog';
import { TextAreaField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';

const FORM = 'revoke-key';

/** Revoking is permanent and public, so it asks for a reason that is kept with the key. */
export function RevokeKeyDialog({
  participantId,
  target,
  onClose,
}: {
  participantId: string;
  target: ParticipantKey | null;
  onClose: (revoked: ParticipantKey | null) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({ idPrefix: FORM, initial: { reason: '' }, labels: { reason: 'Reason' } });
  const { reason } = form.values;

  const close = (revoked: ParticipantKey | null) => {
    form.reset();
    onClose(revoked);
  };

  const revoke = useMutation({
    mutationFn: (input: { keyId: string; reason: string }) =>
      unwrap(
        api.POST('/api/v1/participants/{id}/keys/{keyId}/revoke', {
          params: { path: { id: participantId, keyId: input.keyId } },
          body: { reason: input.reason },
        }),
      ),
    onSuccess: async (key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.participants.keys(participantId) });
      close(key);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) return;
    const valid = form.check([
      ['reason', reason.trim() === '', 'Say why the key is being revoked'],
    ]);
    if (valid) revoke.mutate({ keyId: target.id, reason: reason.trim() });
  };

  return (
    <Dialog
      open={target !== null}
      onClose={() => close(null)}
      title={`Revoke key “${target?.label ?? ''}”?`}
      description="Statements signed with this key stay verifiable, but nothing new can be signed with it. Revocation cannot be undone."
    >
      <form id={FORM} onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={form.errors} idPrefix={FORM} />
        <TextAreaField
          {...form.field('reason')}
          label="Reason"
          hint="Recorded with the key and shown to everyone, e.g. “Key rotated” or “Suspected compromise”."
          rows={3}
          data-autofocus=""
        />
        <div className="button-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => close(null)}>
            Cancel
          </button>
          <SubmitButton
            className="btn btn-danger"
            pending={revoke.isPending}
            label="Revoke key"
            pendingLabel="Revoking…"
          />
        </div>
      </form>
    </Dialog>
  );
}
