import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { BlockedAddressError, guardedLookup, ipLiteralOf, isPublicAddress } from './address-guard';

describe('isPublicAddress', () => {
  it.each([
    '0.0.0.0',
    '10.0.0.1',
    '100.64.0.1',
    '127.0.0.1',
    '127.255.255.254',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.0.2.1',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fe80::1',
    'fd12:3456::1',
    'ff02::1',
    '2001:db8::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '64:ff9b::a00:1',
  ])('%s is not public', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '172.32.0.1',
    '100.128.0.1',
    '2a00:1450:4001::1',
    '::ffff:8.8.8.8',
  ])('%s is public', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('treats a name as not an address', () => {
    expect(isPublicAddress('example.org')).toBe(false);
  });
});

describe('ipLiteralOf', () => {
  it('reads IPv4, bracketed IPv6, and refuses names', () => {
    expect(ipLiteralOf('10.0.0.1')).toBe('10.0.0.1');
    expect(ipLiteralOf('[::1]')).toBe('::1');
    expect(ipLiteralOf('hooks.example')).toBeNull();
  });
});

describe('guardedLookup', () => {
  it('refuses a name that resolves to loopback, on the address it would connect to', async () => {
    const err = await new Promise<Error | null>((resolve) => {
      guardedLookup('localhost', {}, (e) => resolve(e));
    });
    expect(err).toBeInstanceOf(BlockedAddressError);
    expect(err?.message).toMatch(/non-public address (127\.0\.0\.1|::1)/);
  });
});

/** This machine's own name, when it resolves to a non-public address (Debian: /etc/hosts). */
const ownName = hostname();
const ownAddress = await lookup(ownName).then(
  (a) => a.address,
  () => null,
);
const withOwnName = ownAddress !== null && !isPublicAddress(ownAddress) ? it : it.skip;

describe('postWebhook with the guard on', () => {
  withOwnName(
    `refuses, at connection time, a name that resolves to a private address (this machine's name; skipped when it resolves to none)`,
    async () => {
      const { postWebhook } = await import('../modules/directory/delivery');
      const deps = {
        config: { webhookAllowPrivate: false, webhookTimeoutMs: 2000 },
        clock: { now: () => new Date('2026-11-26T00:00:00Z') },
      } as unknown as Parameters<typeof postWebhook>[0];
      // The URL check sees a name, not an address; the connection sees the address.
      const outcome = await postWebhook(
        deps,
        { url: `https://${ownName}/hook`, secret: 'whsec_x' },
        'ping.task',
        'd-1',
        {},
      );
      expect(outcome.ok).toBe(false);
      expect(outcome.detail).toMatch(/non-public address/);
    },
  );
});
