import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Role, User, UserStatus, UserUpdate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { asChoices, useMeta } from '../../api/meta';
import { ChoiceGroup, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import { useForm } from '../../hooks/use-form';

const FORM = 'edit-user';
const FIELDS = { displayName: 'Full name', roles: 'Roles', status: 'Status' };

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

export function EditUserForm({
  user,
  isSelf,
  onSaved,
}: {
  user: User;
  isSelf: boolean;
  onSaved: () => void;
}) {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const form = useForm<{ displayName: string; roles: Role[]; status: UserStatus }>({
    idPrefix: FORM,
    initial: { displayName: user.displayName, roles: user.roles, status: user.status },
    labels: FIELDS,
  });
  const { displayName, roles, status } = form.values;
  const [unchanged, setUnchanged] = useState(false);

  const save = useMutation({
    mutationFn: (body: UserUpdate) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.users.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      onSaved();
    },
    onError: (error) => form.showServerErrors(error, { LAST_ADMIN: 'roles' }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setUnchanged(false);
    const valid = form.check([
      ['displayName', displayName.trim() === '', 'Enter the person’s name'],
      [
        'roles',
        roles.length === 0,
        'Keep at least one role; to stop someone signing in, disable the account',
      ],
    ]);
    if (!valid) return;
    const body: UserUpdate = {};
    if (displayName.trim() !== user.displayName) body.displayName = displayName.trim();
    if (!sameRoles(roles, user.roles)) body.roles = roles;
    if (status !== user.status) body.status = status;
    if (Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    save.mutate(body);
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      {unchanged ? <Notice live>Nothing has changed, so there was nothing to save.</Notice> : null}
      <TextField {...form.field('displayName')} label="Full name" />
      <ChoiceGroup
        {...form.checkboxes('roles')}
        legend="Roles"
        hint={
          isSelf
            ? 'Take care: removing your own administrator role takes effect at once.'
            : undefined
        }
        choices={asChoices(meta.data?.roles)}
      />
      <ChoiceGroup
        {...form.radios('status')}
        legend="Status"
        choices={[
          { value: 'active', label: 'Active', description: 'Can sign in and use API tokens.' },
          {
            value: 'disabled',
            label: 'Disabled',
            description: 'Cannot sign in; sessions and tokens stop working. Their history is kept.',
          },
        ]}
      />
      <FormActions pending={save.isPending} label="Save changes" pendingLabel="Saving…" />
    </form>
  );
}
