import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { ParticipantKey } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { Dialog } from '../../components/dialog';
import { TextAreaField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';

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
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const close = (revoked: ParticipantKey | null) => {
    setReason('');
    setErrors(NO_ERRORS);
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
    onError: (error) => setErrors(toFormErrors(error, { reason: 'Reason' })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!target) return;
    const problems = checkFields([
      ['reason', reason.trim() === '', 'Say why the key is being revoked'],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    revoke.mutate({ keyId: target.id, reason: reason.trim() });
  };

  return (
    <Dialog
      open={target !== null}
      onClose={() => close(null)}
      title={`Revoke key “${target?.label ?? ''}”?`}
      description="Statements signed with this key stay verifiable, but nothing new can be signed with it. Revocation cannot be undone."
    >
      <form id={FORM} onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} idPrefix={FORM} />
        <TextAreaField
          idPrefix={FORM}
          name="reason"
          label="Reason"
          hint="Recorded with the key and shown to everyone, e.g. “Key rotated” or “Suspected compromise”."
          rows={3}
          value={reason}
          error={errors.fields.reason}
          onChange={(event) => setReason(event.target.value)}
          data-autofocus=""
        />
        <div className="button-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => close(null)}>
            Cancel
          </button>
          <button type="submit" className="btn btn-danger" disabled={revoke.isPending}>
            {revoke.isPending ? 'Revoking…' : 'Revoke key'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
