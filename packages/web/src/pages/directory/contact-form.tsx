import { useMemo } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type {
  Availability,
  Contact,
  ContactCreate,
  ContactKind,
  Designation,
} from '../../api/directory';
import { ChoiceGroup, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { useForm } from '../../hooks/use-form';
import { renameFieldErrors } from '../../lib/form-errors';

const FIELDS = {
  kind: 'Kind',
  designation: 'Designation',
  name: 'Name',
  role: 'Role',
  organisation: 'Organisation',
  languages: 'Languages',
  email: 'Email',
  phone: 'Phone',
  secureHandle: 'Secure messaging',
  channels: 'Channels',
  availability: 'Availability',
  hours: 'Hours',
  timeZone: 'Time zone',
  validFrom: 'Valid from',
  validUntil: 'Valid until',
};

type Values = {
  kind: ContactKind;
  designation: Designation;
  name: string;
  role: string;
  organisation: string;
  languages: string;
  email: string;
  phone: string;
  secureHandle: string;
  availability: Availability;
  hours: string;
  timeZone: string;
  validFrom: string;
  validUntil: string;
};

const today = () => new Date().toISOString().slice(0, 10);

const valuesOf = (c: Contact | undefined): Values => ({
  kind: c?.kind ?? 'technical',
  designation: c?.designation ?? 'primary',
  name: c?.name ?? '',
  role: c?.role ?? '',
  organisation: c?.organisation ?? '',
  languages: c?.languages.join(', ') ?? 'en',
  email: c?.channels.email ?? '',
  phone: c?.channels.phone ?? '',
  secureHandle: c?.channels.secureHandle ?? '',
  availability: c?.availability ?? '24/7',
  hours: c?.hours ?? '',
  timeZone: c?.timeZone ?? '',
  validFrom: c?.validFrom ?? today(),
  validUntil: c?.validUntil ?? '',
});

/** `languages.2` and `channels.email` name this form's `languages` and `email` fields. */
const formField = (field: string): string => field.replace(/^channels\.(?=\w)/, '');

/** Adds a point of contact to the caller's participant, or changes one (`contact`). */
export function ContactForm({
  idPrefix,
  contact,
  onDone,
}: {
  idPrefix: string;
  contact?: Contact;
  onDone: (saved: Contact | null) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({ idPrefix, initial: valuesOf(contact), labels: FIELDS });
  const { values } = form;
  const zones = useMemo(() => {
    try {
      return Intl.supportedValuesOf('timeZone');
    } catch {
      return [];
    }
  }, []);

  const save = useMutation({
    mutationFn: (body: ContactCreate) =>
      contact
        ? unwrap(
            api.PATCH('/api/v1/directory/contacts/{id}', {
              params: { path: { id: contact.id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/directory/contacts', { body })),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onDone(saved);
    },
    onError: (error) =>
      form.showServerErrors(renameFieldErrors(error, formField), {
        CONTACT_VALIDITY_OVERLAP: 'designation',
      }),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const languages = values.languages
      .split(/[,\s]+/)
      .map((tag) => tag.trim())
      .filter(Boolean);
    const hours = values.availability === 'hours';
    const valid = form.check([
      ['name', values.name.trim() === '', 'Enter the contact’s name'],
      ['role', values.role.trim() === '', 'Enter the contact’s role, e.g. Duty officer'],
      ['languages', languages.length === 0, 'Give at least one language, e.g. en'],
      [
        'email',
        !values.email.trim() && !values.phone.trim() && !values.secureHandle.trim(),
        'Give at least one way to reach the contact: email, phone or secure messaging',
      ],
      [
        'hours',
        hours && values.hours.trim() === '',
        'Give the office hours, e.g. Mon–Fri 08:00–18:00',
      ],
      ['timeZone', hours && values.timeZone.trim() === '', 'Give the time zone of the hours'],
      [
        'validUntil',
        values.validUntil !== '' && values.validUntil < values.validFrom,
        'The last day cannot be before the first',
      ],
    ]);
    if (!valid) return;
    const channel = (value: string) => value.trim() || null;
    save.mutate({
      kind: values.kind,
      designation: values.designation,
      name: values.name.trim(),
      role: values.role.trim(),
      organisation: values.organisation.trim(),
      languages,
      channels: {
        email: channel(values.email),
        phone: channel(values.phone),
        secureHandle: channel(values.secureHandle),
      },
      availability: values.availability,
      hours: hours ? values.hours.trim() : null,
      timeZone: hours ? values.timeZone.trim() : null,
      validFrom: values.validFrom,
      validUntil: values.validUntil || null,
    });
  };

  return (
    <>
      <ErrorSummary errors={form.errors} idPrefix={idPrefix} />
      <form className="form form-wide" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <ChoiceGroup
            {...form.radios('kind')}
            legend="Kind"
            choices={[
              { value: 'diplomatic', label: 'Diplomatic', description: 'Policy and consultations' },
              { value: 'technical', label: 'Technical', description: 'CERT, incident handling' },
            ]}
          />
          <ChoiceGroup
            {...form.radios('designation')}
            legend="Designation"
            hint="One primary contact of each kind at a time."
            choices={[
              { value: 'primary', label: 'Primary' },
              { value: 'alternate', label: 'Alternate' },
            ]}
          />
          <TextField {...form.field('name')} label="Name" autoComplete="off" />
          <TextField
            {...form.field('role')}
            label="Role"
            hint="e.g. Duty officer, Cyber ambassador"
          />
          <TextField {...form.field('organisation')} label="Organisation" optional />
          <TextField
            {...form.field('languages')}
            label="Languages"
            hint="Language tags separated by commas, e.g. en, fr, sw-KE."
            spellCheck={false}
          />
          <TextField
            {...form.field('email')}
            label="Email"
            type="email"
            optional
            spellCheck={false}
          />
          <TextField
            {...form.field('phone')}
            label="Phone"
            type="tel"
            optional
            hint="International form, e.g. +254201234567."
          />
          <TextField
            {...form.field('secureHandle')}
            label="Secure messaging"
            optional
            hint="service:address, e.g. signal:+37255512345."
            spellCheck={false}
            className="span-2"
          />
          <ChoiceGroup
            {...form.radios('availability')}
            legend="Availability"
            choices={[
              { value: '24/7', label: 'Around the clock (24/7)' },
              { value: 'hours', label: 'Office hours' },
            ]}
          />
          <div>
            {values.availability === 'hours' ? (
              <>
                <TextField {...form.field('hours')} label="Hours" hint="e.g. Mon–Fri 08:00–18:00" />
                <TextField
                  {...form.field('timeZone')}
                  label="Time zone"
                  hint="IANA name, e.g. Africa/Nairobi."
                  list={`${idPrefix}-zones`}
                  spellCheck={false}
                  autoComplete="off"
                />
                <datalist id={`${idPrefix}-zones`}>
                  {zones.map((zone) => (
                    <option key={zone} value={zone} />
                  ))}
                </datalist>
              </>
            ) : null}
          </div>
          <TextField {...form.field('validFrom')} label="Valid from" type="date" />
          <TextField
            {...form.field('validUntil')}
            label="Valid until"
            type="date"
            optional
            hint="The last day; leave empty for no end."
          />
        </div>
        <FormActions
          pending={save.isPending}
          label={contact ? 'Save changes' : 'Add contact'}
          pendingLabel="Saving…"
          onCancel={() => onDone(null)}
        />
      </form>
    </>
  );
}
