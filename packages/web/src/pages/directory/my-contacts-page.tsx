import { useState } from 'react';
import type { FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import { useContacts } from '../../api/directory';
import type { Contact } from '../../api/directory';
import { useMe } from '../../auth/session';
import { PageHeader } from '../../components/page-header';
import { Dialog } from '../../components/dialog';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Confirmation, Notice } from '../../components/notice';
import { EmptyState, QueryView } from '../../components/states';
import { Icon } from '../../components/icons';
import { useForm } from '../../hooks/use-form';
import { DirectoryTabs } from './directory-tabs';
import { ContactForm } from './contact-form';
import { Channels, ContactBadges, availabilityText, validityText } from './contact-cells';

/** Enough for any participant's contacts, past ones included. */
const ALL_CONTACTS = 100;
const RETIRE = 'retire-contact';

function RetireDialog({
  contact,
  onClose,
}: {
  contact: Contact | null;
  onClose: (retired: Contact | null) => void;
}) {
  const queryClient = useQueryClient();
  const today = new Date().toISOString().slice(0, 10);
  const form = useForm({
    idPrefix: RETIRE,
    initial: { validUntil: today },
    labels: { validUntil: 'Last day' },
  });
  const retire = useMutation({
    mutationFn: (input: { id: string; validUntil: string }) =>
      unwrap(
        api.POST('/api/v1/directory/contacts/{id}/retire', {
          params: { path: { id: input.id } },
          body: { validUntil: input.validUntil },
        }),
      ),
    onSuccess: async (retired) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.directory.all });
      form.reset();
      onClose(retired);
    },
    onError: (error) => form.showServerErrors(error, { CONTACT_ENDED: 'validUntil' }),
  });
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!contact) return;
    if (form.check([['validUntil', form.values.validUntil === '', 'Choose the last day']])) {
      retire.mutate({ id: contact.id, validUntil: form.values.validUntil });
    }
  };
  return (
    <Dialog
      open={contact !== null}
      onClose={() => {
        form.reset();
        onClose(null);
      }}
      title={`End ${contact?.name ?? ''}’s validity?`}
      description="The contact stays on record for the days it was valid, but is no longer listed as current after its last day, nor pinged."
    >
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={form.errors} idPrefix={RETIRE} />
        <TextField {...form.field('validUntil')} label="Last day" type="date" data-autofocus="" />
        <div className="button-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="btn btn-ghost" onClick={() => onClose(null)}>
            Cancel
          </button>
          <SubmitButton
            className="btn btn-danger"
            pending={retire.isPending}
            label="End validity"
            pendingLabel="Saving…"
          />
        </div>
      </form>
    </Dialog>
  );
}

/** The caller's participant's own points of contact: add, change and retire them. */
export function MyContactsPage() {
  const me = useMe();
  const contacts = useContacts({ participant: me.participant.id, limit: ALL_CONTACTS });
  /** The id of the contact being changed, or "new". */
  const [editing, setEditing] = useState<string | null>(null);
  const [retiring, setRetiring] = useState<Contact | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canEdit = me.roles.includes('admin') || me.roles.includes('member');

  return (
    <>
      <PageHeader
        title="Our points of contact"
        description={`${me.participant.name}’s diplomatic and technical contacts as the rest of the community sees them. Keep them current: they are pinged periodically and must acknowledge in time.`}
        actions={
          canEdit && editing === null ? (
            <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
              <Icon name="plus" />
              Add a contact
            </button>
          ) : null
        }
      />
      <DirectoryTabs />
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      {!canEdit ? (
        <Notice tone="info">
          Your participant’s administrators and members keep these contacts.
        </Notice>
      ) : null}
      {editing === 'new' ? (
        <section className="card section-tight" aria-labelledby="new-contact-heading">
          <h2 className="card-title" id="new-contact-heading">
            New point of contact
          </h2>
          <ContactForm
            idPrefix="new-contact"
            onDone={(saved) => {
              setEditing(null);
              if (saved) setMessage(`${saved.name} has been added to the directory.`);
            }}
          />
        </section>
      ) : null}
      <QueryView
        query={contacts}
        loadingLabel="Loading your contacts…"
        isEmpty={(page) => page.items.length === 0}
        empty={
          editing === 'new' ? null : (
            <EmptyState icon="users" title="No points of contact yet">
              <p>Add at least a primary diplomatic and a primary technical contact.</p>
            </EmptyState>
          )
        }
      >
        {(page) => (
          <ul className="contact-cards">
            {page.items.map((c) => (
              <li key={c.id}>
                {editing === c.id ? (
                  <section className="card" aria-labelledby={`edit-${c.id}`}>
                    <h2 className="card-title" id={`edit-${c.id}`}>
                      Change {c.name}
                    </h2>
                    <ContactForm
                      idPrefix={`edit-${c.id}`}
                      contact={c}
                      onDone={(saved) => {
                        setEditing(null);
                        if (saved) setMessage(`${saved.name}’s details have been saved.`);
                      }}
                    />
                  </section>
                ) : (
                  <article className="card contact-card" aria-labelledby={`contact-${c.id}`}>
                    <div className="card-heading">
                      <h2 id={`contact-${c.id}`}>{c.name}</h2>
                      <ContactBadges contact={c} />
                    </div>
                    <p className="small">
                      {c.role}
                      {c.organisation ? `, ${c.organisation}` : ''}
                    </p>
                    <Channels channels={c.channels} />
                    <p className="small muted">
                      {availabilityText(c)} · {c.languages.join(', ')} · {validityText(c)}
                    </p>
                    {canEdit ? (
                      <div className="button-row">
                        <button
                          type="button"
                          className="btn btn-sm"
                          onClick={() => setEditing(c.id)}
                        >
                          Change<span className="visually-hidden"> {c.name}</span>
                        </button>
                        {c.validUntil === null || c.current ? (
                          <button
                            type="button"
                            className="btn btn-sm btn-danger-outline"
                            onClick={() => setRetiring(c)}
                          >
                            End validity<span className="visually-hidden"> of {c.name}</span>
                          </button>
                        ) : null}
                      </div>
                    ) : null}
                  </article>
                )}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <RetireDialog
        contact={retiring}
        onClose={(retired) => {
          setRetiring(null);
          if (retired) {
            setMessage(`${retired.name} is valid until ${retired.validUntil ?? 'further notice'}.`);
          }
        }}
      />
    </>
  );
}
