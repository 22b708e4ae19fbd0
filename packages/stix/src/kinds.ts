/**
 * The object types STIX 2.1 defines: §4 SDOs, §5 SROs, §6 SCOs, §7 meta objects.
 * Anything else is a custom object (§7.3 extension-defined or §11.2 deprecated custom).
 */

/** STIX 2.1 §4.1–§4.19. */
export const SDO_TYPES = [
  'attack-pattern',
  'campaign',
  'course-of-action',
  'grouping',
  'identity',
  'incident',
  'indicator',
  'infrastructure',
  'intrusion-set',
  'location',
  'malware',
  'malware-analysis',
  'note',
  'observed-data',
  'opinion',
  'report',
  'threat-actor',
  'tool',
  'vulnerability',
] as const;

/** STIX 2.1 §5.1–§5.2. */
export const SRO_TYPES = ['relationship', 'sighting'] as const;

/** STIX 2.1 §6.1–§6.18. */
export const SCO_TYPES = [
  'artifact',
  'autonomous-system',
  'directory',
  'domain-name',
  'email-addr',
  'email-message',
  'file',
  'ipv4-addr',
  'ipv6-addr',
  'mac-addr',
  'mutex',
  'network-traffic',
  'process',
  'software',
  'url',
  'user-account',
  'windows-registry-key',
  'x509-certificate',
] as const;

export type SdoType = (typeof SDO_TYPES)[number];
export type SroType = (typeof SRO_TYPES)[number];
export type ScoType = (typeof SCO_TYPES)[number];

export type ObjectKind =
  | 'sdo'
  | 'sro'
  | 'sco'
  | 'marking-definition'
  | 'language-content'
  | 'extension-definition'
  | 'custom';

const KINDS: ReadonlyMap<string, ObjectKind> = new Map<string, ObjectKind>([
  ...SDO_TYPES.map((t): [string, ObjectKind] => [t, 'sdo']),
  ...SRO_TYPES.map((t): [string, ObjectKind] => [t, 'sro']),
  ...SCO_TYPES.map((t): [string, ObjectKind] => [t, 'sco']),
  ['marking-definition', 'marking-definition'],
  ['language-content', 'language-content'],
  ['extension-definition', 'extension-definition'],
]);

/**
 * What kind of STIX object a type names. Types STIX does not define — including `bundle`, which
 * §8 says is not a STIX Object — are 'custom'.
 */
export function objectKind(type: string): ObjectKind {
  return KINDS.get(type) ?? 'custom';
}

export function isScoType(type: string): type is ScoType {
  return KINDS.get(type) === 'sco';
}

/** Whether the type is one STIX 2.1 defines (SDO, SRO, SCO or meta object). */
export function isSpecType(type: string): boolean {
  return KINDS.has(type);
}
