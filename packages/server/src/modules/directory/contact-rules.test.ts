import { describe, expect, it } from 'vitest';
import { checkContact, conflictingPrimary, type ContactInput } from './contact-rules';

const base: ContactInput = {
  kind: 'technical',
  designation: 'primary',
  name: ' Achieng Odhiambo ',
  role: 'Duty officer, national CERT',
  languages: ['en', 'SW-ke', 'en'],
  channels: { email: 'Duty@CERT.example', phone: '+254201234567' },
  availability: 'hours',
  hours: 'Mon–Fri 08:00–18:00',
  timeZone: 'Africa/Nairobi',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};

const fields = (input: ContactInput) => {
  const r = checkContact(input);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('checkContact', () => {
  it('returns the canonical contact', () => {
    expect(checkContact(base)).toEqual({
      ok: true,
      value: {
        kind: 'technical',
        designation: 'primary',
        name: 'Achieng Odhiambo',
        role: 'Duty officer, national CERT',
        organisation: '',
        languages: ['en', 'sw-KE'],
        email: 'duty@cert.example',
        phone: '+254201234567',
        secureHandle: null,
        availability: 'hours',
        hours: 'Mon–Fri 08:00–18:00',
        timeZone: 'Africa/Nairobi',
        validFrom: '2026-01-01',
        validUntil: '2026-12-31',
      },
    });
  });

  it('requires at least one channel', () => {
    expect(fields({ ...base, channels: { email: '  ', phone: null } })).toEqual(['channels']);
  });

  it('names each bad channel, language and the time zone', () => {
    expect(
      fields({
        ...base,
        languages: ['en', 'klingon!'],
        channels: { email: 'nobody', phone: '0712 345678', secureHandle: 'x' },
        timeZone: 'Nairobi',
      }),
    ).toEqual([
      'languages.1',
      'channels.email',
      'channels.phone',
      'channels.secureHandle',
      'timeZone',
    ]);
    expect(fields({ ...base, languages: [] })).toEqual(['languages']);
  });

  it('needs hours and a zone for office hours, and neither for 24/7', () => {
    expect(fields({ ...base, hours: null, timeZone: undefined })).toEqual(['hours', 'timeZone']);
    expect(fields({ ...base, availability: '24/7' })).toEqual(['hours', 'timeZone']);
    const allDay = checkContact({ ...base, availability: '24/7', hours: '', timeZone: null });
    expect(allDay).toMatchObject({ ok: true, value: { hours: null, timeZone: null } });
  });

  it('checks the validity dates', () => {
    expect(fields({ ...base, validUntil: '2025-12-31' })).toEqual(['validUntil']);
    expect(fields({ ...base, validUntil: '2026-01-01' })).toEqual([]);
    expect(fields({ ...base, validFrom: '2026-02-30' })).toEqual(['validFrom']);
    expect(fields({ ...base, validUntil: 'soon' })).toEqual(['validUntil']);
    expect(fields({ ...base, validUntil: null })).toEqual([]);
  });
});

describe('conflictingPrimary', () => {
  const slot = (id: string, over: object = {}) => ({
    id,
    kind: 'technical',
    designation: 'primary',
    validFrom: '2026-01-01',
    validUntil: null as string | null,
    ...over,
  });

  it('finds an overlapping primary of the same kind', () => {
    const existing = slot('a', { validUntil: '2026-06-30' });
    expect(conflictingPrimary(slot('b', { validFrom: '2026-06-30' }), [existing])).toBe(existing);
    expect(conflictingPrimary(slot('b', { validFrom: '2026-07-01' }), [existing])).toBeNull();
  });

  it('ignores alternates, the other kind and the contact itself', () => {
    const existing = slot('a');
    expect(conflictingPrimary(slot('b', { designation: 'alternate' }), [existing])).toBeNull();
    expect(conflictingPrimary(slot('b'), [slot('c', { designation: 'alternate' })])).toBeNull();
    expect(conflictingPrimary(slot('b', { kind: 'diplomatic' }), [existing])).toBeNull();
    expect(conflictingPrimary(slot('a', { validFrom: '2027-01-01' }), [existing])).toBeNull();
  });
});
