import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords';
import { DomainError } from '../errors';

describe('passwords', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery staple')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse battery stapl')).toBe(false);
  });

  it('treats a missing or corrupt hash as a failed login, not an error', async () => {
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'anything at all')).toBe(false);
  });

  it.each(['short', 'aaaaaaaaaaaaaaaa', 'password1234', 'x'.repeat(300)])(
    'refuses %s with WEAK_PASSWORD naming the field',
    (pw) => {
      let err: unknown;
      try {
        checkPasswordPolicy(pw, 'newPassword');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('WEAK_PASSWORD');
      expect((err as DomainError).fieldErrors[0]?.field).toBe('newPassword');
    },
  );

  it('accepts a long passphrase', () => {
    expect(() => checkPasswordPolicy('four random words here', 'password')).not.toThrow();
  });
});
