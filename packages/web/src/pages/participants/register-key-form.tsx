import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { ParticipantKey } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';

const FORM = 'register-key';
const FIELDS = { label: 'Label', publicKey: 'Public key' };

export function RegisterKeyForm({
  participantId,
  onDone,
}: {
  participantId: string;
  onDone: (key: ParticipantKey | null) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({ idPrefix: FORM, initial: { label: '', publicKey: '' }, labels: FIELDS });
  const { label, publicKey } = form.values;

  const register = useMutation({
    mutationFn: (body: { label: string; publicKey: string }) =>
      unwrap(
        api.POST('/api/v1/participants/{id}/keys', {
          params: { path: { id: participantId } },
          body,
        }),
      ),
    onSuccess: async (key) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.participants.keys(participantId) });
      onDone(key);
    },
    onError: (error) => form.showServerErrors(error, { KEY_EXISTS: 'publicKey' }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = form.check([
      ['label', label.trim() === '', 'Give the key a label'],
      ['publicKey', publicKey.trim() === '', 'Paste the public key'],
    ]);
    if (valid) register.mutate({ label: label.trim(), publicKey: publicKey.trim() });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-key-heading">
      <h3 id="register-key-heading">Register a signing key</h3>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextField
        {...form.field('label')}
        label="Label"
        hint="Something that tells keys apart, e.g. “Ministry signing key 2025”."
      />
      <TextAreaField
        {...form.field('publicKey')}
        label="Public key"
        hint="The Ed25519 public key as base64 (32 raw bytes) or as a PEM “PUBLIC KEY” block. Never paste a private key."
        rows={5}
        spellCheck={false}
        style={{ fontFamily: 'var(--font-mono)', fontSize: 'var(--text-sm)' }}
      />
      <FormActions
        pending={register.isPending}
        label="Register key"
        pendingLabel="Registering…"
        onCancel={() => onDone(null)}
      />
    </form>
  );
}
