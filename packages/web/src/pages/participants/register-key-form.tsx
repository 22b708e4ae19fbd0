import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { ParticipantKey } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';

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
  const [label, setLabel] = useState('');
  const [publicKey, setPublicKey] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

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
    onError: (error) => setErrors(toFormErrors(error, FIELDS, { KEY_EXISTS: 'publicKey' })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkFields([
      ['label', label.trim() === '', 'Give the key a label'],
      ['publicKey', publicKey.trim() === '', 'Paste the public key'],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    register.mutate({ label: label.trim(), publicKey: publicKey.trim() });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-key-heading">
      <h3 id="register-key-heading">Register a signing key</h3>
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <TextField
        idPrefix={FORM}
        name="label"
        label="Label"
        hint="Something that tells keys apart, e.g. “Ministry signing key 2025”."
        value={label}
        error={errors.fields.label}
        onChange={(event) => setLabel(event.target.value)}
      />
      <TextAreaField
        idPrefix={FORM}
        name="publicKey"
        label="Public key"
        hint="The Ed25519 public key as base64 (32 raw bytes) or as a PEM “PUBLIC KEY” block. Never paste a private key."
        rows={5}
        spellCheck={false}
        value={publicKey}
        error={errors.fields.publicKey}
        onChange={(event) => setPublicKey(event.target.value)}
        style={{ fontFamily: 'var(--font-mono)', fontSize: 'var(--text-sm)' }}
      />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={register.isPending}>
          {register.isPending ? 'Registering…' : 'Register key'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
