import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import type { Participant, ParticipantUpdate } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { ChoiceGroup, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';

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
  const form = useForm<{
    name: string;
    shortName: string;
    description: string;
    website: string;
    status: Status;
  }>({
    idPrefix: FORM,
    initial: {
      name: participant.name,
      shortName: participant.shortName ?? '',
      description: participant.description,
      website: participant.website ?? '',
      status: participant.status,
    },
    labels: FIELDS,
  });
  const { values } = form;

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
    onError: (error) => form.showServerErrors(error, { NAME_TAKEN: 'name' }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const website = values.website.trim();
    const valid = form.check([
      ['name', values.name.trim() === '', 'Enter the participant’s name'],
      ['name', values.name.trim().length === 1, 'The name must be at least 2 characters'],
      [
        'website',
        website !== '' && !/^https?:\/\/\S+$/i.test(website),
        'Enter a web address starting with https://',
      ],
    ]);
    if (!valid) return;
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
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <TextField {...form.field('name')} label="Name" required />
      <TextField {...form.field('shortName')} label="Short name" optional />
      <TextAreaField {...form.field('description')} label="Description" optional rows={4} />
      <TextField {...form.field('website')} label="Website" optional type="url" inputMode="url" />
      {canChangeStatus ? (
        <ChoiceGroup
          {...form.radios('status')}
          legend="Status"
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
      <FormActions
        pending={save.isPending}
        label="Save changes"
        pendingLabel="Saving…"
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
