import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { User } from '@concord/api-client';
import { api } from '../../api/client';
import { PasswordField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { useForm } from '../../hooks/use-form';
import { MIN_PASSWORD_LENGTH } from '../../lib/users';

const FORM = 'set-password';

/** For an administrator helping someone who forgot their password or was locked out. */
export function SetPasswordForm({ user }: { user: User }) {
  const form = useForm({
    idPrefix: FORM,
    initial: { newPassword: '' },
    labels: { newPassword: 'New password' },
  });
  const { newPassword } = form.values;
  const [done, setDone] = useState(false);

  const set = useMutation({
    mutationFn: (body: { newPassword: string }) =>
      unwrap(api.POST('/api/v1/users/{id}/password', { params: { path: { id: user.id } }, body })),
    onSuccess: () => {
      form.reset();
      setDone(true);
    },
    onError: (error) => form.showServerErrors(error, { WEAK_PASSWORD: 'newPassword' }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const valid = form.check([
      [
        'newPassword',
        newPassword.length < MIN_PASSWORD_LENGTH,
        `Enter a password of at least ${MIN_PASSWORD_LENGTH} characters`,
      ],
    ]);
    if (valid) set.mutate({ newPassword });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      {done ? (
        <Notice tone="success" live>
          {user.displayName}’s password has been replaced. Give them the new one over a secure
          channel.
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <PasswordField
        {...form.field('newPassword')}
        label="New password"
        hint="Their current sessions end, and they sign in with this password next time."
        autoComplete="new-password"
      />
      <SubmitButton
        className="btn"
        pending={set.isPending}
        label="Set new password"
        pendingLabel="Setting…"
      />
    </form>
  );
}
