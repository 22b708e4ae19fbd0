import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '@concord/api-client';
import type { Role, UserCreate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAllParticipants } from '../../api/participants';
import { useMeta } from '../../api/meta';
import { useMe } from '../../auth/session';
import { isPlatformAdmin } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { ChoiceGroup, SelectField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import type { FlashState } from '../../hooks/use-flash';
import { MIN_PASSWORD_LENGTH } from '../../lib/users';

const FORM = 'new-user';
const FIELDS = {
  participantId: 'Participant',
  email: 'Email address',
  displayName: 'Full name',
  roles: 'Roles',
  password: 'Initial password',
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function NewUserPage() {
  const me = useMe();
  const meta = useMeta();
  const platform = isPlatformAdmin(me);
  const participants = useAllParticipants(platform);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();

  const [participantId, setParticipantId] = useState(
    platform ? (params.get('participantId') ?? '') : me.participant.id,
  );
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>(['member']);
  const [password, setPassword] = useState('');
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const create = useMutation({
    mutationFn: (body: UserCreate) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: async (user) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
        queryClient.invalidateQueries({ queryKey: queryKeys.participants.all }),
      ]);
      const state: FlashState = {
        flash: `${user.displayName} can now sign in as ${user.email}. Share the initial password with them over a secure channel.`,
      };
      await navigate(`/admin/users/${user.id}`, { state });
    },
    onError: (error) =>
      setErrors(toFormErrors(error, FIELDS, { WEAK_PASSWORD: 'password', EMAIL_TAKEN: 'email' })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkFields([
      ['participantId', participantId === '', 'Choose the participant this user acts for'],
      ['email', email.trim() === '', 'Enter an email address'],
      [
        'email',
        email.trim() !== '' && !EMAIL.test(email.trim()),
        'Enter an email address like name@example.org',
      ],
      ['displayName', displayName.trim() === '', 'Enter the person’s name'],
      ['roles', roles.length === 0, 'Choose at least one role'],
      ['password', password === '', 'Enter an initial password'],
      [
        'password',
        password !== '' && password.length < MIN_PASSWORD_LENGTH,
        `The password must be at least ${MIN_PASSWORD_LENGTH} characters`,
      ],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    create.mutate({
      participantId,
      email: email.trim(),
      displayName: displayName.trim(),
      roles,
      password,
    });
  };

  const roleChoices =
    meta.data?.roles.map((role) => ({
      value: role.id,
      label: role.label,
      description: role.description,
    })) ?? [];

  return (
    <>
      <PageHeader
        title="New user"
        breadcrumbs={[{ label: 'Users', to: '/admin/users' }]}
        description="Create an account for someone who acts for a participant. They sign in with the email address and initial password you set here."
      />
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        {platform ? (
          <SelectField
            idPrefix={FORM}
            name="participantId"
            label="Participant"
            hint="The organisation this person acts for."
            required
            value={participantId}
            error={errors.fields.participantId}
            onChange={(event) => setParticipantId(event.target.value)}
            disabled={participants.isPending}
          >
            <option value="">
              {participants.isPending ? 'Loading participants…' : 'Choose a participant'}
            </option>
            {participants.data?.map((participant) => (
              <option key={participant.id} value={participant.id}>
                {participant.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <TextField
            idPrefix={FORM}
            name="participantId"
            label="Participant"
            value={me.participant.name}
            readOnly
            hint="You can add users to your own organisation."
          />
        )}
        <TextField
          idPrefix={FORM}
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          value={email}
          error={errors.fields.email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          idPrefix={FORM}
          name="displayName"
          label="Full name"
          hint="As colleagues in other delegations will see it."
          autoComplete="off"
          required
          value={displayName}
          error={errors.fields.displayName}
          onChange={(event) => setDisplayName(event.target.value)}
        />
        <ChoiceGroup<Role>
          type="checkbox"
          idPrefix={FORM}
          name="roles"
          legend="Roles"
          hint="Choose every role this person needs; you can change them later."
          columns
          choices={roleChoices}
          value={roles}
          error={errors.fields.roles}
          onChange={setRoles}
        />
        <TextField
          idPrefix={FORM}
          name="password"
          label="Initial password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the person over a secure channel and ask them to change it after signing in.`}
          type={showPassword ? 'text' : 'password'}
          autoComplete="new-password"
          required
          value={password}
          error={errors.fields.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <label className="checkbox-inline" style={{ marginTop: 'calc(-1 * var(--space-3))' }}>
          <input
            type="checkbox"
            checked={showPassword}
            onChange={(event) => setShowPassword(event.target.checked)}
          />
          Show password
        </label>
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create user'}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void navigate('/admin/users')}
          >
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
