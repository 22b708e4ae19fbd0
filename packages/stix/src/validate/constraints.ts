/** Co-constraints between the properties of one object, shared by the type tables. */
import { tryCompareStixTimestamps } from '../timestamp';
import { pointer } from '../issues';
import type { Constraint } from './engine';
import { has } from './engine';

const list = (keys: readonly string[]): string =>
  keys.length <= 2 ? keys.join(' or ') : `${keys.slice(0, -1).join(', ')} or ${keys.at(-1)}`;

/** At least one of `keys` must be present; reported at the first of them. */
export const atLeastOne =
  (...keys: string[]): Constraint =>
  (issues, obj, path) => {
    if (!keys.some((k) => has(obj, k))) {
      issues.error(pointer(path, keys[0] ?? ''), 'required', `one of ${list(keys)} is required`);
    }
  };

/**
 * "An object using this extension MUST contain at least one property from it" (§6.7.3 and
 * friends): reported at the object itself.
 */
export const nonEmptyOf =
  (what: string, keys: readonly string[]): Constraint =>
  (issues, obj, path) => {
    if (!keys.some((k) => has(obj, k))) {
      issues.error(path, 'required', `${what} must contain at least one of ${list(keys)}`);
    }
  };

/** `second` must not be present together with `first`; reported at `second`. */
export const exclusive =
  (first: string, second: string): Constraint =>
  (issues, obj, path) => {
    if (has(obj, first) && has(obj, second)) {
      issues.error(
        pointer(path, second),
        'exclusive',
        `must not be present together with ${first}`,
      );
    }
  };

/** When `key` is present, every one of `needs` must be too; reported at `key`. */
export const requires =
  (key: string, ...needs: string[]): Constraint =>
  (issues, obj, path) => {
    if (!has(obj, key)) return;
    const missing = needs.filter((n) => !has(obj, n));
    if (missing.length > 0) {
      issues.error(
        pointer(path, key),
        'dependency',
        `requires ${missing.join(' and ')} to be present`,
      );
    }
  };

/**
 * Timestamp order: `later` must be ≥ `earlier` (or > when strict). Checked only when both are
 * well-formed; malformed ones are reported by their own checks.
 */
export const notBefore =
  (earlier: string, later: string, strict = false): Constraint =>
  (issues, obj, path) => {
    const a = obj[earlier];
    const b = obj[later];
    if (typeof a !== 'string' || typeof b !== 'string') return;
    if (!Object.hasOwn(obj, earlier) || !Object.hasOwn(obj, later)) return;
    const cmp = tryCompareStixTimestamps(b, a);
    if (cmp === null) return;
    if (cmp < 0 || (strict && cmp === 0)) {
      const rel = strict ? 'later than' : 'later than or equal to';
      issues.error(pointer(path, later), 'timestamp', `must be ${rel} ${earlier} (${b} vs ${a})`);
    }
  };
