import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '@concord/api-client';
import type { Role, UserCreate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useAllParticipants } from '../../api/participants';
import { asChoices, useMeta } from '../../api/meta';
import { useMe } from '../../auth/session';
import { isPlatformAdmin } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import {
  ChoiceGroup,
  EmailField,
  PasswordField,
  SelectField,
  TextField,
} from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { ParticipantOptions } from '../../components/options';
import type { FlashState } from '../../hooks/use-flash';
import { useForm } from '../../hooks/use-form';
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

  const form = useForm({
    idPrefix: FORM,
    initial: {
      participantId: platform ? (params.get('participantId') ?? '') : me.participant.id,
      email: '',
      displayName: '',
      roles: ['member'] as Role[],
      password: '',
    },
    labels: FIELDS,
  });
  const { participantId, email, displayName, roles, password } = form.values;

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
      form.showServerErrors(error, { WEAK_PASSWORD: 'password', EMAIL_TAKEN: 'email' }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = form.check([
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
    if (!valid) return;
    create.mutate({
      participantId,
      email: email.trim(),
      displayName: displayName.trim(),
      roles,
      password,
    });
  };

  return (
    <>
      <PageHeader
        title="New user"
        breadcrumbs={[{ label: 'Users', to: '/admin/users' }]}
        description="Create an account for someone who acts for a participant. They sign in with the email address and initial password you set here."
      />
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        {platform ? (
          <SelectField
            {...form.field('participantId')}
            label="Participant"
            hint="The organisation this person acts for."
            required
            disabled={participants.isPending}
          >
            <option value="">
              {participants.isPending ? 'Loading participants…' : 'Choose a participant'}
            </option>
            <ParticipantOptions participants={participants.data} />
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
        <EmailField {...form.field('email')} label="Email address" autoComplete="off" required />
        <TextField
          {...form.field('displayName')}
          label="Full name"
          hint="As colleagues in other delegations will see it."
          autoComplete="off"
          required
        />
        <ChoiceGroup
          {...form.checkboxes('roles')}
          legend="Roles"
          hint="Choose every role this person needs; you can change them later."
          columns
          choices={asChoices(meta.data?.roles)}
        />
        <PasswordField
          {...form.field('password')}
          label="Initial password"
          hint={`At least ${MIN_PASSWORD_LENGTH} characters. Give it to the person over a secure channel and ask them to change it after signing in.`}
          autoComplete="new-password"
          required
          revealable
        />
        <FormActions
          pending={create.isPending}
          label="Create user"
          pendingLabel="Creating…"
          onCancel={() => void navigate('/admin/users')}
        />
      </form>
    </>
  );
}
