/**
 * STIX 2.1 §3.6 Versioning. A version of an object is identified by its id and `modified`;
 * marking definitions (§7.2.1) are never modified, so `created` identifies their one version.
 * SCOs "are not versioned" (§3.6): they have no version.
 */
import { isPlainObject } from './guards';
import { objectKind } from './kinds';
import { isStixTimestamp } from './timestamp';

/** The version timestamp of an object, or null for unversioned objects (SCOs) and bad input. */
export function versionOf(obj: Record<string, unknown>): string | null {
  if (!isPlainObject(obj)) return null;
  const type = obj['type'];
  if (typeof type !== 'string' || objectKind(type) === 'sco') return null;
  for (const key of ['modified', 'created']) {
    const value = Object.hasOwn(obj, key) ? obj[key] : undefined;
    if (typeof value === 'string' && isStixTimestamp(value)) return value;
  }
  return null;
}
