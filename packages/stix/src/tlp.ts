/**
 * Traffic Light Protocol markings.
 *
 * TLP 1.0: the four marking-definition objects of STIX 2.1 §7.2.1.4 ("the only instances of
 * TLP marking definitions permitted"). TLP 2.0: the five objects published by OASIS with the
 * extension definition `extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d`
 * (oasis-open/cti-stix-common-objects, extension-definition-specifications/tlp-2.0), which
 * carry their level in `extensions[…].tlp_2_0` instead of `definition`.
 *
 * TLP 1.0 WHITE is read as TLP 2.0 CLEAR, the other TLP 1.0 levels as their TLP 2.0 namesakes.
 */
import { isPlainObject } from './guards';

export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** Least to most restrictive. */
export const TLP_LEVELS: readonly TlpLevel[] = ['clear', 'green', 'amber', 'amber+strict', 'red'];

export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const tlp2 = (uuid: string, name: string, level: TlpLevel): Readonly<Record<string, unknown>> =>
  deepFreeze({
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${uuid}`,
    created: '2022-10-01T00:00:00.000Z',
    name,
    extensions: {
      [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: level },
    },
  });

const tlp1 = (uuid: string, name: string, level: string): Readonly<Record<string, unknown>> =>
  deepFreeze({
    type: 'marking-definition',
    spec_version: '2.1',
    id: `marking-definition--${uuid}`,
    created: '2017-01-20T00:00:00.000Z',
    definition_type: 'tlp',
    name,
    definition: { tlp: level },
  });

/** The OASIS TLP 2.0 marking definitions, ready to serve as they are. */
export const TLP2: Readonly<Record<TlpLevel, Readonly<Record<string, unknown>>>> = Object.freeze({
  clear: tlp2('94868c89-83c2-464b-929b-a1a8aa3c8487', 'TLP:CLEAR', 'clear'),
  green: tlp2('bab4a63c-aed9-4cf5-a766-dfca5abac2bb', 'TLP:GREEN', 'green'),
  amber: tlp2('55d920b0-5e8b-4f79-9ee9-91f868d9b421', 'TLP:AMBER', 'amber'),
  'amber+strict': tlp2('939a9414-2ddd-4d32-a0cd-375ea402b003', 'TLP:AMBER+STRICT', 'amber+strict'),
  red: tlp2('e828b379-4e03-4974-9ac4-e53a884c97c1', 'TLP:RED', 'red'),
});

export type Tlp1Level = 'white' | 'green' | 'amber' | 'red';

/** The STIX 2.1 §7.2.1.4 TLP 1.0 marking definitions. */
export const TLP1: Readonly<Record<Tlp1Level, Readonly<Record<string, unknown>>>> = Object.freeze({
  white: tlp1('613f2e26-407d-48c7-9eca-b8e91df99dc9', 'TLP:WHITE', 'white'),
  green: tlp1('34098fce-860f-48ae-8e50-ebd3cc5e41da', 'TLP:GREEN', 'green'),
  amber: tlp1('f88d31f6-486f-44da-b317-01333bde0b82', 'TLP:AMBER', 'amber'),
  red: tlp1('5e57c739-391a-4eb3-b6be-7d15ca92d5ed', 'TLP:RED', 'red'),
});

const TLP1_AS_TLP2: Readonly<Record<Tlp1Level, TlpLevel>> = {
  white: 'clear',
  green: 'green',
  amber: 'amber',
  red: 'red',
};

const BY_ID: ReadonlyMap<string, TlpLevel> = new Map<string, TlpLevel>([
  ...TLP_LEVELS.map((level): [string, TlpLevel] => [TLP2[level]['id'] as string, level]),
  ...(Object.keys(TLP1) as Tlp1Level[]).map((l): [string, TlpLevel] => [
    TLP1[l]['id'] as string,
    TLP1_AS_TLP2[l],
  ]),
]);

const RANK: ReadonlyMap<TlpLevel, number> = new Map(TLP_LEVELS.map((l, i) => [l, i]));

export function isTlpLevel(value: unknown): value is TlpLevel {
  return typeof value === 'string' && RANK.has(value as TlpLevel);
}

/** The TLP level of a TLP 1.0 or TLP 2.0 marking-definition id; null for any other id. */
export function tlpOfMarkingId(id: string): TlpLevel | null {
  return typeof id === 'string' ? (BY_ID.get(id) ?? null) : null;
}

/** Total order, least restrictive first: negative when `a` is less restrictive than `b`. */
export function compareTlp(a: TlpLevel, b: TlpLevel): number {
  return (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0);
}

/** The most restrictive of the levels; null when there are none. */
export function strictestTlp(levels: Iterable<TlpLevel>): TlpLevel | null {
  let strictest: TlpLevel | null = null;
  for (const level of levels) {
    if (!isTlpLevel(level)) continue;
    if (strictest === null || compareTlp(level, strictest) > 0) strictest = level;
  }
  return strictest;
}

/**
 * The strictest TLP among an object's `object_marking_refs` (other markings are ignored); null
 * when the object carries no TLP marking — the caller then applies its configured default.
 */
export function tlpOf(obj: { object_marking_refs?: unknown }): TlpLevel | null {
  if (!isPlainObject(obj) || !Object.hasOwn(obj, 'object_marking_refs')) return null;
  const refs = obj['object_marking_refs'];
  if (!Array.isArray(refs)) return null;
  const levels: TlpLevel[] = [];
  for (const ref of refs) {
    const level = typeof ref === 'string' ? tlpOfMarkingId(ref) : null;
    if (level !== null) levels.push(level);
  }
  return strictestTlp(levels);
}

/** Who is asking to read a marked object. */
export interface TlpViewer {
  /** Signed in (anonymous visitors are not). */
  authenticated: boolean;
  /** A member of the community this Concord instance serves (any participating organisation). */
  communityMember: boolean;
  /** The viewer's organisation, if any. */
  organisationId: string | null;
  /** The viewer as an individual, if known. */
  userId: string | null;
}

/** Where a marked object was shared: who produced it and to whom it was addressed. */
export interface TlpDistribution {
  originOrganisationId: string | null;
  recipientOrganisationIds: readonly string[];
  /** Named individual recipients; for RED this must include the author (see tlpAllows). */
  recipientUserIds: readonly string[];
}

/**
 * Concord's reading of TLP 2.0 (FIRST, 2022) for who may read an object at `level`.
 * The caller resolves unmarked objects to its configured default level before calling.
 *
 * - CLEAR: anyone, including unauthenticated visitors.
 * - GREEN: any authenticated member of the community.
 * - AMBER: authenticated members of the originating organisation or of a recipient
 *   organisation, and named individual recipients.
 * - AMBER+STRICT: the same audience as AMBER for reading; recipients may not reshare it beyond
 *   their own organisation (see tlpAllowsResharing).
 * - RED: only the named individual recipients (`recipientUserIds`). The originating
 *   organisation as such does not see RED — "for the eyes and ears of individual recipients
 *   only" — so the author must be listed among the recipient users to keep seeing it.
 */
export function tlpAllows(
  level: TlpLevel,
  viewer: TlpViewer,
  distribution: TlpDistribution,
): boolean {
  switch (level) {
    case 'clear':
      return true;
    case 'green':
      return viewer.authenticated && viewer.communityMember;
    case 'amber':
    case 'amber+strict': {
      if (!viewer.authenticated) return false;
      if (namedRecipient(viewer, distribution)) return true;
      const org = viewer.organisationId;
      if (org === null) return false;
      return (
        org === distribution.originOrganisationId ||
        distribution.recipientOrganisationIds.includes(org)
      );
    }
    case 'red':
      return viewer.authenticated && namedRecipient(viewer, distribution);
    default:
      return false;
  }
}

function namedRecipient(viewer: TlpViewer, distribution: TlpDistribution): boolean {
  return viewer.userId !== null && distribution.recipientUserIds.includes(viewer.userId);
}

/**
 * Whether recipients may pass the object on beyond the audience tlpAllows grants them: CLEAR,
 * GREEN and AMBER may be shared further within their TLP limits; AMBER+STRICT stays within the
 * recipient organisations and RED with the named individuals.
 */
export function tlpAllowsResharing(level: TlpLevel): boolean {
  return level === 'clear' || level === 'green' || level === 'amber';
}
