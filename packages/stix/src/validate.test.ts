/** validateObject against Concord's own corpora and the rules that only warn. */
import { describe, expect, it } from 'vitest';
import { STIX_ISSUE_CODES } from './issues';
import { validateObject } from './validate/object';
import { id } from './testdata/ids';
import { INVALID } from './testdata/invalid';
import { VALID } from './testdata/valid';

const errorsOf = (o: unknown) => validateObject(o).errors;
const warningsOf = (o: unknown) => validateObject(o).warnings;

describe('the valid corpus', () => {
  it.each(Object.entries(VALID))('%s has no error', (_name, object) => {
    expect(errorsOf(object)).toEqual([]);
  });

  it('covers every SDO, SRO, SCO and meta object type', async () => {
    const { SCO_TYPES, SDO_TYPES, SRO_TYPES } = await import('./kinds');
    const types = new Set(Object.values(VALID).map((o) => o['type']));
    for (const t of [
      ...SDO_TYPES,
      ...SRO_TYPES,
      ...SCO_TYPES,
      'marking-definition',
      'language-content',
      'extension-definition',
    ]) {
      expect(types).toContain(t);
    }
  });
});

describe('the invalid corpus', () => {
  it('has at least 60 cases, all distinct', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(60);
    expect(new Set(INVALID.map((c) => c.name)).size).toBe(INVALID.length);
  });

  it.each(INVALID.map((c) => [c.name, c] as const))('"%s" is rejected at its path', (_name, c) => {
    const result = validateObject(c.object);
    expect(result.valid).toBe(false);
    expect(result.errors).toContainEqual(
      expect.objectContaining({ path: c.path, code: c.code, severity: 'error' }),
    );
  });

  it('every issue code that marks an error is exercised, bar unknown-type', () => {
    const codes = new Set(INVALID.map((c) => c.code));
    const errorCodes = STIX_ISSUE_CODES.filter((c) => c !== 'vocabulary' && c !== 'unknown-type');
    expect(errorCodes.filter((c) => !codes.has(c))).toEqual([]);
  });

  it('messages name the offending property', () => {
    for (const c of INVALID) {
      const error = validateObject(c.object).errors.find(
        (e) => e.path === c.path && e.code === c.code,
      );
      const last = c.path.split('/').pop() ?? '';
      expect(error?.message).toMatch(
        c.path === '' ? /^object: / : new RegExp(`^[^:]*${escape(last)}[^:]*: `),
      );
    }
  });
});

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('input that is not an object', () => {
  it.each([null, undefined, 42, 'indicator', [], [VALID['indicator']], new Date(0), new Map()])(
    '%s is an error at the root',
    (input) => {
      expect(errorsOf(input)).toEqual([expect.objectContaining({ path: '', code: 'type' })]);
    },
  );

  it('an object without type, or with a non-string type, stops there', () => {
    expect(errorsOf({ id: id('indicator') })).toEqual([
      expect.objectContaining({ path: '/type', code: 'required' }),
    ]);
    expect(errorsOf({ type: 7 })).toEqual([
      expect.objectContaining({ path: '/type', code: 'type' }),
    ]);
    expect(errorsOf({ type: 'a--b' })).toEqual([
      expect.objectContaining({ path: '/type', code: 'format' }),
    ]);
  });

  it('a bundle is pointed to validateBundle', () => {
    expect(errorsOf({ type: 'bundle', id: id('bundle') })).toEqual([
      expect.objectContaining({ path: '/type', code: 'unknown-type' }),
    ]);
  });
});

describe('warnings (SHOULDs)', () => {
  const codes = (o: unknown) => warningsOf(o).map((w) => [w.path, w.code]);

  it('open vocabulary values outside the suggestions', () => {
    const o = { ...VALID['identity'], identity_class: 'alien', sectors: ['space'] };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([
      ['/identity_class', 'vocabulary'],
      ['/sectors/0', 'vocabulary'],
    ]);
  });

  it('enumerations are closed: the same kind of value is an error', () => {
    expect(errorsOf({ ...VALID['opinion'], opinion: 'meh' })).toEqual([
      expect.objectContaining({ path: '/opinion', code: 'enum' }),
    ]);
  });

  it('custom properties without the x_ prefix', () => {
    const o = { ...VALID['indicator'], acme_score: 3, x_acme_rank: 1 };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([['/acme_score', 'custom-property']]);
  });

  it('no prefix warning when a toplevel-property-extension is declared', () => {
    expect(warningsOf(VALID['extended-indicator'])).toEqual([]);
  });

  it('hash algorithms outside hash-algorithm-ov on an SCO', () => {
    const o = {
      ...VALID['file'],
      hashes: {
        'SHA-256': (VALID['file']?.['hashes'] as Record<string, string>)['SHA-256'],
        imphash2: 'abc',
      },
    };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([['/hashes/imphash2', 'vocabulary']]);
  });

  it('SDO and SRO ids that are not UUIDv4', () => {
    const o = { ...VALID['tool'], id: 'tool--6ba7b810-9dad-11d1-80b4-00c04fd430c8' };
    expect(codes(o)).toEqual([['/id', 'format']]);
  });

  it('common properties that do not apply to SCOs', () => {
    const o = { ...VALID['mutex'], labels: ['x'], created: '2024-01-01T00:00:00.000Z' };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([
      ['/labels', 'not-applicable'],
      ['/created', 'not-applicable'],
    ]);
  });

  it('deprecated custom -ext extensions on SCOs', () => {
    const o = { ...VALID['mutex'], extensions: { 'x-acme-ext': { level: 2 } } };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([['/extensions/x-acme-ext', 'extension']]);
  });

  it('a bare string header value on an e-mail', () => {
    const o = { ...VALID['email-single-header'], additional_header_fields: { 'X-Mailer': 'Mutt' } };
    expect(errorsOf(o)).toEqual([]);
    expect(codes(o)).toEqual([['/additional_header_fields/X-Mailer', 'type']]);
  });

  it('kill chain names that are not lowercase-hyphenated', () => {
    const o = {
      ...VALID['tool'],
      kill_chain_phases: [{ kill_chain_name: 'Mitre ATT&CK', phase_name: 'recon' }],
    };
    expect(codes(o)).toEqual([['/kill_chain_phases/0/kill_chain_name', 'format']]);
  });
});

describe('custom object types', () => {
  it('are accepted with a warning by default, validated for common properties', () => {
    const result = validateObject(VALID['custom-sdo']);
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({ path: '/type', code: 'unknown-type' }),
    ]);
    expect(errorsOf({ ...VALID['custom-sdo'], created: 'yesterday' })).toEqual([
      expect.objectContaining({ path: '/created', code: 'timestamp' }),
    ]);
  });

  it('are errors when allowCustomTypes is false', () => {
    expect(validateObject(VALID['custom-sco'], { allowCustomTypes: false }).errors).toEqual([
      expect.objectContaining({ path: '/type', code: 'unknown-type' }),
    ]);
  });

  it('declared new-sco need no spec_version or timestamps; undeclared with created need both', () => {
    const sco = {
      type: 'x-acme-thing',
      id: id('x-acme-thing'),
      colour: 'red',
      extensions: { [id('extension-definition')]: { extension_type: 'new-sco' } },
    };
    expect(errorsOf(sco)).toEqual([]);
    const sdo = {
      type: 'x-acme-thing',
      id: id('x-acme-thing'),
      created: '2024-01-01T00:00:00.000Z',
      colour: 'red',
    };
    expect(
      errorsOf(sdo)
        .map((e) => e.path)
        .sort(),
    ).toEqual(['/modified', '/spec_version']);
  });

  it('must have a property of their own (§11.2.1) and an id of their type', () => {
    expect(errorsOf({ type: 'x-acme-thing', id: id('x-acme-thing') })).toEqual([
      expect.objectContaining({ path: '', code: 'required' }),
    ]);
    expect(errorsOf({ type: 'x-acme-thing', id: id('x-other'), colour: 'red' })).toEqual([
      expect.objectContaining({ path: '/id', code: 'format' }),
    ]);
  });

  it('cannot redefine a STIX type through new-sdo', () => {
    const o = {
      ...VALID['tool'],
      extensions: { [id('extension-definition')]: { extension_type: 'new-sdo' } },
    };
    expect(errorsOf(o)).toEqual([
      expect.objectContaining({
        path: `/extensions/${id('extension-definition')}/extension_type`,
        code: 'extension',
      }),
    ]);
  });
});

describe('specific rules', () => {
  it('SCOs without ID contributing properties must use UUIDv4 (§2.9)', () => {
    const v5 = 'email-message--6b616fc1-1505-58e3-8b2c-0d19337bff38';
    const without = { type: 'email-message', id: v5, is_multipart: false };
    expect(errorsOf(without)).toEqual([expect.objectContaining({ path: '/id', code: 'format' })]);
    expect(errorsOf({ ...without, subject: 'hello' })).toEqual([]);
  });

  it('timestamps may carry any precision, but created/modified at least milliseconds', () => {
    expect(
      errorsOf({
        ...VALID['campaign'],
        first_seen: '2023-01-01T00:00:00.123456789Z',
        modified: '2024-03-02T10:00:00.0001Z',
      }),
    ).toEqual([]);
    expect(errorsOf({ ...VALID['campaign'], modified: '2024-03-02T10:00:00.1Z' })).toEqual([
      expect.objectContaining({ path: '/modified', code: 'timestamp' }),
    ]);
  });

  it('modified equal to created is fine; sub-millisecond order counts', () => {
    const base = VALID['campaign'];
    expect(
      errorsOf({
        ...base,
        created: '2024-01-01T00:00:00.0001Z',
        modified: '2024-01-01T00:00:00.000100Z',
      }),
    ).toEqual([]);
    expect(
      errorsOf({
        ...base,
        created: '2024-01-01T00:00:00.0001Z',
        modified: '2024-01-01T00:00:00.000Z',
      }),
    ).toEqual([expect.objectContaining({ path: '/modified', code: 'timestamp' })]);
  });

  it('TLP 1.0 markings must be the predefined objects; TLP 2.0 ids must match their level', async () => {
    const { TLP1, TLP2 } = await import('./tlp');
    expect(errorsOf({ ...TLP1.white, created_by_ref: id('identity') })).toEqual([
      expect.objectContaining({ path: '/created_by_ref', code: 'enum' }),
    ]);
    expect(errorsOf({ ...TLP2.red, id: TLP2.green['id'] })).toEqual([
      expect.objectContaining({ path: '/id', code: 'enum' }),
    ]);
  });

  it('observed data object_refs need at least one SCO', () => {
    expect(errorsOf({ ...VALID['observed-data'], object_refs: [id('relationship')] })).toEqual([
      expect.objectContaining({ path: '/object_refs', code: 'reference-type' }),
    ]);
  });

  it('granular marking selectors may walk into lists and dictionaries', () => {
    const o = {
      ...VALID['file'],
      granular_markings: [
        {
          selectors: ['hashes.MD5', 'extensions.ntfs-ext.alternate_data_streams.[0].name'],
          marking_ref: id('marking-definition'),
        },
      ],
    };
    expect(errorsOf(o)).toEqual([]);
    const bad = {
      ...o,
      granular_markings: [{ selectors: ['hashes.[0]'], marking_ref: id('marking-definition') }],
    };
    expect(errorsOf(bad)).toEqual([
      expect.objectContaining({ path: '/granular_markings/0/selectors/0' }),
    ]);
  });

  it('integers beyond 2^53 are out of range (§2.10)', () => {
    expect(errorsOf({ ...VALID['autonomous-system'], number: 2 ** 53 })).toEqual([
      expect.objectContaining({ path: '/number', code: 'range' }),
    ]);
  });

  it('IPv6 text forms (RFC 4291 §2.2)', () => {
    for (const value of [
      '::',
      '::1',
      '2001:db8::ff00:42:8329',
      '::ffff:192.0.2.128',
      '1:2:3:4:5:6:7::',
      '2001:db8::/128',
    ]) {
      expect(errorsOf({ ...VALID['ipv6-addr'], value })).toEqual([]);
    }
    for (const value of [
      '1:2:3:4:5:6:7:8:9',
      '12345::',
      '::1/129',
      'fe80::1%eth0',
      '1.2.3.4::',
      '',
    ]) {
      expect(errorsOf({ ...VALID['ipv6-addr'], value })).toHaveLength(1);
    }
  });

  it('paths escape "/" and "~" in keys (RFC 6901)', () => {
    const o = { ...VALID['network-traffic'], ipfix: { 'a/b~c': null } };
    expect(errorsOf(o)).toContainEqual(expect.objectContaining({ path: '/ipfix/a~1b~0c' }));
  });
});
