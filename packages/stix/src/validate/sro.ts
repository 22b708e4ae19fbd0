/** STIX 2.1 §5 STIX Relationship Objects: §5.1.2 Relationship and §5.2.1 Sighting. */
import type { Check, ObjectSpec } from './engine';
import { notBefore } from './constraints';
import { domainObject as sro } from './top-level';
import { boolean, identifier, integer, list, refTo, refToKinds, string, timestamp } from './values';

const ts = timestamp();

/** §5.1.2: relationship_type is ASCII a–z, 0–9 and "-". */
const RELATIONSHIP_TYPE_RE = /^[a-z0-9-]+$/;
const relationshipType: Check = (issues, value, path) => {
  if (typeof value !== 'string') issues.error(path, 'type', 'must be a string');
  else if (!RELATIONSHIP_TYPE_RE.test(value)) {
    issues.error(path, 'format', 'must contain only a–z, 0–9 and "-" (§5.1)');
  }
};

const sdoOrSco = identifier(refToKinds('an SDO or SCO', 'sdo', 'sco'));

export const SRO_SPECS: readonly ObjectSpec[] = [
  // §5.1
  sro(
    'relationship',
    {
      relationship_type: relationshipType,
      description: string,
      source_ref: sdoOrSco,
      target_ref: sdoOrSco,
      start_time: ts,
      stop_time: ts,
    },
    ['relationship_type', 'source_ref', 'target_ref'],
    [notBefore('start_time', 'stop_time', true)],
  ),
  // §5.2
  sro(
    'sighting',
    {
      description: string,
      first_seen: ts,
      last_seen: ts,
      count: integer(0, 999_999_999),
      sighting_of_ref: identifier(refToKinds('an SDO', 'sdo')),
      observed_data_refs: list(identifier(refTo('observed-data'))),
      where_sighted_refs: list(identifier(refTo('identity', 'location'))),
      summary: boolean,
    },
    ['sighting_of_ref'],
    [notBefore('first_seen', 'last_seen')],
  ),
];
