import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { Notice } from '../../components/notice';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import { MIN_PASSWORD_LENGTH } from '../../lib/users';

const FORM = 'change-password';
const FIELDS = {
  currentPassword: 'Current password',
  newPassword: 'New password',
  confirmPassword: 'Confirm new password',
};

export function ChangePasswordPage() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmPassword, setConfirmPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [done, setDone] = useState(false);

  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      unwrap(api.POST('/api/v1/auth/password', { body })),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirmPassword('');
      setDone(true);
    },
    onError: (error) =>
      setErrors(
        toFormErrors(error, FIELDS, {
          INVALID_CREDENTIALS: 'currentPassword',
          WEAK_PASSWORD: 'newPassword',
        }),
      ),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(false);
    const problems = checkFields([
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
    setErrors(problems);
    if (hasErrors(problems)) return;
    change.mutate({ currentPassword, newPassword });
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
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          idPrefix={FORM}
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          error={errors.fields.currentPassword}
          onChange={(event) => setCurrentPassword(event.target.value)}
        />
        <TextField
          idPrefix={FORM}
          name="newPassword"
          label="New password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. A passphrase of several unrelated words is both strong and memorable.`}
          type="password"
          autoComplete="new-password"
          value={newPassword}
          error={errors.fields.newPassword}
          onChange={(event) => setNewPassword(event.target.value)}
        />
        <TextField
          idPrefix={FORM}
          name="confirmPassword"
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          value={confirmPassword}
          error={errors.fields.confirmPassword}
          onChange={(event) => setConfirmPassword(event.target.value)}
        />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={change.isPending}>
            {change.isPending ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </>
  );
}
