/** Untrusted input never makes validation throw; it only produces issues. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateBundle } from './bundle';
import { deterministicScoId } from './deterministic-id';
import { StixError } from './errors';
import { parseStixId } from './identifier';
import { tlpOf } from './tlp';
import { validateObject } from './validate/object';
import { versionOf } from './versioning';
import { VALID } from './testdata/valid';

/** An internal exception would surface as this error (validateObject's last-resort catch). */
const UNREADABLE = 'object: could not be read as a JSON object';

const wellFormed = (result: ReturnType<typeof validateObject>): void => {
  expect(result.valid).toBe(result.errors.length === 0);
  expect(result.errors.map((e) => e.message)).not.toContain(UNREADABLE);
  for (const issue of [...result.errors, ...result.warnings]) {
    expect(issue.path === '' || issue.path.startsWith('/')).toBe(true);
    expect(typeof issue.message).toBe('string');
  }
};

/** Valid objects with one property replaced by anything, or a random property added. */
const mutated = fc
  .record({
    base: fc.constantFrom(...Object.values(VALID)),
    key: fc.oneof(
      fc.constantFrom(
        'type',
        'id',
        'created',
        'modified',
        'extensions',
        'granular_markings',
        'object_marking_refs',
        'hashes',
        'value',
        '__proto__',
        'constructor',
        'toString',
      ),
      fc.string(),
    ),
    value: fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 4 }),
  })
  .map(({ base, key, value }) => {
    const o: Record<string, unknown> = structuredClone(base);
    Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true });
    return o;
  });

describe('never throws', () => {
  it('validateObject on anything()', () => {
    fc.assert(
      fc.property(
        fc.anything({
          withNullPrototype: true,
          withMap: true,
          withSet: true,
          withDate: true,
          withTypedArray: true,
          withSparseArray: true,
          withBigInt: true,
        }),
        (value) => {
          wellFormed(validateObject(value));
          wellFormed(validateObject(value, { allowCustomTypes: false }));
          wellFormed(validateBundle(value));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('validateObject on near-valid objects', () => {
    fc.assert(
      fc.property(mutated, (o) => {
        wellFormed(validateObject(o));
        expect(() => versionOf(o)).not.toThrow();
        expect(() => tlpOf(o)).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  it('prototype-pollution keys are data, not prototypes', () => {
    const o = JSON.parse(
      `{"type":"indicator","__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}`,
    ) as object;
    const result = validateObject(o);
    expect(result.errors.map((e) => e.path)).toContain('/__proto__');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('huge strings and wide objects stay fast', () => {
    const huge = 'a'.repeat(5_000_000);
    const started = performance.now();
    validateObject({
      ...VALID['indicator'],
      id: `${huge}--x`,
      created: huge,
      pattern: huge,
      x_big: huge,
    });
    validateObject({ ...VALID['url'], value: huge });
    validateObject({ ...VALID['domain-name'], value: `${'a.'.repeat(2_000_000)}com` });
    validateObject(Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`x_p${i}`, i])));
    expect(parseStixId(huge)).toBeNull();
    // Linear-time checks take well under a second; catastrophic backtracking would take minutes.
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('exotic objects: a throwing getter or proxy becomes an error, not an exception', () => {
    const boom = (): never => {
      throw new Error('boom');
    };
    const trap = new Proxy({}, { ownKeys: boom, getOwnPropertyDescriptor: boom });
    expect(validateObject(trap).errors.map((e) => e.message)).toEqual([UNREADABLE]);
    const getter = {
      type: 'indicator',
      get id(): string {
        return boom();
      },
    };
    expect(validateObject(getter).errors.map((e) => e.message)).toEqual([UNREADABLE]);
    expect(validateObject(VALID['tool'], null as never).valid).toBe(true);
  });

  it('deterministicScoId throws only StixError', () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom('file', 'ipv4-addr', 'network-traffic', 'indicator'),
        (value, type) => {
          try {
            deterministicScoId({ type, value, hashes: value, extensions: value });
          } catch (e) {
            expect(e).toBeInstanceOf(StixError);
          }
        },
      ),
    );
  });
});
