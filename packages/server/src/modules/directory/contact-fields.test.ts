import { describe, expect, it } from 'vitest';
import {
  canonicalLanguage,
  canonicalTimeZone,
  isE164,
  isEmailAddress,
  isSecureHandle,
} from './contact-fields';

describe('contact fields', () => {
  it.each(['+254201234567', '+3726123456', '+12025550123'])('accepts E.164 %s', (p) => {
    expect(isE164(p)).toBe(true);
  });
  it.each(['254201234567', '+0123456', '+1 202 555 0123', '+1234567890123456', '+'])(
    'rejects %s as E.164',
    (p) => {
      expect(isE164(p)).toBe(false);
    },
  );

  it('checks e-mail addresses and secure handles', () => {
    expect(isEmailAddress('poc@mfa.example')).toBe(true);
    expect(isEmailAddress('poc@localhost')).toBe(false);
    expect(isEmailAddress('two words@x.example')).toBe(false);
    expect(isSecureHandle('signal:+37255512345')).toBe(true);
    expect(isSecureHandle('matrix:@cert:example.org')).toBe(true);
    expect(isSecureHandle('just-a-name')).toBe(false);
    expect(isSecureHandle('signal: +372')).toBe(false);
  });

  it('canonicalises BCP 47 language tags and refuses malformed ones', () => {
    expect(canonicalLanguage('en')).toBe('en');
    expect(canonicalLanguage('EN-gb')).toBe('en-GB');
    expect(canonicalLanguage('sw-KE')).toBe('sw-KE');
    expect(canonicalLanguage('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(canonicalLanguage('english')).toBeNull();
    expect(canonicalLanguage('en_GB')).toBeNull();
    expect(canonicalLanguage('qq')).toBeNull();
    expect(canonicalLanguage('europe/tallinn')).toBeNull();
    expect(canonicalLanguage('')).toBeNull();
  });

  it('accepts IANA zones only', () => {
    expect(canonicalTimeZone('Europe/Tallinn')).toBe('Europe/Tallinn');
    expect(canonicalTimeZone('Africa/Nairobi')).toBe('Africa/Nairobi');
    expect(canonicalTimeZone('America/Argentina/Buenos_Aires')).toBe(
      'America/Argentina/Buenos_Aires',
    );
    expect(canonicalTimeZone('UTC')).toBe('UTC');
    expect(canonicalTimeZone('europe/tallinn')).toBe('Europe/Tallinn');
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('+03:00')).toBeNull();
    expect(canonicalTimeZone('Europe/Tallinn; drop table')).toBeNull();
  });
});
