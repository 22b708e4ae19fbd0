/**
 * STIX 2.1 §2.7 Hashes and §10.7 hash-algorithm-ov: the value formats of the eight named
 * algorithms, and the §6.1/§6.7/§6.18 rule for picking the one hash that contributes to an SCO's
 * deterministic identifier.
 */
import { HASH_ALGORITHM_OV } from './vocab';

const HEX32 = /^[0-9a-fA-F]{32}$/;
const HEX40 = /^[0-9a-fA-F]{40}$/;
const HEX64 = /^[0-9a-fA-F]{64}$/;
const HEX128 = /^[0-9a-fA-F]{128}$/;
/** A TLSH digest is 35 bytes (§10.7), i.e. 70 hex digits. */
const HEX70 = /^[0-9a-fA-F]{70}$/;
/** ssdeep piecewise hash: "blocksize:hash1:hash2", base64 alphabet in the hash parts. */
const SSDEEP = /^(?=.{1,128}$)[0-9]{1,10}:[A-Za-z0-9/+]{0,64}:[A-Za-z0-9/+]{0,64}$/;

const FORMATS: ReadonlyMap<string, { re: RegExp; what: string }> = new Map([
  ['MD5', { re: HEX32, what: '32 hexadecimal digits' }],
  ['SHA-1', { re: HEX40, what: '40 hexadecimal digits' }],
  ['SHA-256', { re: HEX64, what: '64 hexadecimal digits' }],
  ['SHA-512', { re: HEX128, what: '128 hexadecimal digits' }],
  ['SHA3-256', { re: HEX64, what: '64 hexadecimal digits' }],
  ['SHA3-512', { re: HEX128, what: '128 hexadecimal digits' }],
  ['SSDEEP', { re: SSDEEP, what: 'an ssdeep piecewise hash (blocksize:hash:hash)' }],
  ['TLSH', { re: HEX70, what: '70 hexadecimal digits (35 bytes)' }],
]);

/** §2.7: hash dictionary keys are ASCII letters, digits, "-" and "_", 3–250 characters. */
const HASH_KEY_RE = /^[A-Za-z0-9_-]{3,250}$/;

export function isHashKey(key: string): boolean {
  return HASH_KEY_RE.test(key);
}

export function isKnownHashAlgorithm(name: string): boolean {
  return HASH_ALGORITHM_OV.has(name);
}

/**
 * Checks the value of a named algorithm: null when it is well formed (or the algorithm is not
 * one of §10.7, whose formats this library cannot know), else what was expected.
 */
export function hashFormatProblem(algorithm: string, value: string): string | null {
  const format = FORMATS.get(algorithm);
  if (format === undefined) return null;
  return format.re.test(value) ? null : `must be ${format.what}`;
}

/** §6.1, §6.7, §6.18: the order of preference of the single hash that contributes to an id. */
export const ID_HASH_PREFERENCE = ['MD5', 'SHA-1', 'SHA-256', 'SHA-512'] as const;

/**
 * The one hash of a hashes dictionary that contributes to a deterministic SCO id: the first of
 * MD5, SHA-1, SHA-256, SHA-512 present; failing those (the spec only says SHOULD), the algorithm
 * whose name sorts first, so that the choice does not depend on property order.
 */
export function selectIdHash(hashes: Record<string, unknown>): Record<string, unknown> | null {
  for (const name of ID_HASH_PREFERENCE) {
    if (Object.hasOwn(hashes, name) && hashes[name] !== undefined) return { [name]: hashes[name] };
  }
  let first: string | null = null;
  for (const name of Object.keys(hashes)) {
    if (hashes[name] !== undefined && (first === null || name < first)) first = name;
  }
  return first === null ? null : { [first]: hashes[first] };
}
