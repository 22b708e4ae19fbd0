import { randomBytes, randomUUID } from 'node:crypto';

/** Randomness behind an interface so tests can fix identifiers and secrets. */
export interface Random {
  uuid(): string;
  /** `n` cryptographically strong random bytes. */
  bytes(n: number): Buffer;
}

export const systemRandom: Random = {
  uuid: () => randomUUID(),
  bytes: (n) => randomBytes(n),
};

/** base64url (RFC 4648 §5) without padding. */
export function randomToken(random: Random, bytes = 32): string {
  return random.bytes(bytes).toString('base64url');
}
