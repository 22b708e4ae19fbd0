/** The catalogue's controlled vocabulary: categories, pillars and sectors. */
import { Type } from 'typebox';

export const NORM_CATEGORIES = [
  { id: 'prohibition', label: 'Prohibition' },
  { id: 'restraint', label: 'Restraint' },
  { id: 'defensive_permission', label: 'Defensive permission' },
  { id: 'cooperation_duty', label: 'Cooperation duty' },
  { id: 'protection_duty', label: 'Protection duty' },
] as const;
export type NormCategory = (typeof NORM_CATEGORIES)[number]['id'];
export const NormCategory = Type.Union([
  Type.Literal('prohibition'),
  Type.Literal('restraint'),
  Type.Literal('defensive_permission'),
  Type.Literal('cooperation_duty'),
  Type.Literal('protection_duty'),
]);

/** PRODUCT.md, "The regime, pillar by pillar". */
export const PILLARS = [
  'Prohibitions and lawful defence',
  'Transparency and information sharing',
  'Responsible disclosure',
  'Capacity building',
  'Enforcement and accountability',
  'Delimiting offensive tools',
  'Sector-specific norms',
  'Legal harmonisation',
  'Public diplomacy and education',
  'Evaluation and adaptation',
] as const;

export const SECTORS = [
  'energy',
  'water',
  'health',
  'finance',
  'transport',
  'telecoms',
  'digital-infrastructure',
  'emergency-services',
  'government',
  'food',
] as const;
export type Sector = (typeof SECTORS)[number];
export const Sector = Type.Union([
  Type.Literal('energy'),
  Type.Literal('water'),
  Type.Literal('health'),
  Type.Literal('finance'),
  Type.Literal('transport'),
  Type.Literal('telecoms'),
  Type.Literal('digital-infrastructure'),
  Type.Literal('emergency-services'),
  Type.Literal('government'),
  Type.Literal('food'),
]);

export const NORM_STATUSES = ['proposed', 'adopted', 'retired', 'rejected', 'withdrawn'] as const;
export type NormStatus = (typeof NORM_STATUSES)[number];
export const NormStatus = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('adopted'),
  Type.Literal('retired'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);

/** `GGE-2015-13a`, `CONCORD-R1`: an upper-case prefix and dash-separated parts. */
export const NORM_ID_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$';

/** Payload type of the ledger statements recording catalogue decisions. */
export const NORM_DECISION_TYPE = 'application/vnd.concord.norm-decision+json';
