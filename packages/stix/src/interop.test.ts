/** Real third-party STIX validates: the OASIS example bundles and MITRE ATT&CK for ICS. */
import { describe, expect, it } from 'vitest';
import { validateBundle } from './bundle';
import { validateObject } from './validate/object';
import {
  HAVE_EXAMPLES,
  HAVE_ICS,
  exampleBundles,
  exampleObjects,
  icsBundle,
} from './testdata/interop';

describe.skipIf(!HAVE_EXAMPLES)(
  'OASIS STIX 2.1 examples (../shared/interop/stix2-json-schemas absent)',
  () => {
    const objects = exampleObjects();

    it('has examples to check', () => {
      expect(objects.length).toBeGreaterThan(200);
    });

    it.each(objects)('%s validates with no error', (_name, object) => {
      expect(validateObject(object).errors).toEqual([]);
    });

    it.each(exampleBundles())('bundle %s has a valid envelope', (_name, bundle) => {
      expect(validateBundle(bundle).errors).toEqual([]);
    });
  },
);

describe.skipIf(!HAVE_ICS)('MITRE ATT&CK for ICS (../shared/interop/attack absent)', () => {
  const bundle = icsBundle() ?? { objects: [] };
  const objects = bundle['objects'] as Array<Record<string, unknown>>;

  it('is one valid bundle of 1,826 objects', () => {
    expect(validateBundle(bundle).errors).toEqual([]);
    expect(objects).toHaveLength(1826);
  });

  it('every object validates; x_mitre_* are custom properties, x-mitre-* custom types', () => {
    const failures = objects
      .map((o) => ({ id: o['id'], errors: validateObject(o).errors }))
      .filter((r) => r.errors.length > 0);
    expect(failures).toEqual([]);
  });

  it('warns only about the custom x-mitre-* object types', () => {
    const codes = new Set(objects.flatMap((o) => validateObject(o).warnings.map((w) => w.code)));
    expect([...codes]).toEqual(['unknown-type']);
  });

  it('rejects the custom types when they are not allowed', () => {
    const custom = objects.find((o) => String(o['type']).startsWith('x-mitre-'));
    expect(custom).toBeDefined();
    const result = validateObject(custom, { allowCustomTypes: false });
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toMatchObject({ path: '/type', code: 'unknown-type' });
  });
});
