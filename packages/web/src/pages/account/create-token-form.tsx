import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { TokenCreate, TokenCreated, TokenScope } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useMeta } from '../../api/meta';
import { ChoiceGroup, SelectField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';

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
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<TokenScope[]>(['read']);
  const [expiry, setExpiry] = useState(DEFAULT_TOKEN_EXPIRY_DAYS);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const create = useMutation({
    mutationFn: (body: TokenCreate) => unwrap(api.POST('/api/v1/tokens', { body })),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.tokens });
      onCreated(created);
    },
    onError: (error) => setErrors(toFormErrors(error, FIELDS)),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkFields([
      ['name', name.trim() === '', 'Give the token a name'],
      ['scopes', scopes.length === 0, 'Choose at least one scope'],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    const body: TokenCreate = { name: name.trim(), scopes };
    if (expiry !== '') body.expiresInDays = Number(expiry);
    create.mutate(body);
  };

  const scopeChoices =
    meta.data?.tokenScopes.map((scope) => ({
      value: scope.id,
      label: scope.label,
      description: scope.description,
    })) ?? [];

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <TextField
        idPrefix={FORM}
        name="name"
        label="Name"
        hint="What will use it, e.g. “CERT ingest pipeline” or “my laptop CLI”."
        autoComplete="off"
        value={name}
        error={errors.fields.name}
        onChange={(event) => setName(event.target.value)}
      />
      <ChoiceGroup<TokenScope>
        type="checkbox"
        idPrefix={FORM}
        name="scopes"
        legend="Scopes"
        hint="A token can never do more than you can yourself."
        choices={scopeChoices}
        value={scopes}
        error={errors.fields.scopes}
        onChange={setScopes}
      />
      <SelectField
        idPrefix={FORM}
        name="expiresInDays"
        label="Expires after"
        value={expiry}
        error={errors.fields.expiresInDays}
        onChange={(event) => setExpiry(event.target.value)}
      >
        {EXPIRY_OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create token'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
