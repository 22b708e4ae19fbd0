import { createHash, timingSafeEqual } from 'node:crypto';
import { randomToken, type Random } from '../platform/random';

/** Session cookie secrets and API tokens are high-entropy: SHA-256 is enough to store them. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

export const API_TOKEN_PREFIX = 'concord_pat_';

/** `concord_pat_` + 32 random bytes (base64url): recognisable by secret scanners. */
export function newApiToken(random: Random): { secret: string; prefix: string; hash: string } {
  const secret = API_TOKEN_PREFIX + randomToken(random, 32);
  return { secret, prefix: secret.slice(0, API_TOKEN_PREFIX.length + 6), hash: sha256Hex(secret) };
}

export function newSessionSecret(random: Random): { secret: string; id: string } {
  const secret = randomToken(random, 32);
  return { secret, id: sha256Hex(secret) };
}
