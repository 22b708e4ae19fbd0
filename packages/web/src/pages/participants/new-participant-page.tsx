import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { unwrap } from '@concord/api-client';
import type { ParticipantCreate, ParticipantKind } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useMeta } from '../../api/meta';
import { useMe } from '../../auth/session';
import { canCreateParticipants } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { Notice } from '../../components/notice';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import type { FlashState } from '../../hooks/use-flash';

const FORM = 'new-participant';
const FIELDS = {
  name: 'Name',
  shortName: 'Short name',
  kind: 'Kind',
  countryCode: 'Country',
  description: 'Description',
  website: 'Website',
};

export function NewParticipantPage() {
  const me = useMe();
  const meta = useMeta();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: '',
    shortName: '',
    kind: '' as ParticipantKind | '',
    countryCode: '',
    description: '',
    website: '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));

  const create = useMutation({
    mutationFn: (body: ParticipantCreate) => unwrap(api.POST('/api/v1/participants', { body })),
    onSuccess: async (participant) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.participants.all });
      const state: FlashState = { flash: `${participant.name} has been registered.` };
      await navigate(`/admin/participants/${participant.id}`, { state });
    },
    onError: (error) =>
      setErrors(toFormErrors(error, FIELDS, { NAME_TAKEN: 'name', COUNTRY_TAKEN: 'countryCode' })),
  });

  const breadcrumbs = [{ label: 'Participants', to: '/admin/participants' }];
  if (!canCreateParticipants(me)) {
    return (
      <>
        <PageHeader title="New participant" breadcrumbs={breadcrumbs} />
        <Notice tone="warning">
          Only the secretariat’s administrators can register participants.
        </Notice>
      </>
    );
  }

  const isState = values.kind === 'state';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problems = checkFields([
      ['name', values.name.trim() === '', 'Enter the participant’s name'],
      ['name', values.name.trim().length === 1, 'The name must be at least 2 characters'],
      ['kind', values.kind === '', 'Choose what kind of participant this is'],
      ['countryCode', isState && values.countryCode === '', 'Choose the state’s country'],
      [
        'website',
        values.website.trim() !== '' && !/^https?:\/\/\S+$/i.test(values.website.trim()),
        'Enter a web address starting with https://',
      ],
    ]);
    setErrors(problems);
    if (hasErrors(problems) || values.kind === '') return;
    const body: ParticipantCreate = { name: values.name.trim(), kind: values.kind };
    if (values.shortName.trim()) body.shortName = values.shortName.trim();
    if (isState) body.countryCode = values.countryCode;
    if (values.description.trim()) body.description = values.description.trim();
    if (values.website.trim()) body.website = values.website.trim();
    create.mutate(body);
  };

  return (
    <>
      <PageHeader
        title="New participant"
        breadcrumbs={breadcrumbs}
        description="Register an organisation that takes part in the regime. You can add its users and signing keys next."
      />
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          idPrefix={FORM}
          name="name"
          label="Name"
          hint="The official name, e.g. “Republic of Estonia” or “CERT-EU”."
          required
          value={values.name}
          error={errors.fields.name}
          onChange={set('name')}
        />
        <TextField
          idPrefix={FORM}
          name="shortName"
          label="Short name"
          optional
          value={values.shortName}
          error={errors.fields.shortName}
          onChange={set('shortName')}
        />
        <SelectField
          idPrefix={FORM}
          name="kind"
          label="Kind"
          required
          value={values.kind}
          error={errors.fields.kind}
          onChange={set('kind')}
        >
          <option value="">Choose a kind</option>
          {meta.data?.participantKinds.map((kind) => (
            <option key={kind.id} value={kind.id}>
              {kind.label}
            </option>
          ))}
        </SelectField>
        {isState ? (
          <SelectField
            idPrefix={FORM}
            name="countryCode"
            label="Country"
            hint="States are identified by their ISO 3166-1 country."
            required
            value={values.countryCode}
            error={errors.fields.countryCode}
            onChange={set('countryCode')}
          >
            <option value="">Choose a country</option>
            {meta.data?.countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </SelectField>
        ) : null}
        <TextAreaField
          idPrefix={FORM}
          name="description"
          label="Description"
          optional
          hint="What the organisation does and its role in the regime."
          rows={4}
          value={values.description}
          error={errors.fields.description}
          onChange={set('description')}
        />
        <TextField
          idPrefix={FORM}
          name="website"
          label="Website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://"
          value={values.website}
          error={errors.fields.website}
          onChange={set('website')}
        />
        <div className="button-row">
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {create.isPending ? 'Registering…' : 'Register participant'}
          </button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => void navigate('/admin/participants')}
          >
            Cancel
          </button>
        </div>
      </form>
    </>
  );
}
