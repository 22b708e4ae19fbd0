import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Participant, ParticipantUpdate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { NO_ERRORS, checkFields, hasErrors, toFormErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';

const FORM = 'edit-participant';
const FIELDS = {
  name: 'Name',
  shortName: 'Short name',
  description: 'Description',
  website: 'Website',
  status: 'Status',
};
type Status = Participant['status'];

export function ParticipantDetailsForm({
  participant,
  canChangeStatus,
  onDone,
}: {
  participant: Participant;
  canChangeStatus: boolean;
  onDone: (saved: boolean) => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    name: participant.name,
    shortName: participant.shortName ?? '',
    description: participant.description,
    website: participant.website ?? '',
    status: participant.status,
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);

  const save = useMutation({
    mutationFn: (body: ParticipantUpdate) =>
      unwrap(
        api.PATCH('/api/v1/participants/{id}', { params: { path: { id: participant.id } }, body }),
      ),
    onSuccess: async (updated) => {
      queryClient.setQueryData(queryKeys.participants.detail(updated.id), updated);
      await queryClient.invalidateQueries({ queryKey: queryKeys.participants.all });
      onDone(true);
    },
    onError: (error) => setErrors(toFormErrors(error, FIELDS, { NAME_TAKEN: 'name' })),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const website = values.website.trim();
    const problems = checkFields([
      ['name', values.name.trim() === '', 'Enter the participant’s name'],
      ['name', values.name.trim().length === 1, 'The name must be at least 2 characters'],
      [
        'website',
        website !== '' && !/^https?:\/\/\S+$/i.test(website),
        'Enter a web address starting with https://',
      ],
    ]);
    setErrors(problems);
    if (hasErrors(problems)) return;
    // Send only what changed, so a concurrent edit of another field is not overwritten.
    const body: ParticipantUpdate = {};
    if (values.name.trim() !== participant.name) body.name = values.name.trim();
    // A cleared optional field is sent as null, which removes it.
    if (values.shortName.trim() !== (participant.shortName ?? ''))
      body.shortName = values.shortName.trim() || null;
    if (values.description.trim() !== participant.description)
      body.description = values.description.trim();
    if (website !== (participant.website ?? '')) body.website = website || null;
    if (canChangeStatus && values.status !== participant.status) body.status = values.status;
    if (Object.keys(body).length === 0) {
      onDone(false);
      return;
    }
    save.mutate(body);
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <TextField
        idPrefix={FORM}
        name="name"
        label="Name"
        required
        value={values.name}
        error={errors.fields.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
      />
      <TextField
        idPrefix={FORM}
        name="shortName"
        label="Short name"
        optional
        value={values.shortName}
        error={errors.fields.shortName}
        onChange={(event) => setValues({ ...values, shortName: event.target.value })}
      />
      <TextAreaField
        idPrefix={FORM}
        name="description"
        label="Description"
        optional
        rows={4}
        value={values.description}
        error={errors.fields.description}
        onChange={(event) => setValues({ ...values, description: event.target.value })}
      />
      <TextField
        idPrefix={FORM}
        name="website"
        label="Website"
        optional
        type="url"
        inputMode="url"
        value={values.website}
        error={errors.fields.website}
        onChange={(event) => setValues({ ...values, website: event.target.value })}
      />
      {canChangeStatus ? (
        <ChoiceGroup<Status>
          type="radio"
          idPrefix={FORM}
          name="status"
          legend="Status"
          error={errors.fields.status}
          value={[values.status]}
          onChange={([status]) => status && setValues({ ...values, status })}
          choices={[
            {
              value: 'active',
              label: 'Active',
              description: 'Its users can sign in and act for it.',
            },
            {
              value: 'suspended',
              label: 'Suspended',
              description: 'Its users are locked out until it is reactivated. Its records stay.',
            },
          ]}
        />
      ) : null}
      <div className="button-row">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => onDone(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
