import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { TokenCreate, TokenCreated, TokenScope } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { asChoices, useMeta } from '../../api/meta';
import { ChoiceGroup, SelectField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';

const FORM = 'new-token';
const FIELDS = { name: 'Name', scopes: 'Scopes', expiresInDays: 'Expires after' };
export const DEFAULT_TOKEN_EXPIRY_DAYS = '90';
const EXPIRY_OPTIONS = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: '', label: 'No expiry (not recommended)' },
];

export function CreateTokenForm({
  onCreated,
  onCancel,
}: {
  onCreated: (created: TokenCreated) => void;
  onCancel: () => void;
}) {
  const meta = useMeta();
  const queryClient = useQueryClient();
  const form = useForm({
    idPrefix: FORM,
    initial: {
      name: '',
      scopes: ['read'] as TokenScope[],
      expiresInDays: DEFAULT_TOKEN_EXPIRY_DAYS,
    },
    labels: FIELDS,
  });
  const { name, scopes, expiresInDays } = form.values;

  const create = useMutation({
    mutationFn: (body: TokenCreate) => unwrap(api.POST('/api/v1/tokens', { body })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      onCreated(created);
    },
    onError: (error) => form.showServerErrors(error),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const valid = form.check([
      ['name', name.trim() === '', 'Give the token a name'],
      ['scopes', scopes.length === 0, 'Choose at least one scope'],
    ]);
    if (!valid) return;
    const body: TokenCreate = { name: name.trim(), scopes };
    if (expiresInDays !== '') body.expiresInDays = Number(expiresInDays);
    create.mutate(body);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextField
        {...form.field('name')}
        label="Name"
        hint="What will use it, e.g. “CERT ingest pipeline” or “my laptop CLI”."
        autoComplete="off"
      />
      <ChoiceGroup
        {...form.checkboxes('scopes')}
        legend="Scopes"
        hint="A token can never do more than you can yourself."
        choices={asChoices(meta.data?.tokenScopes)}
      />
      <SelectField {...form.field('expiresInDays')} label="Expires after">
        {EXPIRY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <FormActions
        pending={create.isPending}
        label="Create token"
        pendingLabel="Creating…"
        onCancel={onCancel}
      />
    </form>
  );
}
