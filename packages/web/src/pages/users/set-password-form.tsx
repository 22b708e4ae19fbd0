import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { User } from '@concord/api-client';
import { api } from '../../api/client';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { Notice } from '../../components/notice';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import { MIN_PASSWORD_LENGTH } from '../../lib/users';

const FORM = 'set-password';

/** For an administrator helping someone who forgot their password or was locked out. */
export function SetPasswordForm({ user }: { user: User }) {
  const [newPassword, setNewPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);

  const set = useMutation({
    mutationFn: (body: { newPassword: string }) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body })),
    onSuccess: () => {
      setNewPassword('');
      setDone(true);
    },
    onError: (error) =>
      setErrors(
        toFormErrors(error, { newPassword: 'New password' }, { WEAK_PASSWORD: 'newPassword' }),
      ),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const problems = checkFields([
      [
        'newPassword',
        newPassword.length < MIN_PASSWORD_LENGTH,
        `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`,
      ],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    set.mutate({ newPassword });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {done ? (
        <Notice tone="success" live>
          {user.displayName}’s password has been replaced. Give them the new one over a secure
          channel.
        </Notice>
      ) : null}
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <TextField
        idPrefix={FORM}
        name="newPassword"
        label="New password"
        hint="Their current sessions end, and they sign in with this password next time."
        type="password"
        autoComplete="new-password"
        value={newPassword}
        error={errors.fields.newPassword}
        onChange={(event) => setNewPassword(event.target.value)}
      />
      <button type="submit" className="btn" disabled={set.isPending}>
        {set.isPending ? 'Setting…' : 'Set new password'}
      </button>
    </form>
  );
}
