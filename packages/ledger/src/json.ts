/** JSON payloads and their RFC 8785 (JCS) canonical form. */
import canonicalize from 'canonicalize';
import { hasLoneSurrogate, tryUtf8Decode, utf8Encode } from './bytes';
import { LedgerError } from './errors';

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Deeper nesting is refused rather than risking stack exhaustion. */
export const MAX_JSON_DEPTH = 64;

const invalid = (path: string, why: string): LedgerError =>
  new LedgerError('INVALID_PAYLOAD', `${path}: ${why}`);

/**
 * Accepts only plain I-JSON values (RFC 7493, required by RFC 8785 §3.1): no undefined,
 * functions, symbols, bigints, non-finite numbers, lone surrogates, sparse arrays, class
 * instances (Date, Map, …) or toJSON tricks.
 */
export function assertJsonValue(value: unknown, path = '$', depth = 0): asserts value is JsonValue {
  if (depth > MAX_JSON_DEPTH) throw invalid(path, `nested deeper than ${MAX_JSON_DEPTH}`);
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(path, 'numbers must be finite');
    return;
  }
  if (typeof value === 'string') {
    if (hasLoneSurrogate(value)) throw invalid(path, 'string is not valid Unicode');
    return;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw invalid(`${path}[${i}]`, 'sparse array');
      assertJsonValue(value[i], `${path}[${i}]`, depth + 1);
    }
    return;
  }
  if (typeof value === 'object') {
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw invalid(path, 'not a plain object');
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
      throw invalid(path, 'toJSON is not allowed');
    }
    for (const [key, v] of Object.entries(value)) {
      if (hasLoneSurrogate(key)) throw invalid(path, 'key is not valid Unicode');
      assertJsonValue(v, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw invalid(path, `${typeof value} is not JSON`);
}

/** RFC 8785 canonical JSON text of a plain JSON value. */
export function canonicalJson(value: unknown): string {
  assertJsonValue(value);
  const text = canonicalize(value);
  if (text === undefined) throw invalid('$', 'not serialisable');
  return text;
}

export function canonicalJsonBytes(value: unknown): Uint8Array {
  return utf8Encode(canonicalJson(value));
}

/** Parses bytes that must already be RFC 8785 canonical (so each value has one encoding). */
export function parseCanonicalJson(bytes: Uint8Array): JsonValue {
  const text = tryUtf8Decode(bytes);
  if (text === null) throw invalid('$', 'not valid UTF-8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new LedgerError('INVALID_PAYLOAD', '$: not JSON', { cause });
  }
  if (canonicalJson(value) !== text) throw invalid('$', 'not in RFC 8785 canonical form');
  return value as JsonValue;
}
