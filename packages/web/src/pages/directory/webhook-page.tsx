import { useState } from 'react';
import { useMe } from '../../auth/session';
import { isParticipantAdmin } from '../../auth/permissions';
import { useDirectorySettings } from '../../api/directory';
import type { DirectorySettings } from '../../api/directory';
import { PageHeader } from '../../components/page-header';
import { Confirmation, Notice } from '../../components/notice';
import { EmptyState, QueryView } from '../../components/states';
import { DateTime } from '../../components/time';
import { DirectoryTabs } from './directory-tabs';
import { WebhookForm } from './webhook-form';
import { WebhookGuide } from './webhook-guide';
import { WebhookSecret } from './webhook-secret';

function CurrentWebhook({ settings }: { settings: DirectorySettings }) {
  if (!settings.webhookUrl) {
    return (
      <EmptyState icon="inbox" title="No webhook set" headingLevel={3}>
        <p>
          Ping tasks, reminders and messages reach your participant in Concord and by e-mail. Set a
          webhook to have them pushed to your own systems as well.
        </p>
      </EmptyState>
    );
  }
  return (
    <dl className="details">
      <dt>Address</dt>
      <dd className="mono">{settings.webhookUrl}</dd>
      <dt>Signing secret</dt>
      <dd>
        {settings.webhookSecretSet
          ? 'Set. It was shown once, when it was issued; rotate it if it has been lost.'
          : 'None'}
      </dd>
      <dt>Last changed</dt>
      <dd>
        <DateTime value={settings.updatedAt} />
      </dd>
    </dl>
  );
}

/**
 * Where Concord pushes the participant's ping tasks and messages, signed with a secret shown
 * once. Every user of the participant sees it; its administrators change it.
 */
export function WebhookPage() {
  const me = useMe();
  const settings = useDirectorySettings();
  const [secret, setSecret] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const canChange = isParticipantAdmin(me);

  return (
    <>
      <PageHeader
        title="Webhook"
        description={`Concord can push ${me.participant.name}’s ping tasks, reminders and incoming messages to your own systems as they happen, each signed so that the receiver can tell it came from this node.`}
      />
      <DirectoryTabs />
      {secret ? <WebhookSecret secret={secret} onDone={() => setSecret(null)} /> : null}
      <Confirmation message={message} onDismiss={() => setMessage(null)} />
      <div className="two-col">
        <section className="card" aria-labelledby="webhook-heading">
          <h2 className="card-title" id="webhook-heading">
            Where deliveries go
          </h2>
          <QueryView query={settings} loadingLabel="Loading the webhook…">
            {(current) => (
              <>
                <CurrentWebhook settings={current} />
                {canChange ? (
                  <WebhookForm
                    settings={current}
                    onSaved={(result) => {
                      setSecret(result.secret);
                      setMessage(result.message);
                    }}
                  />
                ) : (
                  <Notice tone="info">
                    Only {me.participant.name}’s administrators can set, change or remove the
                    webhook.
                  </Notice>
                )}
              </>
            )}
          </QueryView>
        </section>
        <WebhookGuide />
      </div>
    </>
  );
}
