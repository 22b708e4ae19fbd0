/** STIX 2.1 §2.9 identifiers and §3.1 type names. */
import { describe, expect, it } from 'vitest';
import { isStixId, isStixTypeName, parseStixId } from './identifier';

describe('parseStixId', () => {
  it('splits type and UUID', () => {
    expect(parseStixId('indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836')).toEqual({
      type: 'indicator',
      uuid: 'e2e1a340-4415-4ba8-9671-f7343fbf0836',
    });
    expect(parseStixId('x-acme-widget--28bb3599-77cd-5a82-a950-b5bc3caf07c4')?.type).toBe(
      'x-acme-widget',
    );
    expect(parseStixId('ipv4-addr--28BB3599-77CD-5A82-A950-B5BC3CAF07C4')?.uuid).toBe(
      '28BB3599-77CD-5A82-A950-B5BC3CAF07C4',
    );
  });

  it.each([
    'indicator-e2e1a340-4415-4ba8-9671-f7343fbf0836',
    'indicator---e2e1a340-4415-4ba8-9671-f7343fbf0836',
    'Indicator--e2e1a340-4415-4ba8-9671-f7343fbf0836',
    'ab--e2e1a340-4415-4ba8-9671-f7343fbf0836',
    'a--b--e2e1a340-4415-4ba8-9671-f7343fbf0836',
    'indicator--e2e1a340-4415-0ba8-9671-f7343fbf0836',
    'indicator--e2e1a340-4415-6ba8-9671-f7343fbf0836',
    'indicator--e2e1a340-4415-4ba8-c671-f7343fbf0836',
    'indicator--e2e1a3404-415-4ba8-9671-f7343fbf0836',
    'indicator--00000000-0000-0000-0000-000000000000',
    'indicator--',
    '',
    `${'a'.repeat(251)}--e2e1a340-4415-4ba8-9671-f7343fbf0836`,
  ])('rejects %s', (id) => {
    expect(parseStixId(id)).toBeNull();
    expect(isStixId(id)).toBe(false);
  });

  it('isStixId narrows by type', () => {
    const id = 'identity--e2e1a340-4415-4ba8-9671-f7343fbf0836';
    expect(isStixId(id, 'identity')).toBe(true);
    expect(isStixId(id, 'malware')).toBe(false);
    expect(isStixId(id, ['malware', 'identity'])).toBe(true);
    expect(isStixId(42)).toBe(false);
    expect(parseStixId(null as unknown as string)).toBeNull();
  });

  it('type names: 3–250 characters, lowercase, single hyphens', () => {
    expect(isStixTypeName('x-example-com-customobject')).toBe(true);
    expect(isStixTypeName('a'.repeat(250))).toBe(true);
    expect(isStixTypeName('a'.repeat(251))).toBe(false);
    for (const bad of ['ab', 'x--y', '-xy', 'xy-', 'x_y', '1ab', 'Abc'])
      expect(isStixTypeName(bad)).toBe(false);
  });
});
