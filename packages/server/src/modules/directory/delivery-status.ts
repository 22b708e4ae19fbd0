/**
 * The outcome of announcing a ping task outside the app, as stored in
 * `ping_tasks.delivery_status`: `email=sent;webhook=failed`. A channel that is not configured
 * is absent; null means the task was announced in the app only.
 */
export type EmailOutcome = 'sent' | 'failed';
export type WebhookOutcome = 'delivered' | 'failed';

export interface DeliveryStatus {
  email: EmailOutcome | null;
  webhook: WebhookOutcome | null;
}

export function formatDeliveryStatus(s: DeliveryStatus): string | null {
  const parts = [
    ...(s.email ? [`email=${s.email}`] : []),
    ...(s.webhook ? [`webhook=${s.webhook}`] : []),
  ];
  return parts.length > 0 ? parts.join(';') : null;
}

export function parseDeliveryStatus(text: string | null): DeliveryStatus | null {
  if (text === null) return null;
  const out: DeliveryStatus = { email: null, webhook: null };
  for (const part of text.split(';')) {
    const [channel, outcome] = part.split('=');
    if (channel === 'email' && (outcome === 'sent' || outcome === 'failed')) out.email = outcome;
    if (channel === 'webhook' && (outcome === 'delivered' || outcome === 'failed')) {
      out.webhook = outcome;
    }
  }
  return out;
}
