import { SecretShownOnce } from '../../components/secret-shown-once';

/** The one time a webhook's signing secret is shown (as an API token's is, see TokenSecret). */
export function WebhookSecret({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <SecretShownOnce
      id="webhook-secret"
      title="Copy the webhook’s signing secret now"
      label="Signing secret"
      copyLabel="Copy secret"
      secret={secret}
      onDone={onDone}
    >
      This is the only time it will be shown. Give it to the system that receives the deliveries,
      which checks every delivery’s signature with it (see “Verifying deliveries”). If it is lost,
      rotate it: a new secret replaces it at once.
    </SecretShownOnce>
  );
}
