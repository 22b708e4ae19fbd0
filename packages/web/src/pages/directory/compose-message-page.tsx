import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useMessageTemplates } from '../../api/directory';
import type { MessageTemplate, SendMessage, TemplateField } from '../../api/directory';
import { useAllParticipants } from '../../api/participants';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { SelectField, TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { FormActions } from '../../components/form-actions';
import { toFormErrors, renameFieldErrors } from '../../lib/form-errors';
import type { FormErrors } from '../../lib/form-errors';
import { NO_ERRORS } from '../../lib/form-errors';
import type { FlashState } from '../../hooks/use-flash';

const FORM = 'compose';
const BASE_LABELS = {
  to: 'To',
  template: 'Kind of message',
  subject: 'Subject',
  body: 'Message',
  ackDueInHours: 'Acknowledge within (hours)',
};
/** Template fields live beside the fixed ones; this prefix keeps their names apart. */
const fieldName = (name: string) => `f-${name}`;

/** A `datetime-local` value (local time, no zone) as the RFC 3339 instant the API wants. */
const toInstant = (local: string): string => {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
};

function TemplateInput({
  field,
  value,
  error,
  onChange,
}: {
  field: TemplateField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  const common = {
    idPrefix: FORM,
    name: fieldName(field.name),
    label: field.label,
    optional: !field.required,
    error,
    value,
  };
  switch (field.type) {
    case 'choice':
      return (
        <SelectField {...common} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose</option>
          {field.options?.map((option) => (
            <option key={option} value={option}>
              {option.replace(/_/g, ' ')}
            </option>
          ))}
        </SelectField>
      );
    case 'datetime':
      return (
        <TextField
          {...common}
          type="datetime-local"
          hint="Your local time."
          onChange={(event) => onChange(event.target.value)}
        />
      );
    default:
      return (field.maxLength ?? 0) > 300 ? (
        <TextAreaField
          {...common}
          rows={3}
          maxLength={field.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : (
        <TextField
          {...common}
          maxLength={field.maxLength}
          onChange={(event) => onChange(event.target.value)}
        />
      );
  }
}

/** Writing a structured message: the template asks for what the receiver needs to act. */
export function ComposeMessagePage() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const participants = useAllParticipants();
  const templates = useMessageTemplates();
  const [to, setTo] = useState(params.get('to') ?? '');
  const [templateId, setTemplateId] = useState(params.get('template') ?? '');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [ackDue, setAckDue] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const template: MessageTemplate | undefined = templates.data?.items.find(
    (t) => t.id === templateId,
  );
  const labels: Record<string, string> = { ...BASE_LABELS };
  for (const f of template?.fields ?? []) labels[fieldName(f.name)] = f.label;

  const send = useMutation({
    mutationFn: (message: SendMessage) =>
      unwrap(api.POST('/api/v1/directory/messages', { body: message })),
    onSuccess: async (message) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      const state: FlashState = { flash: `Your message has been sent to ${message.to.name}.` };
      await navigate(`/directory/messages/${message.id}`, { state });
    },
    onError: (error) =>
      setErrors(
        toFormErrors(
          renameFieldErrors(error, (f) =>
            f.replace(/^fields\.(.+)$/, (_, name: string) => fieldName(name)),
          ),
          labels,
        ),
      ),
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const fields: Partial<Record<string, string>> = {};
    if (to === '') fields.to = 'Choose who receives the message';
    if (!template) fields.template = 'Choose the kind of message';
    if (subject.trim() === '') fields.subject = 'Give the message a subject';
    for (const f of template?.fields ?? []) {
      if (f.required && !(values[f.name] ?? '').trim()) {
        fields[fieldName(f.name)] = `Fill in “${f.label}”`;
      }
    }
    const hours = ackDue === '' ? undefined : Number(ackDue);
    if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 720)) {
      fields.ackDueInHours = 'Between 1 and 720 hours, or leave it empty';
    }
    const found: FormErrors = { summary: null, fields, requestId: null };
    setErrors(found);
    if (Object.keys(fields).length > 0 || !template) return;
    const payload: Record<string, string> = {};
    for (const f of template.fields) {
      const value = (values[f.name] ?? '').trim();
      if (value) payload[f.name] = f.type === 'datetime' ? toInstant(value) : value;
    }
    send.mutate({
      to,
      template: template.id,
      subject: subject.trim(),
      fields: payload,
      ...(body.trim() ? { body: body.trim() } : {}),
      ...(hours !== undefined ? { ackDueInHours: hours } : {}),
    });
  };

  const others = participants.data?.filter((p) => p.id !== me.participant.id);
  return (
    <>
      <PageHeader
        title="New message"
        breadcrumbs={[{ label: 'Messages', to: '/directory/messages' }]}
        description={`Sent on behalf of ${me.participant.name} to the receiving participant’s points of contact; you see when it is delivered, read and acknowledged.`}
      />
      <ErrorSummary errors={errors} idPrefix={FORM} />
      <form className="form form-wide" onSubmit={onSubmit} noValidate>
        <div className="form-grid">
          <SelectField
            idPrefix={FORM}
            name="to"
            label="To"
            value={to}
            error={errors.fields.to}
            onChange={(event) => setTo(event.target.value)}
          >
            <option value="">Choose a participant</option>
            {others?.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            idPrefix={FORM}
            name="template"
            label="Kind of message"
            value={templateId}
            error={errors.fields.template}
            hint={template?.purpose}
            onChange={(event) => setTemplateId(event.target.value)}
          >
            <option value="">Choose</option>
            {templates.data?.items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.title}
              </option>
            ))}
          </SelectField>
        </div>
        <TextField
          idPrefix={FORM}
          name="subject"
          label="Subject"
          value={subject}
          maxLength={300}
          error={errors.fields.subject}
          onChange={(event) => setSubject(event.target.value)}
        />
        {template ? (
          <fieldset className="fieldset">
            <legend className="fieldset-legend">{template.title}</legend>
            {template.fields.map((f) => (
              <TemplateInput
                key={`${template.id}-${f.name}`}
                field={f}
                value={values[f.name] ?? ''}
                error={errors.fields[fieldName(f.name)]}
                onChange={(value) => setValues((previous) => ({ ...previous, [f.name]: value }))}
              />
            ))}
          </fieldset>
        ) : null}
        <TextAreaField
          idPrefix={FORM}
          name="body"
          label="Message"
          optional
          hint="Anything the fields above do not cover."
          rows={5}
          value={body}
          error={errors.fields.body}
          onChange={(event) => setBody(event.target.value)}
        />
        <TextField
          idPrefix={FORM}
          name="ackDueInHours"
          label="Acknowledge within (hours)"
          optional
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
          className="input-short"
          hint="Ask the receiver to acknowledge within this many hours."
          value={ackDue}
          error={errors.fields.ackDueInHours}
          onChange={(event) => setAckDue(event.target.value)}
        />
        <FormActions
          pending={send.isPending}
          label="Send message"
          pendingLabel="Sending…"
          onCancel={() => void navigate('/directory/messages')}
        />
      </form>
    </>
  );
}
