/** STIX 2.1 §3.6 versions and the kinds of object types. */
import { describe, expect, it } from 'vitest';
import { SCO_TYPES, SDO_TYPES, SRO_TYPES, objectKind } from './kinds';
import { TLP2 } from './tlp';
import { versionOf } from './versioning';
import { VALID } from './testdata/valid';

describe('objectKind', () => {
  it('knows the 19 SDOs, 2 SROs, 18 SCOs and 3 meta objects', () => {
    expect(SDO_TYPES).toHaveLength(19);
    expect(SRO_TYPES).toHaveLength(2);
    expect(SCO_TYPES).toHaveLength(18);
    expect(SDO_TYPES.map(objectKind).every((k) => k === 'sdo')).toBe(true);
    expect(SRO_TYPES.map(objectKind).every((k) => k === 'sro')).toBe(true);
    expect(SCO_TYPES.map(objectKind).every((k) => k === 'sco')).toBe(true);
    expect(objectKind('marking-definition')).toBe('marking-definition');
    expect(objectKind('language-content')).toBe('language-content');
    expect(objectKind('extension-definition')).toBe('extension-definition');
  });

  it('everything else is custom, including bundle and prototype names', () => {
    for (const t of ['x-mitre-tactic', 'bundle', '__proto__', 'constructor', 'toString', '']) {
      expect(objectKind(t)).toBe('custom');
    }
  });
});

describe('versionOf', () => {
  it('is modified for versioned objects', () => {
    expect(versionOf(VALID['indicator'] as Record<string, unknown>)).toBe(
      '2024-03-02T10:00:00.000Z',
    );
    expect(versionOf(VALID['custom-sdo'] as Record<string, unknown>)).toBe(
      '2024-03-02T10:00:00.000Z',
    );
  });

  it('is created for marking definitions, which have no modified', () => {
    expect(versionOf(TLP2.green)).toBe('2022-10-01T00:00:00.000Z');
  });

  it('is null for SCOs (§3.6 "SCOs are not versioned"), even with timestamps', () => {
    expect(versionOf(VALID['file'] as Record<string, unknown>)).toBeNull();
    expect(versionOf({ ...VALID['mutex'], modified: '2024-01-01T00:00:00.000Z' })).toBeNull();
  });

  it('is null for malformed input', () => {
    expect(versionOf({ type: 'indicator', modified: 'yesterday' })).toBeNull();
    expect(versionOf({ modified: '2024-01-01T00:00:00.000Z' })).toBeNull();
    expect(versionOf(null as unknown as Record<string, unknown>)).toBeNull();
    expect(versionOf([] as unknown as Record<string, unknown>)).toBeNull();
  });
});
