/**
 * Custom properties: STIX 2.1 §11.1 (and §7.3.2 for extension properties). Names are lowercase
 * ASCII letters, digits and "_", 3–250 characters, beginning with a letter (§3.1); the names of
 * §3.8 are reserved; values are property base types (not null, lists not empty); `_hex` and
 * `_bin` names carry hex and base64 values (§2.8, §2.1).
 */
import type { Issues } from '../issues';
import { pointer } from '../issues';
import type { UnknownPolicy } from './engine';
import { isBase64, isHex } from './formats';
import { anyValue } from './values';

/** §3.8 Reserved Names. */
export const RESERVED_PROPERTIES: ReadonlySet<string> = new Set([
  'severity',
  'username',
  'phone_number',
  'action',
]);

const CUSTOM_NAME_RE = /^[a-z][a-z0-9_]{2,249}$/;

export function isCustomPropertyName(name: string): boolean {
  return name.length <= 250 && CUSTOM_NAME_RE.test(name);
}

export interface CustomRule {
  /** §11.1.1: warn when the name does not start with "x_" (SHOULD). */
  readonly wantPrefix: boolean;
}

export function checkCustomProperty(
  issues: Issues,
  key: string,
  value: unknown,
  parent: string,
  rule: CustomRule,
): void {
  const path = pointer(parent, key);
  if (RESERVED_PROPERTIES.has(key)) {
    issues.error(path, 'reserved', 'is a reserved property name (§3.8)');
    return;
  }
  if (!isCustomPropertyName(key)) {
    issues.error(
      path,
      'custom-property',
      'custom property names must be 3–250 lowercase ASCII letters, digits or "_", starting with a letter (§3.1, §11.1)',
    );
    return;
  }
  anyValue(issues, value, path);
  if (key.endsWith('_hex') && typeof value === 'string' && !isHex(value)) {
    issues.error(path, 'format', 'properties named *_hex must hold hex (§2.8)');
  } else if (key.endsWith('_bin') && typeof value === 'string' && !isBase64(value)) {
    issues.error(path, 'format', 'properties named *_bin must hold base64 (§2.1)');
  }
  if (rule.wantPrefix && !key.startsWith('x_')) {
    issues.warn(path, 'custom-property', 'custom property names should start with "x_" (§11.1)');
  }
}

export const customProperties =
  (rule: CustomRule): UnknownPolicy =>
  (issues, key, value, path) =>
    checkCustomProperty(issues, key, value, path, rule);
