import { describe, expect, it } from 'vitest';
import { utf8Encode } from './bytes';
import { canonicalJson, parseCanonicalJson } from './json';
import { ledgerError } from './testing/expect';

/** The IEEE 754 double with the given bit pattern. */
function double(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('RFC 8785 canonical JSON', () => {
  it('canonicalises the RFC 8785 §3.2.2 example', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        ' "literals": [null, true, false]}',
    ) as unknown;
    expect(canonicalJson(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 §3.2.3 example)', () => {
    const input = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    const keys = Object.keys(JSON.parse(canonicalJson(input)) as object);
    expect(
      canonicalJson(input).startsWith('{"\\r":"Carriage Return","1":"One","\u0080":"Control"'),
    ).toBe(true);
    expect(keys).toHaveLength(7);
  });

  // RFC 8785 Appendix B: IEEE 754 bit patterns and their serialisation.
  it.each([
    ['0000000000000000', '0'],
    ['8000000000000000', '0'],
    ['0000000000000001', '5e-324'],
    ['8000000000000001', '-5e-324'],
    ['7fefffffffffffff', '1.7976931348623157e+308'],
    ['4340000000000000', '9007199254740992'],
    ['4430000000000000', '295147905179352830000'],
    ['44b52d02c7e14af5', '9.999999999999997e+22'],
    ['44b52d02c7e14af6', '1e+23'],
    ['3eb0c6f7a0b5ed8d', '0.000001'],
    ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
  ])('serialises the double %s as %s', (bits, text) => {
    expect(canonicalJson(double(bits))).toBe(text);
  });

  it.each([
    [undefined, 'undefined'],
    [{ a: undefined }, 'undefined property'],
    [() => 1, 'function'],
    [Symbol('x'), 'symbol'],
    [1n, 'bigint'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [new Date(0), 'Date'],
    [new Map(), 'Map'],
    [{ toJSON: () => 1 }, 'toJSON'],
    ['\ud800', 'lone surrogate'],
    [{ '\udc00': 1 }, 'lone surrogate key'],
    // eslint-disable-next-line no-sparse-arrays
    [[1, , 3], 'sparse array'],
  ])('rejects %s (%s)', (value, _why) => {
    expect(() => canonicalJson(value)).toThrow(ledgerError('INVALID_PAYLOAD'));
  });

  it('rejects deep nesting and cycles without a stack overflow', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(ledgerError('INVALID_PAYLOAD'));
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(() => canonicalJson(cycle)).toThrow(ledgerError('INVALID_PAYLOAD'));
  });

  it('accepts data keys that merely look special', () => {
    expect(canonicalJson({ toJSON: 'x', __proto__: null })).toBe('{"toJSON":"x"}');
    expect(parseCanonicalJson(utf8Encode('{"__proto__":1}'))).toEqual(
      JSON.parse('{"__proto__":1}'),
    );
  });
});

describe('parseCanonicalJson', () => {
  it('round-trips canonical text', () => {
    expect(parseCanonicalJson(utf8Encode('{"a":[1,"x",null]}'))).toEqual({ a: [1, 'x', null] });
  });

  it.each([
    ['{"b":1,"a":2}', 'unsorted keys'],
    ['{"a": 1}', 'whitespace'],
    ['{"a":1,"a":2}', 'duplicate key'],
    ['1.0', 'non-canonical number'],
    ['12345678901234567890', 'integer beyond double precision'],
    ['"\\u0041"', 'needless escape'],
    ['"\\ud800"', 'lone surrogate'],
    ['{', 'not JSON'],
    ['['.repeat(10000), 'deeply nested'],
  ])('rejects %s (%s)', (text) => {
    expect(() => parseCanonicalJson(utf8Encode(text))).toThrow(ledgerError('INVALID_PAYLOAD'));
  });

  it('rejects invalid UTF-8', () => {
    expect(() => parseCanonicalJson(new Uint8Array([0x22, 0xff, 0x22]))).toThrow(
      ledgerError('INVALID_PAYLOAD'),
    );
  });
});
