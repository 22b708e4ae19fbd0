import { describe, expect, it } from 'vitest';
import { hmacSha256Hex, signatureHeader, verifySignature, webhookUrlProblem } from './webhook';

const LAB = { allowPrivate: true };
const GUARDED = { allowPrivate: false };

describe('webhook URLs', () => {
  it.each([
    'https://hooks.mfa.example/concord',
    'http://127.0.0.1:8443/hook',
    'http://localhost/hook',
    'http://[::1]:9000/',
  ])('accepts %s', (url) => {
    expect(webhookUrlProblem(url, LAB)).toBeNull();
  });
  it.each([
    ['http://hooks.mfa.example/concord', 'must use https'],
    ['ftp://hooks.mfa.example/', 'must use https'],
    ['https://user:pw@hooks.mfa.example/', 'must not contain credentials'],
    ['https://hooks.mfa.example/#x', 'must not contain a fragment'],
    ['not a url', 'is not a URL'],
  ])('refuses %s', (url, problem) => {
    expect(webhookUrlProblem(url, LAB)).toContain(problem);
  });
});

describe('webhook URLs with the address guard on (the default)', () => {
  it.each([
    'http://127.0.0.1:8443/hook',
    'http://localhost/hook',
    'https://[::1]:9000/',
    'https://10.1.2.3/hook',
    'https://169.254.169.254/latest/meta-data',
    'https://192.168.0.10/',
    'https://[fd00::1]/',
    'https://[::ffff:10.0.0.1]/',
  ])('refuses %s', (url) => {
    expect(webhookUrlProblem(url, GUARDED)).toBe(
      'must not point to a private, loopback or reserved address',
    );
  });
  it.each(['https://hooks.mfa.example/concord', 'https://8.8.8.8/hook', 'https://[2a00:1450::1]/'])(
    'accepts %s',
    (url) => {
      expect(webhookUrlProblem(url, GUARDED)).toBeNull();
    },
  );
});

describe('webhook signatures', () => {
  it('computes HMAC-SHA256 as RFC 4231 test case 2 says', () => {
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('signs "<t>.<body>" and verifies within the tolerance only', () => {
    const at = new Date('2026-05-04T09:00:00Z');
    const body = '{"event":"ping.task"}';
    const header = signatureHeader('whsec_test', body, at);
    expect(header).toBe(`t=1777885200,v1=${hmacSha256Hex('whsec_test', `1777885200.${body}`)}`);
    expect(verifySignature('whsec_test', body, header, at)).toBe(true);
    expect(verifySignature('whsec_test', body, header, new Date(at.getTime() + 299_000))).toBe(
      true,
    );
    expect(verifySignature('whsec_test', body, header, new Date(at.getTime() + 301_000))).toBe(
      false,
    );
    expect(verifySignature('whsec_other', body, header, at)).toBe(false);
    expect(verifySignature('whsec_test', body + ' ', header, at)).toBe(false);
    expect(verifySignature('whsec_test', body, 'garbage', at)).toBe(false);
    expect(verifySignature('whsec_test', body, 't=1777885200,v1=zz', at)).toBe(false);
  });
});
