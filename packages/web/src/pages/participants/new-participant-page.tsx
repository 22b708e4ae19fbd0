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
import { MetaOptions } from '../../components/options';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { Notice } from '../../components/notice';
import type { FlashState } from '../../hooks/use-flash';
import { useForm } from '../../hooks/use-form';

const FORM = 'new-participant';
const FIELDS = {
  name: 'Name',
  shortName: 'Short name',
  kind: 'Kind',
  countryCode: 'Country',
  description: 'Description',
  website: 'Website',
};
const EMPTY = {
  name: '',
  shortName: '',
  kind: '' as ParticipantKind | '',
  countryCode: '',
  description: '',
  website: '',
};

export function NewParticipantPage() {
  const me = useMe();
  const meta = useMeta();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useForm({ idPrefix: FORM, initial: EMPTY, labels: FIELDS });
  const { values } = form;

  const create = useMutation({
    mutationFn: (body: ParticipantCreate) => unwrap(api.POST('/api/v1/participants', { body })),
    onSuccess: async (participant) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.participants.all });
      const state: FlashState = { flash: `${participant.name} has been registered.` };
      await navigate(`/admin/participants/${participant.id}`, { state });
    },
    onError: (error) =>
      form.showServerErrors(error, { NAME_TAKEN: 'name', COUNTRY_TAKEN: 'countryCode' }),
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
    const valid = form.check([
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
    if (!valid || values.kind === '') return;
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
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          {...form.field('name')}
          label="Name"
          hint="The official name, e.g. “Republic of Estonia” or “CERT-EU”."
          required
        />
        <TextField {...form.field('shortName')} label="Short name" optional />
        <SelectField {...form.field('kind')} label="Kind" required>
          <option value="">Choose a kind</option>
          <MetaOptions entries={meta.data?.participantKinds} />
        </SelectField>
        {isState ? (
          <SelectField
            {...form.field('countryCode')}
            label="Country"
            hint="States are identified by their ISO 3166-1 country."
            required
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
          {...form.field('description')}
          label="Description"
          optional
          hint="What the organisation does and its role in the regime."
          rows={4}
        />
        <TextField
          {...form.field('website')}
          label="Website"
          optional
          type="url"
          inputMode="url"
          placeholder="https://"
        />
        <FormActions
          pending={create.isPending}
          label="Register participant"
          pendingLabel="Registering…"
          onCancel={() => void navigate('/admin/participants')}
        />
      </form>
    </>
  );
}
