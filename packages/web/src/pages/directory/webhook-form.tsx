import { useState } from 'react';
import type { FormEvent } from 'react';
import { flushSync } from 'react-dom';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unwrap } from '@concord/api-client';
import { api } from '../../api/client';
import { queryKeys } from '../../api/query-keys';
import type { DirectorySettings, SettingsUpdate } from '../../api/directory';
import { TextField } from '../../components/field';
import { ErrorSummary } from '../../components/error-summary';
import { SubmitButton } from '../../components/form-actions';
import { Dialog } from '../../components/dialog';
import { describeError } from '../../components/states';
import { useForm } from '../../hooks/use-form';
import { NO_ERRORS } from '../../lib/form-errors';

const FORM = 'webhook';
const FIELDS = { webhookUrl: 'Webhook address' };

type Action = 'save' | 'rotate' | 'remove';

export interface WebhookSaved {
  /** The signing secret, when this change issued one: shown once. */
  secret: string | null;
  message: string;
}

/** An http(s) URL, or why not; the server also refuses private and loopback addresses. */
function urlProblem(value: string): string | null {
  if (value === '') return 'Enter the address deliveries should be sent to';
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? null
      : 'Enter an address starting with https://';
  } catch {
    return 'Enter a full address, such as https://hooks.example.org/concord';
  }
}

const DONE: Record<Action, string> = {
  save: 'The webhook has been saved.',
  rotate: 'A new signing secret has been issued; the old one no longer signs deliveries.',
  remove: 'The webhook has been removed, and its signing secret discarded.',
};

/**
 * Sets, changes or removes the webhook, and rotates its signing secret. The server issues a
 * secret with the first address and on rotation, in that answer only; changing the address
 * keeps the secret.
 */
export function WebhookForm({
  settings,
  onSaved,
}: {
  settings: DirectorySettings;
  onSaved: (saved: WebhookSaved) => void;
}) {
  const queryClient = useQueryClient();
  const [confirm, setConfirm] = useState<'rotate' | 'remove' | null>(null);
  const form = useForm({
    idPrefix: FORM,
    initial: { webhookUrl: settings.webhookUrl ?? '' },
    labels: FIELDS,
  });

  const update = useMutation({
    mutationFn: ({ body }: { action: Action; body: SettingsUpdate }) =>
      unwrap(api.PUT('/api/v1/directory/settings/mine', { body })),
    onSuccess: (saved, { action }) => {
      // The cache keeps the settings without the secret; only the notice above shows it.
      const { webhookSecret, ...rest } = saved;
      queryClient.setQueryData(queryKeys.directory.settings, rest);
      // Close the dialog first: while it is open the page is inert, and the secret's notice
      // could not take the focus.
      flushSync(() => setConfirm(null));
      form.setValues({ webhookUrl: saved.webhookUrl ?? '' });
      form.setErrors(NO_ERRORS);
      onSaved({ secret: webhookSecret ?? null, message: DONE[action] });
    },
    onError: (error, { action }) => {
      if (action === 'save') form.showServerErrors(error);
    },
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const url = form.values.webhookUrl.trim();
    const problem = urlProblem(url);
    if (!form.check([['webhookUrl', problem !== null, problem ?? '']])) return;
    update.mutate({ action: 'save', body: { webhookUrl: url } });
  };

  const set = settings.webhookUrl !== null;
  const dialogError =
    update.isError && update.variables.action !== 'save'
      ? describeError(update.error).message
      : null;

  return (
    <>
      <h3 className="subheading" id="webhook-form-heading">
        {set ? 'Change the webhook' : 'Set a webhook'}
      </h3>
      <ErrorSummary errors={form.errors} idPrefix={FORM} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="webhook-form-heading">
        <TextField
          {...form.field('webhookUrl')}
          label="Webhook address"
          hint="An https:// address of a system you run. Private, loopback and other internal addresses are refused unless this node’s operator allows them."
          type="url"
          inputMode="url"
          placeholder="https://"
          spellCheck={false}
          autoComplete="off"
        />
        <div className="button-row">
          <SubmitButton
            pending={update.isPending && update.variables.action === 'save'}
            label={set ? 'Save address' : 'Set webhook'}
            pendingLabel="Saving…"
          />
          {set ? (
            <>
              <button type="button" className="btn" onClick={() => setConfirm('rotate')}>
                Rotate the signing secret
              </button>
              <button
                type="button"
                className="btn btn-danger-outline"
                onClick={() => setConfirm('remove')}
              >
                Remove the webhook
              </button>
            </>
          ) : null}
        </div>
      </form>
      <Dialog
        open={confirm !== null}
        onClose={() => {
          setConfirm(null);
          update.reset();
        }}
        title={confirm === 'rotate' ? 'Rotate the signing secret?' : 'Remove the webhook?'}
        description={
          confirm === 'rotate'
            ? 'A new secret is issued and shown once. From then on deliveries are signed with it only: update the receiving system straight away, or it will refuse them.'
            : 'Ping tasks and messages will no longer be pushed to your systems, and the signing secret is discarded. They still reach you in Concord and by e-mail.'
        }
        footer={
          <>
            <button
              type="button"
              className="btn btn-ghost"
              data-autofocus=""
              onClick={() => setConfirm(null)}
            >
              Cancel
            </button>
            <button
              type="button"
              className={confirm === 'remove' ? 'btn btn-danger' : 'btn btn-primary'}
              disabled={update.isPending}
              onClick={() =>
                confirm === 'rotate'
                  ? update.mutate({
                      action: 'rotate',
                      body: { webhookUrl: settings.webhookUrl, rotateSecret: true },
                    })
                  : update.mutate({ action: 'remove', body: { webhookUrl: null } })
              }
            >
              {update.isPending
                ? confirm === 'rotate'
                  ? 'Rotating…'
                  : 'Removing…'
                : confirm === 'rotate'
                  ? 'Issue a new secret'
                  : 'Remove webhook'}
            </button>
          </>
        }
      >
        {dialogError ? (
          <p className="field-error" role="alert">
            {confirm === 'rotate' ? 'The secret could not be rotated' : 'It could not be removed'}:{' '}
            {dialogError}
          </p>
        ) : null}
      </Dialog>
    </>
  );
}
