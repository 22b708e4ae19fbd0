/**
 * STIX 2.1 §2.9 and §3.4: deterministic SCO identifiers. The UUID is a UUIDv5 in the namespace
 * 00abedb4-aa42-466c-9c01-fed23315a9b7 over the RFC 8785 (JCS) serialisation of a JSON object
 * holding the type's ID Contributing Properties; `hashes` contributes one hash, chosen in the
 * order MD5, SHA-1, SHA-256, SHA-512 (§6.1, §6.7, §6.18). With no contributing property present
 * the id is a UUIDv4 (a MUST of §2.9).
 */
import canonicalize from 'canonicalize';
import { StixError } from './errors';
import { isPlainObject } from './guards';
import { selectIdHash } from './hashes';
import { ID_CONTRIBUTING_PROPERTIES } from './id-contributing';
import { randomUuidV4, uuidV5 } from './uuid';

/** §2.9: the namespace of STIX deterministic identifiers. */
export const STIX_SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';

export interface DeterministicIdOptions {
  /** Source of UUIDv4s for SCOs without contributing properties (injectable for tests). */
  randomUuid?: () => string;
}

/**
 * The id an SCO should carry. Throws StixError NOT_AN_SCO for anything but the 18 SCO types of
 * §6 (a custom SCO's contributing properties are defined by its extension, not here), and
 * INVALID_OBJECT when a contributing value is not JSON.
 */
export function deterministicScoId(
  obj: Record<string, unknown>,
  options: DeterministicIdOptions = {},
): string {
  if (!isPlainObject(obj)) throw new StixError('INVALID_OBJECT', 'an SCO must be a JSON object');
  const type = obj['type'];
  const contributing = typeof type === 'string' ? ID_CONTRIBUTING_PROPERTIES.get(type) : undefined;
  if (typeof type !== 'string' || contributing === undefined) {
    throw new StixError(
      'NOT_AN_SCO',
      `deterministic ids are defined for the SCO types of §6, not ${String(type)}`,
      {
        path: '/type',
      },
    );
  }
  const name: Record<string, unknown> = {};
  let present = 0;
  for (const prop of contributing) {
    if (!Object.hasOwn(obj, prop) || obj[prop] === undefined) continue;
    let value = obj[prop];
    if (prop === 'hashes') {
      if (!isPlainObject(value))
        throw new StixError('INVALID_OBJECT', 'hashes must be a JSON object', { path: '/hashes' });
      value = selectIdHash(value);
      if (value === null) continue;
    }
    name[prop] = value;
    present++;
  }
  if (present === 0) return `${type}--${(options.randomUuid ?? randomUuidV4)()}`;
  let text: string | undefined;
  try {
    text = canonicalize(name);
  } catch (cause) {
    throw new StixError('INVALID_OBJECT', 'ID contributing properties must be JSON values', {
      cause,
    });
  }
  if (text === undefined)
    throw new StixError('INVALID_OBJECT', 'ID contributing properties are not serialisable');
  return `${type}--${uuidV5(STIX_SCO_NAMESPACE, text)}`;
}
