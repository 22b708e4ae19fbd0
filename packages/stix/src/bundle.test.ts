/** STIX 2.1 §8 bundle envelopes. */
import { describe, expect, it } from 'vitest';
import { validateBundle } from './bundle';
import { id } from './testdata/ids';
import { VALID } from './testdata/valid';

const paths = (b: unknown) => validateBundle(b).errors.map((e) => [e.path, e.code]);

describe('validateBundle', () => {
  it('accepts a bundle with and without objects; does not look inside them', () => {
    expect(
      validateBundle({
        type: 'bundle',
        id: id('bundle'),
        objects: [VALID['indicator'], { type: 'x' }],
      }),
    ).toEqual({
      valid: true,
      errors: [],
      warnings: [],
    });
    expect(validateBundle({ type: 'bundle', id: id('bundle') }).valid).toBe(true);
  });

  it.each([
    [null, [['', 'type']]],
    [[], [['', 'type']]],
    [{ id: id('bundle') }, [['/type', 'required']]],
    [{ type: 'indicator', id: id('bundle') }, [['/type', 'enum']]],
    [{ type: 'bundle' }, [['/id', 'required']]],
    [{ type: 'bundle', id: 7 }, [['/id', 'type']]],
    [{ type: 'bundle', id: id('indicator') }, [['/id', 'format']]],
    [{ type: 'bundle', id: id('bundle'), objects: {} }, [['/objects', 'type']]],
    [{ type: 'bundle', id: id('bundle'), objects: [] }, [['/objects', 'empty']]],
    [
      { type: 'bundle', id: id('bundle'), objects: [VALID['tool'], 'x', null] },
      [
        ['/objects/1', 'type'],
        ['/objects/2', 'type'],
      ],
    ],
  ])('%j → %j', (bundle, expected) => {
    expect(paths(bundle)).toEqual(expected);
  });

  it('warns about a 2.0-style spec_version and a non-v4 id', () => {
    const result = validateBundle({
      type: 'bundle',
      id: 'bundle--6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      spec_version: '2.0',
    });
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => w.path)).toEqual(['/id', '/spec_version']);
  });
});
