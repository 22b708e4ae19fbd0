/** Value checks for the STIX 2.1 §2 common data types, as composable Check factories. */
import { isPlainObject, isStixFloat, isStixInteger } from '../guards';
import { hashFormatProblem, isHashKey, isKnownHashAlgorithm } from '../hashes';
import { parseStixId } from '../identifier';
import { pointer } from '../issues';
import type { Issues } from '../issues';
import { objectKind } from '../kinds';
import type { ObjectKind } from '../kinds';
import { fractionDigits } from '../timestamp';
import type { Vocabulary } from '../vocab';
import type { Check } from './engine';
import { isBase64, isHex } from './formats';

/** Accepts anything: for properties handled elsewhere (type, id, extensions, …). */
export const handledElsewhere: Check = () => undefined;

/** §2.15 string. */
export const string: Check = (issues, value, path) => {
  if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
};

/** A string in a format; `what` completes "must be …". */
export const formatted =
  (test: (s: string) => boolean, what: string): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
    else if (!test(value)) issues.error(path, 'format', `must be ${what}`);
  };

/** §2.2 boolean. */
export const boolean: Check = (issues, value, path) => {
  if (typeof value !== 'boolean') issues.error(path, 'type', 'must be true or false');
};

/** §2.10 integer, optionally bounded (inclusive). */
export const integer =
  (min?: number, max?: number): Check =>
  (issues, value, path) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      issues.error(path, 'type', 'must be an integer');
    } else if (!isStixInteger(value)) {
      issues.error(path, 'range', 'must fit in a signed 54-bit integer (§2.10)');
    } else if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      issues.error(path, 'range', `must be between ${min ?? '-(2^53-1)'} and ${max ?? '2^53-1'}`);
    }
  };

/** §2.6 float, optionally bounded (inclusive). */
export const float =
  (min?: number, max?: number): Check =>
  (issues, value, path) => {
    if (!isStixFloat(value)) issues.error(path, 'type', 'must be a finite number');
    else if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
      issues.error(path, 'range', `must be between ${min ?? '-∞'} and ${max ?? '∞'}`);
    }
  };

export interface TimestampRule {
  /** §3.2 created/modified: at least milliseconds. */
  minFractionDigits?: number;
  /** §6.7.6 time_date_stamp: precise to the second, no fraction. */
  wholeSeconds?: boolean;
}

/** §2.16 timestamp. */
export const timestamp =
  (rule: TimestampRule = {}): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') {
      issues.error(path, 'type', 'must be a timestamp string');
      return;
    }
    const digits = fractionDigits(value);
    if (digits < 0) {
      issues.error(
        path,
        'timestamp',
        'must be an RFC 3339 UTC timestamp "YYYY-MM-DDTHH:mm:ss[.s+]Z"',
      );
      return;
    }
    if (rule.minFractionDigits !== undefined && digits < rule.minFractionDigits) {
      issues.error(path, 'timestamp', 'must be precise to at least the millisecond (§3.2)');
    } else if (rule.wholeSeconds === true && digits !== 0) {
      issues.error(path, 'timestamp', 'must be precise to the second, without a fraction');
    }
  };

/** Which object types an identifier property may point at. */
export interface RefTarget {
  readonly accepts: (type: string, kind: ObjectKind) => boolean;
  /** Completes "must reference …". */
  readonly describe: string;
}

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

export const refTo = (...types: string[]): RefTarget => {
  const allowed = new Set(types);
  const names = types.length === 1 ? article(types[0] ?? '') : `one of ${types.join(', ')}`;
  return { accepts: (type) => allowed.has(type), describe: names };
};

/** Objects of a kind, and custom objects (whose kind cannot be known from the identifier). */
export const refToKinds = (describe: string, ...kinds: ObjectKind[]): RefTarget => {
  const allowed = new Set<ObjectKind>([...kinds, 'custom']);
  return { accepts: (type, kind) => type !== 'bundle' && allowed.has(kind), describe };
};

/** Any STIX Object: everything but a bundle (§8: a bundle is not a STIX Object). */
export const REF_ANY: RefTarget = {
  accepts: (type) => type !== 'bundle',
  describe: 'a STIX Object',
};

/** §2.9 identifier, restricted to the types of `target`. */
export const identifier =
  (target: RefTarget = REF_ANY): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') {
      issues.error(path, 'type', 'must be an identifier string');
      return;
    }
    const parsed = parseStixId(value);
    if (parsed === null) {
      issues.error(
        path,
        'format',
        'must be an identifier "type--UUID" with an RFC 4122 UUID (§2.9)',
      );
    } else if (!target.accepts(parsed.type, objectKind(parsed.type))) {
      issues.error(
        path,
        'reference-type',
        `must reference ${target.describe}, not ${article(parsed.type)}`,
      );
    }
  };

/** §2.12 list: a non-empty array whose items all pass `item`. */
export const list =
  (item: Check): Check =>
  (issues, value, path) => {
    if (!Array.isArray(value)) {
      issues.error(path, 'type', 'must be a list');
      return;
    }
    if (value.length === 0) {
      issues.error(path, 'empty', 'must not be an empty list (§2.12)');
      return;
    }
    for (let i = 0; i < value.length; i++) item(issues, value[i], pointer(path, i));
  };

/** §2.3 dictionary key: ASCII letters, digits, "-" and "_", at most 250 characters. */
const DICT_KEY_RE = /^[A-Za-z0-9_-]{0,250}$/;

/** A value allowed in a dictionary: any JSON value but null (§2.3 "valid property base types"). */
export const anyValue: Check = (issues, value, path) => {
  if (value === null || value === undefined) issues.error(path, 'type', 'must not be null');
  else if (Array.isArray(value) && value.length === 0)
    issues.error(path, 'empty', 'must not be an empty list (§2.12)');
  else if (typeof value === 'number' && !Number.isFinite(value))
    issues.error(path, 'type', 'must be a finite number');
};

/** §2.3: is `value` a non-empty JSON object? When not, says why at `path`. */
function isNonEmptyDictionary(
  issues: Issues,
  value: unknown,
  path: string,
  what: string,
): value is Record<string, unknown> {
  if (!isPlainObject(value)) {
    issues.error(path, 'type', `must be a ${what} (JSON object)`);
    return false;
  }
  if (Object.keys(value).length === 0) {
    issues.error(path, 'empty', 'must not be an empty dictionary (§2.3)');
    return false;
  }
  return true;
}

/** §2.3 dictionary: non-empty, well-formed keys, values passing `item`. */
export const dictionary =
  (item: Check = anyValue): Check =>
  (issues, value, path) => {
    if (!isNonEmptyDictionary(issues, value, path, 'dictionary')) return;
    for (const key of Object.keys(value)) {
      const at = pointer(path, key);
      if (!DICT_KEY_RE.test(key)) {
        issues.error(
          at,
          'format',
          'dictionary keys must be at most 250 ASCII letters, digits, "-" or "_"',
        );
      }
      item(issues, value[key], at);
    }
  };

/**
 * §2.7 hashes. Keys of §10.7 algorithms must carry well-formed values. Other keys are an error
 * where the spec says keys "MUST come from one of the entries listed" (external references,
 * §2.5) and a vocabulary warning elsewhere (hash-algorithm-ov is an open vocabulary).
 */
export const hashes =
  (closed: boolean): Check =>
  (issues, value, path) => {
    if (!isNonEmptyDictionary(issues, value, path, 'hashes dictionary')) return;
    for (const key of Object.keys(value)) {
      const at = pointer(path, key);
      const v = value[key];
      if (!isHashKey(key)) {
        issues.error(
          at,
          'format',
          'hash algorithm names must be 3–250 ASCII letters, digits, "-" or "_" (§2.7)',
        );
        continue;
      }
      if (typeof v !== 'string') {
        issues.error(at, 'type', 'hash values must be strings');
        continue;
      }
      if (!isKnownHashAlgorithm(key)) {
        if (closed)
          issues.error(at, 'enum', 'must be an algorithm of hash-algorithm-ov (§2.5, §10.7)');
        else issues.warn(at, 'vocabulary', 'is not in hash-algorithm-ov (§10.7)');
        continue;
      }
      const problem = hashFormatProblem(key, v);
      if (problem !== null) issues.error(at, 'format', problem);
    }
  };

/** §2.8 hex. */
export const hex: Check = formatted(isHex, 'an even number of lowercase hexadecimal digits (§2.8)');

/** §2.1 binary (base64). */
export const binary: Check = formatted(isBase64, 'base64 (RFC 4648) encoded binary (§2.1)');

/** §2.4 enum: one of a closed set. */
export const enumeration =
  (values: Vocabulary, name: string): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
    else if (!values.has(value)) issues.error(path, 'enum', `must be a value of ${name}`);
  };

/** §2.14 open-vocab: any string, with a warning outside the suggested values. */
export const openVocab =
  (values: Vocabulary, name: string): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
    else if (!values.has(value)) issues.warn(path, 'vocabulary', `is not in ${name}`);
  };

/** A required literal value (e.g. spec_version "2.1"). */
export const literal =
  (expected: string): Check =>
  (issues, value, path) => {
    if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
    else if (value !== expected) issues.error(path, 'enum', `must be "${expected}"`);
  };
