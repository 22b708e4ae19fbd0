import { hash, verify } from '@node-rs/argon2';
import { DomainError } from '../errors';

/**
 * argon2id with the OWASP Password Storage Cheat Sheet's first recommendation
 * (19 MiB memory, 2 iterations, 1 lane). @node-rs/argon2 uses argon2id by default.
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

// A real hash of a random string: verifying against it costs the same as a real account,
// so the response time does not tell whether an e-mail address is registered.
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword('concord-timing-equaliser-' + Math.random().toString(36));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

export class PasswordPolicyError extends DomainError<'WEAK_PASSWORD'> {}

/** NIST SP 800-63B §5.1.1.2: a length floor, no composition rules, reject the obvious. */
export function checkPasswordPolicy(
  password: string,
  field: string,
  context: { email?: string } = {},
): void {
  const fail = (message: string): never => {
    throw new PasswordPolicyError('WEAK_PASSWORD', `${field}: ${message}`, {
      fieldErrors: [{ field, message }],
    });
  };
  if (password.length < MIN_PASSWORD_LENGTH)
    fail(`must be at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH)
    fail(`must be at most ${MAX_PASSWORD_LENGTH} characters`);
  if (/^(.)\1+$/.test(password)) fail('must not repeat a single character');
  const lower = password.toLowerCase();
  if (
    context.email &&
    lower.includes(context.email.toLowerCase().split('@')[0] ?? '\u0000') &&
    lower.length < 20
  ) {
    fail('must not contain the e-mail address');
  }
  if (['password1234', '123456789012', 'qwertyuiopas', 'concordconcord'].includes(lower)) {
    fail('is too common');
  }
}
