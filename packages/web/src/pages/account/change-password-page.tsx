import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { PasswordField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { useForm } from '../../hooks/use-form';
import { MIN_PASSWORD_LENGTH } from '../../lib/users';

const FORM = 'change-password';
const FIELDS = {
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
};

export function ChangePasswordPage() {
  const form = useForm({
    idPrefix: FORM,
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    labels: FIELDS,
  });
  const { currentPassword, newPassword, confirmPassword } = form.values;
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/auth/password', { body })),
    onSuccess: () => {
      form.reset();
      setDone(true);
    },
    onError: (error) =>
      form.showServerErrors(error, {
        INVALID_CREDENTIALS: 'currentPassword',
        WEAK_PASSWORD: 'newPassword',
      }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const valid = form.check([
      ['currentPassword', currentPassword === '', 'Enter your current password'],
      ['newPassword', newPassword === '', 'Enter a new password'],
      [
        'newPassword',
        newPassword !== '' && newPassword.length < MIN_PASSWORD_LENGTH,
        `The new password must be at least ${MIN_PASSWORD_LENGTH} characters`,
      ],
      [
        'newPassword',
        newPassword !== '' && newPassword === currentPassword,
        'Choose a password different from your current one',
      ],
      ['confirmPassword', confirmPassword !== newPassword, 'The two new passwords do not match'],
    ]);
    if (valid) change.mutate({ currentPassword, newPassword });
  };

  return (
    <>
      <PageHeader
        title="Change password"
        description="Changing your password signs you out everywhere else: other browsers and devices will need the new password. API tokens keep working."
      />
      {done ? (
        <Notice tone="success" title="Your password has been changed" live>
          Your other sessions have been signed out.
        </Notice>
      ) : null}
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <PasswordField
          {...form.field('currentPassword')}
          label="Current password"
          autoComplete="current-password"
        />
        <PasswordField
          {...form.field('newPassword')}
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of several unrelated words is both strong and memorable.`}
          autoComplete="new-password"
        />
        <PasswordField
          {...form.field('confirmPassword')}
          label="Confirm new password"
          autoComplete="new-password"
        />
        <FormActions pending={change.isPending} label="Change password" pendingLabel="Changing…" />
      </form>
    </>
  );
}
