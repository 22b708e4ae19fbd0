/**
 * The two ways the directory reaches a participant outside the app: e-mail (SMTP, when
 * CONCORD_SMTP_URL is set) and the participant's webhook (signed; see webhook.ts). Failures
 * are reported, never thrown: an announcement that does not arrive is retried by the job.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
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
import { guardedLookup, ipLiteralOf, isPublicAddress } from '../../platform/address-guard';

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

/**
 * POSTs one signed JSON event. Redirects are not followed: the URL given is the receiver.
 * Unless non-public addresses are allowed, the connection is made only to an address that
 * `guardedLookup` accepted (address-guard.ts), so a name that resolves to a private address —
 * at save time or later — is refused.
 */
export async function postWebhook(
  deps: Deps,
  target: WebhookTarget,
  event: string,
  deliveryId: string,
  payload: unknown,
): Promise<Outcome> {
  const allowPrivate = deps.config.webhookAllowPrivate;
  const problem = webhookUrlProblem(target.url, { allowPrivate });
  if (problem) return { ok: false, detail: `webhook URL ${problem}` };
  const url = new URL(target.url);
  const literal = ipLiteralOf(url.hostname);
  if (!allowPrivate && literal !== null && !isPublicAddress(literal)) {
    return { ok: false, detail: `webhook URL must not point to ${literal}` };
  }
  const body = JSON.stringify({ event, deliveryId, ...(payload as object) });
  const headers = {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Concord-Webhook/1',
    [EVENT_HEADER]: event,
    [DELIVERY_HEADER]: deliveryId,
    [SIGNATURE_HEADER]: signatureHeader(target.secret, body, deps.clock.now()),
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Outcome>((resolve) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers,
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
        agent: false,
      },
      (res) => {
        clearTimeout(deadline);
        res.resume();
        const status = res.statusCode ?? 0;
        resolve({ ok: status >= 200 && status < 300, detail: `HTTP ${status}` });
      },
    );
    const deadline = setTimeout(
      () => req.destroy(new TimeoutError()),
      deps.config.webhookTimeoutMs,
    );
    req.on('error', (err) => {
      clearTimeout(deadline);
      resolve({ ok: false, detail: err instanceof TimeoutError ? 'timeout' : err.message });
    });
    req.end(body);
  });
}

class TimeoutError extends Error {
  constructor() {
    super('timeout');
  }
}
