/**
 * Webhook rules, pure: which URLs may receive deliveries, and how bodies are signed.
 *
 * Every delivery is a POST with a JSON body and these headers:
 *   Concord-Event: ping.task | ping.reminder | message.received
 *   Concord-Delivery: <uuid, the same on a retry of the same delivery>
 *   Concord-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * The receiver recomputes v1 with the secret it was shown once, compares in constant time and
 * refuses a `t` more than a few minutes old (replay).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ipLiteralOf, isPublicAddress } from '../../platform/address-guard';

export const SIGNATURE_HEADER = 'concord-signature';
export const EVENT_HEADER = 'concord-event';
export const DELIVERY_HEADER = 'concord-delivery';
export const SECRET_PREFIX = 'whsec_';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface WebhookUrlRules {
  /** Private, loopback and other non-public addresses allowed (CONCORD_WEBHOOK_ALLOW_PRIVATE). */
  allowPrivate: boolean;
}

/**
 * Why a webhook URL is refused, or null when it is acceptable: https, or plain http only to
 * this machine when non-public addresses are allowed; no credentials, no fragment; an IP
 * literal must be public unless the rule is lifted. Names are checked again on connection
 * (address-guard.ts), since a name may resolve to anything.
 */
export function webhookUrlProblem(value: string, rules: WebhookUrlRules): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL';
  }
  if (url.username || url.password) return 'must not contain credentials';
  if (url.hash) return 'must not contain a fragment';
  const host = url.hostname.toLowerCase();
  const literal = ipLiteralOf(host);
  const loopback = LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
  if (!rules.allowPrivate && (loopback || (literal !== null && !isPublicAddress(literal)))) {
    return 'must not point to a private, loopback or reserved address';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:') {
    return loopback ? null : 'must use https (plain http is allowed only to a loopback address)';
  }
  return 'must use https';
}

export const hmacSha256Hex = (key: string | Buffer, data: string): string =>
  createHmac('sha256', key).update(data, 'utf8').digest('hex');

export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmacSha256Hex(secret, `${t}.${body}`)}`;
}

/** Checks a signature header as a receiver would; for tests and for receivers written in JS. */
export function verifySignature(
  secret: string,
  body: string,
  header: string,
  now: Date,
  toleranceSeconds = DEFAULT_SIGNATURE_TOLERANCE_SECONDS,
): boolean {
  const parts = new Map(
    header.split(',').map((p) => {
      const eq = p.indexOf('=');
      return [p.slice(0, eq).trim(), p.slice(eq + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const given = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - t) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacSha256Hex(secret, `${t}.${body}`), 'hex');
  return timingSafeEqual(expected, Buffer.from(given, 'hex'));
}
