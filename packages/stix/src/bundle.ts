/**
 * STIX 2.1 §8 Bundle: `type` "bundle", an `id` of type bundle, and an optional non-empty list
 * of objects. Only the envelope is checked here; each object goes through validateObject
 * (the server streams them). Bundles have no spec_version in 2.1 (it was a 2.0 property).
 */
import { isPlainObject } from './guards';
import { isStixId, parseStixId, uuidVersion } from './identifier';
import type { ValidationResult } from './issues';
import { Issues } from './issues';

export function validateBundle(b: unknown): ValidationResult {
  const issues = new Issues();
  try {
    checkBundle(issues, b);
  } catch {
    issues.error('', 'type', 'could not be read as a JSON object');
  }
  return issues.result();
}

function checkBundle(issues: Issues, b: unknown): void {
  if (!isPlainObject(b)) {
    issues.error('', 'type', 'a bundle must be a JSON object');
    return;
  }
  if (!Object.hasOwn(b, 'type')) issues.error('/type', 'required', 'is required on a bundle');
  else if (b['type'] !== 'bundle') issues.error('/type', 'enum', 'must be "bundle" (§8)');

  const id = b['id'];
  if (!Object.hasOwn(b, 'id')) issues.error('/id', 'required', 'is required on a bundle');
  else if (typeof id !== 'string') issues.error('/id', 'type', 'must be an identifier string');
  else if (!isStixId(id, 'bundle'))
    issues.error('/id', 'format', 'must be "bundle--" and an RFC 4122 UUID (§2.9, §8)');
  else if (uuidVersion(parseStixId(id)?.uuid ?? '') !== 4)
    issues.warn('/id', 'format', 'should use a UUIDv4 (§2.9)');

  if (Object.hasOwn(b, 'objects')) {
    const objects = b['objects'];
    if (!Array.isArray(objects)) issues.error('/objects', 'type', 'must be a list of STIX Objects');
    else if (objects.length === 0)
      issues.error('/objects', 'empty', 'must not be an empty list (§2.12)');
    else {
      for (let i = 0; i < objects.length; i++) {
        if (!isPlainObject(objects[i]))
          issues.error(`/objects/${i}`, 'type', 'must be a STIX Object (a JSON object)');
      }
    }
  }
  if (Object.hasOwn(b, 'spec_version')) {
    issues.warn(
      '/spec_version',
      'not-applicable',
      'is not a property of STIX 2.1 bundles (it was in 2.0)',
    );
  }
}
