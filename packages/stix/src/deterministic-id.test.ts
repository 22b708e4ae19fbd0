/**
 * Deterministic SCO ids (STIX 2.1 §2.9, §3.4) against published vectors: the SCO examples of
 * STIX 2.1 Errata 01, whose ids "were updated … to agree with the generate_id method in
 * python-stix2" (§1.3.1), and ids asserted by python-stix2's own test suite.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deterministicScoId } from './deterministic-id';
import { StixError } from './errors';
import { parseStixId, uuidVersion } from './identifier';
import { uuidV5 } from './uuid';
import { validateObject } from './validate/object';

/** Examples printed in STIX 2.1 Errata 01 (§2.9, §6.1–§6.17), ids as published (a few shortened to their ID contributing properties and some others). */
const SPEC_EXAMPLES: ReadonlyArray<Record<string, unknown>> = [
  {
    type: 'ipv4-addr',
    spec_version: '2.1',
    id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4',
    value: '198.51.100.3',
  },
  {
    type: 'ipv4-addr',
    spec_version: '2.1',
    id: 'ipv4-addr--1ea47840-aa39-5aa8-b4a2-cd203eb6662a',
    value: '198.51.100.0/24',
  },
  {
    type: 'ipv6-addr',
    spec_version: '2.1',
    id: 'ipv6-addr--85a85a8c-ee99-5722-946d-3c3a3270fc6f',
    value: '2001:0db8:85a3:0000:0000:8a2e:0370:7334',
  },
  {
    type: 'ipv6-addr',
    spec_version: '2.1',
    id: 'ipv6-addr--084d3b4c-7785-568a-a569-0c61c95754ab',
    value: '2001:0db8::/96',
  },
  {
    type: 'mac-addr',
    spec_version: '2.1',
    id: 'mac-addr--757b1725-9903-54f5-a855-1240691d7659',
    value: 'd2:fb:49:24:37:18',
  },
  {
    type: 'mutex',
    spec_version: '2.1',
    id: 'mutex--f93fe911-e545-5239-b9b0-597840d0c871',
    name: '__CLEANSWEEP__',
  },
  {
    type: 'autonomous-system',
    spec_version: '2.1',
    id: 'autonomous-system--3aa27478-50b5-5ab8-9da9-cdc12b657fff',
    number: 15139,
    name: 'Slime Industries',
    rir: 'ARIN',
  },
  {
    type: 'directory',
    spec_version: '2.1',
    id: 'directory--0a58d0c1-59e6-5afd-8252-dcd3f13e5622',
    path: 'C:\\Windows\\System32',
  },
  {
    type: 'domain-name',
    spec_version: '2.1',
    id: 'domain-name--bedb4899-d24b-5401-bc86-8f6b4cc18ec7',
    value: 'example.com',
  },
  {
    type: 'email-addr',
    spec_version: '2.1',
    id: 'email-addr--7165e2a9-671f-585d-b1e1-ca59c671d934',
    value: 'john@example.com',
    display_name: 'John Doe',
  },
  {
    type: 'url',
    spec_version: '2.1',
    id: 'url--47c3cf9a-5027-5bf0-997a-017c7edc7c55',
    value: 'https://example.com/research/index.html',
  },
  {
    type: 'software',
    spec_version: '2.1',
    id: 'software--710b0b41-d4d0-5d6c-a400-fc9254554ffc',
    name: 'Word',
    cpe: 'cpe:2.3:a:microsoft:word:2000:*:*:*:*:*:*:*',
    version: '2002',
    vendor: 'Microsoft',
  },
  {
    type: 'user-account',
    spec_version: '2.1',
    id: 'user-account--f94d689e-707d-58c3-b803-c720bb6ed096',
    user_id: '1001',
    account_login: 'jdoe',
    account_type: 'unix',
    display_name: 'John Doe',
    is_service_account: false,
    is_privileged: false,
    can_escalate_privs: true,
    account_created: '2016-01-20T12:31:12Z',
  },
  {
    type: 'windows-registry-key',
    spec_version: '2.1',
    id: 'windows-registry-key--f6a11ddf-fa2b-54c8-97ab-e7f28413095a',
    key: 'hkey_local_machine\\system\\bar\\foo',
    values: [
      { name: 'Foo', data: 'qwerty', data_type: 'REG_SZ' },
      { name: 'Bar', data: '42', data_type: 'REG_DWORD' },
    ],
  },
  {
    type: 'file',
    spec_version: '2.1',
    id: 'file--7d1e3a18-89e7-5bc5-be36-9879f5b7f5c8',
    hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
    name: 'quêry.dll',
    name_enc: 'windows-1252',
  },
  {
    type: 'file',
    spec_version: '2.1',
    id: 'file--ba04c974-3cef-5f42-adc7-084d467874e2',
    hashes: { 'SHA-256': '35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f' },
    extensions: {
      'ntfs-ext': { alternate_data_streams: [{ name: 'second.stream', size: 25536 }] },
    },
  },
  {
    type: 'file',
    spec_version: '2.1',
    id: 'file--66772174-3442-5e0d-b577-4bd7be55fb87',
    name: 'picture.jpg',
    hashes: { 'SHA-256': '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877' },
    extensions: {
      'raster-image-ext': {
        exif_tags: { Make: 'Nikon', Model: 'D7000', XResolution: 4928, YResolution: 3264 },
      },
    },
  },
];

/** Ids asserted in python-stix2's stix2/test/v21 (test_deterministic_ids.py, test_observed_data.py). */
const PYTHON_STIX2: ReadonlyArray<[Record<string, unknown>, string]> = [
  [{ type: 'file', name: 'foo.exe' }, 'file--7af1312c-4402-5d2f-b169-b118d73b85c4'],
  [
    {
      type: 'directory',
      path: '/usr/home',
      contains_refs: ['file--5956efbb-a7b0-566d-a7f9-a202eb05c70f'],
    },
    'directory--ee97f78e-7e2b-5b3d-bcbd-5692968cacea',
  ],
  [
    {
      type: 'file',
      name: 'example.exe',
      size: 68000,
      magic_number_hex: '50000000',
      hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
      extensions: {
        'windows-pebinary-ext': {
          pe_type: 'exe',
          machine_hex: '014c',
          sections: [
            {
              name: '.data',
              size: 4096,
              entropy: 7.980693,
              hashes: {
                'SHA-256': '6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0',
              },
            },
          ],
        },
      },
    },
    'file--ced31cd4-bdcb-537d-aefa-92d291bfc11d',
  ],
  [
    {
      type: 'windows-registry-key',
      values: [
        { name: 'Foo', data: 'qwerty' },
        { name: 'Bar', data: '42' },
      ],
    },
    'windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588',
  ],
];

describe('published vectors', () => {
  it.each(SPEC_EXAMPLES.map((o) => [o['id'], o] as const))(
    'STIX 2.1 example %s',
    (expected, object) => {
      expect(deterministicScoId(object)).toBe(expected);
      expect(validateObject(object).errors).toEqual([]);
    },
  );

  it.each(PYTHON_STIX2.map(([o, expected]) => [expected, o] as const))(
    'python-stix2 %s',
    (expected, object) => {
      expect(deterministicScoId(object)).toBe(expected);
    },
  );

  it('UUIDv5 itself: RFC 4122 Appendix B namespaces (DNS "www.example.com")', () => {
    // The DNS namespace of RFC 4122 §C; the value is what every RFC 4122 v5 implementation yields.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });
});

describe('hash selection', () => {
  const md5 = 'a92e5b2bae0b4b3a3d81c85610b95cd4';
  const sha1 = '5374e08903744ceeaedd8f5e1bfc06b2c4688e76';
  const sha256 = 'fe90a7e910cb3a4739bed9180e807e93fa70c90f25a8915476f5e4bfbac681db';

  it('prefers MD5, then SHA-1, SHA-256, SHA-512 (§6.7)', () => {
    const only = (hashes: Record<string, string>) => deterministicScoId({ type: 'file', hashes });
    expect(only({ 'SHA-256': sha256, MD5: md5, 'SHA-1': sha1 })).toBe(only({ MD5: md5 }));
    expect(only({ 'SHA-256': sha256, 'SHA-1': sha1 })).toBe(only({ 'SHA-1': sha1 }));
    expect(only({ 'SHA-256': sha256, SSDEEP: '3:a:b' })).toBe(only({ 'SHA-256': sha256 }));
  });

  it('falls back to the algorithm whose name sorts first, whatever the order', () => {
    const a = deterministicScoId({
      type: 'file',
      hashes: { TLSH: 'b'.repeat(70), SSDEEP: '3:a:b' },
    });
    const b = deterministicScoId({
      type: 'file',
      hashes: { SSDEEP: '3:a:b', TLSH: 'b'.repeat(70) },
    });
    expect(a).toBe(b);
    expect(a).toBe(deterministicScoId({ type: 'file', hashes: { SSDEEP: '3:a:b' } }));
  });
});

describe('UUIDv4 when nothing contributes (§2.9)', () => {
  it('process always, others when their contributing properties are absent', () => {
    const fixed = () => '00000000-0000-4000-8000-000000000042';
    expect(deterministicScoId({ type: 'process', pid: 4 }, { randomUuid: fixed })).toBe(
      'process--00000000-0000-4000-8000-000000000042',
    );
    expect(
      deterministicScoId({ type: 'email-message', is_multipart: false }, { randomUuid: fixed }),
    ).toBe('email-message--00000000-0000-4000-8000-000000000042');
    const random = deterministicScoId({ type: 'x509-certificate', issuer: 'x' });
    expect(uuidVersion(parseStixId(random)?.uuid ?? '')).toBe(4);
  });
});

describe('errors', () => {
  it.each([{ type: 'indicator' }, { type: 'x-acme-thing' }, { value: 'x' }])(
    '%j is not an SCO',
    (o) => {
      expect(() => deterministicScoId(o)).toThrow(expect.objectContaining({ code: 'NOT_AN_SCO' }));
    },
  );

  it('non-JSON values and non-object hashes are INVALID_OBJECT', () => {
    expect(() => deterministicScoId({ type: 'autonomous-system', number: Number.NaN })).toThrow(
      StixError,
    );
    expect(() => deterministicScoId({ type: 'file', hashes: 'abc' })).toThrow(
      expect.objectContaining({ code: 'INVALID_OBJECT' }),
    );
    expect(() => deterministicScoId(null as unknown as Record<string, unknown>)).toThrow(
      expect.objectContaining({ code: 'INVALID_OBJECT' }),
    );
  });
});

const jsonValue = fc.jsonValue({ maxDepth: 3 }).filter((v) => v !== null);

/** Same properties, keys shuffled at every level. */
function shuffled(value: unknown, seed: number): unknown {
  if (Array.isArray(value)) return value.map((v, i) => shuffled(v, seed + i));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  entries.sort((a, b) => (hash(a[0]) ^ seed) - (hash(b[0]) ^ seed));
  return Object.fromEntries(entries.map(([k, v]) => [k, shuffled(v, seed + 1)]));
}
const hash = (s: string): number => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7);

describe('properties', () => {
  it('the id does not depend on property order', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            name: fc.string(),
            parent_directory_ref: fc.constant('directory--00000000-0000-4000-8000-000000000001'),
            extensions: fc.dictionary(fc.string({ minLength: 1 }), jsonValue, { minKeys: 1 }),
          },
          { requiredKeys: ['name'] },
        ),
        fc.integer(),
        (props, seed) => {
          const object = { type: 'file', size: 1, ...props };
          expect(deterministicScoId(shuffled(object, seed) as Record<string, unknown>)).toBe(
            deterministicScoId(object),
          );
        },
      ),
    );
  });

  it('the id changes when a contributing property changes, and only then', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (a, b, other) => {
        fc.pre(a !== b);
        const id = deterministicScoId({ type: 'domain-name', value: a });
        expect(deterministicScoId({ type: 'domain-name', value: b })).not.toBe(id);
        expect(
          deterministicScoId({ type: 'domain-name', value: a, resolves_to_refs: [other] }),
        ).toBe(id);
        expect(uuidVersion(parseStixId(id)?.uuid ?? '')).toBe(5);
      }),
    );
  });
});
