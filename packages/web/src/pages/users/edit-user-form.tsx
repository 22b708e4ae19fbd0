import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Role, User, UserStatus, UserUpdate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useMeta } from '../../api/meta';
import { ChoiceGroup, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { Notice } from '../../components/notice';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';

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
  const [displayName, setDisplayName] = useState(user.displayName);
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [status, setStatus] = useState<UserStatus>(user.status);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [unchanged, setUnchanged] = useState(false);

  const save = useMutation({
    mutationFn: (body: UserUpdate) =>
      unwrap(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body })),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.users.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      onSaved();
    },
    onError: (error) => setErrors(toFormErrors(error, FIELDS, { LAST_ADMIN: 'roles' })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setUnchanged(false);
    const problems = checkFields([
      ['displayName', displayName.trim() === '', 'Enter the person’s name'],
      [
        'roles',
        roles.length === 0,
        'Keep at least one role; to stop someone signing in, disable the account',
      ],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
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

  const roleChoices =
    meta.data?.roles.map((role) => ({
      value: role.id,
      label: role.label,
      description: role.description,
    })) ?? [];

  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={FORM} />
      {unchanged ? <Notice live>Nothing has changed, so there was nothing to save.</Notice> : null}
      <TextField
        idPrefix={FORM}
        name="displayName"
        label="Full name"
        value={displayName}
        error={errors.fields.displayName}
        onChange={(event) => setDisplayName(event.target.value)}
      />
      <ChoiceGroup<Role>
        type="checkbox"
        idPrefix={FORM}
        name="roles"
        legend="Roles"
        hint={
          isSelf
            ? 'Take care: removing your own administrator role takes effect at once.'
            : undefined
        }
        choices={roleChoices}
        value={roles}
        error={errors.fields.roles}
        onChange={setRoles}
      />
      <ChoiceGroup<UserStatus>
        type="radio"
        idPrefix={FORM}
        name="status"
        legend="Status"
        value={[status]}
        error={errors.fields.status}
        onChange={([next]) => next && setStatus(next)}
        choices={[
          { value: 'active', label: 'Active', description: 'Can sign in and use API tokens.' },
          {
            value: 'disabled',
            label: 'Disabled',
            description: 'Cannot sign in; sessions and tokens stop working. Their history is kept.',
          },
        ]}
      />
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
