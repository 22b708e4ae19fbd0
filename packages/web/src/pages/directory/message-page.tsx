import { Fragment, useState } from 'react';
import type { FormEvent } from 'react';
import { useParams } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { TEMPLATE_LABELS, useMessage, useMessageTemplates, useThread } from '../../api/directory';
import type { Message, MessageTemplates } from '../../api/directory';
import { useMe } from '../../auth/session';
import { isObserverOnly } from '../../auth/permissions';
import { PageHeader } from '../../components/page-header';
import { recordPageFallback } from '../../components/record-page-fallback';
import { TextAreaField, TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Confirmation, Notice } from '../../components/notice';
import { Badge } from '../../components/badge';
import { Loading, describeError } from '../../components/states';
import { DateTime } from '../../components/time';
import { useFlash } from '../../hooks/use-flash';
import { useForm } from '../../hooks/use-form';
import { MessageStatus } from './message-status';

const breadcrumbs = [{ label: 'Messages', to: '/directory/messages' }];
const REPLY = 'reply';

/** A template field's value as a person reads it (instants in local time). */
function FieldValue({ type, value }: { type: string | undefined; value: string }) {
  if (type === 'datetime') return <DateTime value={value} />;
  return <span className="norm-text">{value.replace(/_/g, type === 'choice' ? ' ' : '_')}</span>;
}

function MessageCard({
  message: m,
  templates,
  canAcknowledge,
  onAcknowledged,
}: {
  message: Message;
  templates: MessageTemplates | undefined;
  canAcknowledge: boolean;
  onAcknowledged: () => void;
}) {
  const queryClient = useQueryClient();
  const template = templates?.items.find((t) => t.id === m.template);
  const acknowledge = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/directory/messages/{id}/acknowledge', { params: { path: { id: m.id } } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onAcknowledged();
    },
  });
  const entries = Object.entries(m.fields);
  return (
    <article
      className={m.direction === 'sent' ? 'thread-item thread-item--sent' : 'thread-item'}
      aria-label={`${TEMPLATE_LABELS[m.template]} from ${m.from.name}`}
    >
      <header className="thread-meta">
        <strong>{m.from.name}</strong> to {m.to.name} · <DateTime value={m.sentAt} />{' '}
        <Badge tone="neutral">{TEMPLATE_LABELS[m.template]}</Badge> <MessageStatus message={m} />
      </header>
      {entries.length > 0 ? (
        <dl className="details">
          {entries.map(([name, value]) => {
            const field = template?.fields.find((f) => f.name === name);
            return (
              <Fragment key={name}>
                <dt>{field?.label ?? name}</dt>
                <dd>
                  <FieldValue type={field?.type} value={value} />
                </dd>
              </Fragment>
            );
          })}
        </dl>
      ) : null}
      {m.body ? <p className="thread-body">{m.body}</p> : null}
      <p className="small muted">
        {m.direction === 'sent' ? (
          m.readAt ? (
            <>
              Read <DateTime value={m.readAt} />
            </>
          ) : m.deliveredAt ? (
            <>
              Delivered <DateTime value={m.deliveredAt} />, not read yet
            </>
          ) : (
            'Not delivered yet'
          )
        ) : null}
        {m.acknowledgedAt ? (
          <>
            {m.direction === 'sent' && m.readAt ? ' · ' : ''}Acknowledged{' '}
            <DateTime value={m.acknowledgedAt} />
          </>
        ) : null}
      </p>
      {canAcknowledge && m.direction === 'inbox' && m.ackDueAt && !m.acknowledgedAt ? (
        <>
          {acknowledge.isError ? (
            <Notice tone="danger" live>
              {describeError(acknowledge.error).message}
            </Notice>
          ) : null}
          <button
            type="button"
            className="btn btn-primary btn-sm"
            disabled={acknowledge.isPending}
            onClick={() => acknowledge.mutate()}
          >
            {acknowledge.isPending ? 'Acknowledging…' : 'Acknowledge receipt'}
          </button>
        </>
      ) : null}
    </article>
  );
}

function ReplyForm({ message, onSent }: { message: Message; onSent: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    idPrefix: REPLY,
    initial: { body: '', ackDueInHours: '' },
    labels: { body: 'Your reply', ackDueInHours: 'Acknowledge within (hours)' },
  });
  const reply = useMutation({
    mutationFn: (body: { body: string; ackDueInHours?: number }) =>
      unwrap(
        api.POST('/api/v1/directory/messages/{id}/reply', {
          params: { path: { id: message.id } },
          body,
        }),
      ),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      onSent();
    },
    onError: (error) => form.showServerErrors(error),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const text = form.values.body.trim();
    const hours = form.values.ackDueInHours === '' ? undefined : Number(form.values.ackDueInHours);
    const valid = form.check([
      ['body', text === '', 'Write your reply'],
      [
        'ackDueInHours',
        hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > 720),
        'Between 1 and 720 hours, or leave it empty',
      ],
    ]);
    if (valid)
      reply.mutate({ body: text, ...(hours !== undefined ? { ackDueInHours: hours } : {}) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="reply-heading" className="form">
      <h2 id="reply-heading">Reply</h2>
      <ErrorSummary errors={form.errors} idPrefix={REPLY} />
      <TextAreaField {...form.field('body')} label="Your reply" rows={5} />
      <div className="input-short">
        <TextField
          {...form.field('ackDueInHours')}
          label="Acknowledge within (hours)"
          optional
          type="number"
          inputMode="numeric"
          min={1}
          max={720}
        />
      </div>
      <SubmitButton pending={reply.isPending} label="Send reply" pendingLabel="Sending…" />
    </form>
  );
}

/**
 * One message in its conversation. Opening it is the receiver's read receipt; a message that
 * asks for acknowledgement can be acknowledged here, and anyone party to it can reply.
 */
export function MessagePage() {
  const { messageId = '' } = useParams();
  const me = useMe();
  const message = useMessage(messageId);
  const thread = useThread(message.data?.threadId);
  const templates = useMessageTemplates();
  const [flash, dismissFlash] = useFlash();
  const [notice, setNotice] = useState<string | null>(null);

  if (!message.isSuccess) {
    return recordPageFallback(message, {
      title: 'Message',
      breadcrumbs,
      loadingLabel: 'Opening the message…',
    });
  }
  const m = message.data;
  const observer = isObserverOnly(me);
  const messages = thread.data?.messages ?? [m];
  return (
    <>
      <PageHeader
        title={thread.data?.subject ?? m.subject}
        breadcrumbs={breadcrumbs}
        meta={<Badge tone="neutral">{TEMPLATE_LABELS[thread.data?.template ?? m.template]}</Badge>}
        description={`Between ${thread.data?.participants.map((p) => p.name).join(' and ') ?? `${m.from.name} and ${m.to.name}`}.`}
      />
      <Confirmation message={flash} onDismiss={dismissFlash} />
      <Confirmation message={notice} onDismiss={() => setNotice(null)} />
      {thread.isPending ? <Loading label="Loading the conversation…" /> : null}
      <ol className="thread" aria-label="Conversation, oldest first">
        {messages.map((item) => (
          <li key={item.id}>
            <MessageCard
              message={item}
              templates={templates.data}
              canAcknowledge={!observer}
              onAcknowledged={() => setNotice('Receipt acknowledged; the sender can see it.')}
            />
          </li>
        ))}
      </ol>
      {observer ? null : (
        <ReplyForm
          message={messages.at(-1) ?? m}
          onSent={() => setNotice('Your reply has been sent.')}
        />
      )}
    </>
  );
}
