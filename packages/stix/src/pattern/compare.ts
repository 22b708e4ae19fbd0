/**
 * Comparison operators on one resolved property value (STIX 2.1 §9.6.1–§9.6.4).
 *
 * Which constants compare with which values (§9.2 "STIX Comparable Data Types"):
 *   string    — strings; binary/hex properties when every code point is below U+0100 (§9.6.4)
 *   integer, float — JSON numbers, compared by full value (1 = 1.0, 1 ≠ 1.5)
 *   boolean   — JSON booleans (= and != only)
 *   timestamp — strings that are STIX timestamps, compared as instants
 *   binary, hex — binary (`_bin`, base64) and hex (`_hex`) properties, as octets (§9.6.3)
 * Strings compare by code point with no normalisation (§9.6.2). Incompatible types make every
 * operator false except != (§9.6.1). LIKE and MATCHES NFC-normalise (§9.6.1, §9.6.2).
 */
import type { PatternLiteral, PatternScalarOperator } from './ast';
import { bytesToLatin1, compareBytes, decodeBase64, decodeHex, latin1ToBytes } from './bytes';
import { isSubnetOf, parseIpBlock } from './cidr';
import { likeMatches } from './like';
import type { ResolvedValue } from './path';
import { compilePcre } from './regex';
import { compareInstants, parseStixTimestamp } from './timestamp';

type Typed =
  | { readonly t: 'string'; readonly s: string }
  | { readonly t: 'number'; readonly n: number }
  | { readonly t: 'boolean'; readonly b: boolean }
  | { readonly t: 'bytes'; readonly bytes: Uint8Array }
  | { readonly t: 'other' };

/** §9.6.4: binary and hex properties are decoded to octets before any comparison. */
function typed(r: ResolvedValue): Typed {
  const v = r.value;
  if (typeof v === 'string') {
    if (r.property.endsWith('_bin')) {
      const bytes = decodeBase64(v);
      return bytes === null ? { t: 'other' } : { t: 'bytes', bytes };
    }
    if (r.property.endsWith('_hex')) {
      const bytes = decodeHex(v);
      return bytes === null ? { t: 'other' } : { t: 'bytes', bytes };
    }
    return { t: 'string', s: v };
  }
  if (typeof v === 'number' && Number.isFinite(v)) return { t: 'number', n: v };
  if (typeof v === 'boolean') return { t: 'boolean', b: v };
  return { t: 'other' };
}

/** Code point order (§9.6.2), which differs from JavaScript's UTF-16 order above U+FFFF. */
export function compareCodePoints(a: string, b: string): -1 | 0 | 1 {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(j)!;
    if (ca !== cb) return ca < cb ? -1 : 1;
    i += ca > 0xffff ? 2 : 1;
    j += cb > 0xffff ? 2 : 1;
  }
  const restA = a.length - i;
  const restB = b.length - j;
  return restA === restB ? 0 : restA < restB ? -1 : 1;
}

/** The order of `v` relative to constant `c`, or undefined when they are not comparable. */
function order(v: Typed, c: PatternLiteral, ordering: boolean): -1 | 0 | 1 | undefined {
  switch (c.kind) {
    case 'string':
      if (v.t === 'string') return compareCodePoints(v.s, c.value);
      if (v.t === 'bytes') {
        const bytes = latin1ToBytes(c.value);
        return bytes === null ? undefined : compareBytes(v.bytes, bytes);
      }
      return undefined;
    case 'integer':
    case 'float':
      return v.t === 'number' ? (v.n < c.value ? -1 : v.n > c.value ? 1 : 0) : undefined;
    case 'boolean':
      return v.t === 'boolean' && !ordering ? (v.b === c.value ? 0 : 1) : undefined;
    case 'timestamp': {
      if (v.t !== 'string') return undefined;
      const instant = parseStixTimestamp(v.s);
      const constant = parseStixTimestamp(c.value);
      return instant === null || constant === null ? undefined : compareInstants(instant, constant);
    }
    case 'binary':
    case 'hex': {
      const bytes = c.kind === 'binary' ? decodeBase64(c.value) : decodeHex(c.value);
      return v.t === 'bytes' && bytes !== null ? compareBytes(v.bytes, bytes) : undefined;
    }
  }
}

const regexCache = new WeakMap<PatternLiteral, Partial<Record<'text' | 'binary', RegExp | null>>>();

/** The compiled MATCHES expression (null if it cannot run in this mode), cached per node. */
function regexFor(c: PatternLiteral & { kind: 'string' }, mode: 'text' | 'binary'): RegExp | null {
  let entry = regexCache.get(c);
  if (entry === undefined) regexCache.set(c, (entry = {}));
  let re = entry[mode];
  if (re === undefined) {
    try {
      re = compilePcre(c.value, mode);
    } catch {
      re = null;
    }
    entry[mode] = re;
  }
  return re;
}

/** §9.6.1 "The search function MUST be used"; an engine failure (stack) is no match. */
function search(re: RegExp | null, text: string): boolean {
  try {
    return re?.test(text) ?? false;
  } catch {
    return false;
  }
}

/** Whether one resolved value satisfies `operator constant` (before any NOT). */
export function testValue(
  operator: PatternScalarOperator,
  r: ResolvedValue,
  c: PatternLiteral,
): boolean {
  const v = typed(r);
  switch (operator) {
    case '=':
      return order(v, c, false) === 0;
    case '!=':
      return order(v, c, false) !== 0;
    case '<':
      return order(v, c, true) === -1;
    case '<=': {
      const o = order(v, c, true);
      return o === -1 || o === 0;
    }
    case '>':
      return order(v, c, true) === 1;
    case '>=': {
      const o = order(v, c, true);
      return o === 1 || o === 0;
    }
    case 'LIKE':
      return c.kind === 'string' && v.t === 'string' && likeMatches(v.s, c.value);
    case 'MATCHES': {
      if (c.kind !== 'string') return false;
      if (v.t === 'string') return search(regexFor(c, 'text'), v.s.normalize('NFC'));
      if (v.t === 'bytes') return search(regexFor(c, 'binary'), bytesToLatin1(v.bytes));
      return false;
    }
    case 'ISSUBSET':
    case 'ISSUPERSET': {
      if (c.kind !== 'string' || v.t !== 'string') return false;
      const value = parseIpBlock(v.s);
      const constant = parseIpBlock(c.value);
      if (value === null || constant === null) return false;
      return operator === 'ISSUBSET' ? isSubnetOf(value, constant) : isSubnetOf(constant, value);
    }
  }
}
