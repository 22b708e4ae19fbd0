/**
 * The two ways the directory reaches a participant outside the app: e-mail (SMTP, when
 * CONCORD_SMTP_URL is set) and the participant's webhook (signed; see webhook.ts). Failures
 * are reported, never thrown: an announcement that does not arrive is retried by the job.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../../config';
import type { Deps } from '../../deps';
import {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  signatureHeader,
  webhookUrlProblem,
} from './webhook';

export interface Outcome {
  ok: boolean;
  /** What happened, for logs: `HTTP 200`, `timeout`, the SMTP server's reply … */
  detail: string;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

let cached: { url: string; transport: Transporter } | null = null;

function transportFor(config: Config): Transporter | null {
  if (!config.smtpUrl) return null;
  if (cached?.url !== config.smtpUrl) {
    cached?.transport.close();
    cached = {
      url: config.smtpUrl,
      transport: nodemailer.createTransport({
        url: config.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      }),
    };
  }
  return cached.transport;
}

export const emailEnabled = (config: Config): boolean => config.smtpUrl !== null;

export async function sendMail(config: Config, mail: Mail): Promise<Outcome> {
  const transport = transportFor(config);
  if (!transport) return { ok: false, detail: 'no SMTP server configured' };
  try {
    const info = (await transport.sendMail({ from: config.smtpFrom, ...mail })) as {
      response?: string;
    };
    return { ok: true, detail: info.response ?? 'sent' };
  } catch (err) {
    return { ok: false, detail: (err as Error).message };
  }
}

export interface WebhookTarget {
  url: string;
  secret: string;
}

/** POSTs one signed JSON event. Redirects are not followed: the URL given is the receiver. */
export async function postWebhook(
  deps: Deps,
  target: WebhookTarget,
  event: string,
  deliveryId: string,
  payload: unknown,
): Promise<Outcome> {
  const problem = webhookUrlProblem(target.url);
  if (problem) return { ok: false, detail: `webhook URL ${problem}` };
  const body = JSON.stringify({ event, deliveryId, ...(payload as object) });
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(deps.config.webhookTimeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Concord-Webhook/1',
        [EVENT_HEADER]: event,
        [DELIVERY_HEADER]: deliveryId,
        [SIGNATURE_HEADER]: signatureHeader(target.secret, body, deps.clock.now()),
      },
      body,
    });
    await res.body?.cancel();
    return { ok: res.status >= 200 && res.status < 300, detail: `HTTP ${res.status}` };
  } catch (err) {
    const e = err as Error;
    return { ok: false, detail: e.name === 'TimeoutError' ? 'timeout' : e.message };
  }
}
