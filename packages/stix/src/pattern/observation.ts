/**
 * What the evaluator matches against: the cyber-observable objects of one observation
 * (STIX 2.1 §4.14 Observed Data), in either form the standard allows —
 *   - the deprecated `objects` dictionary keyed "0", "1", …, whose `_ref` values are those
 *     keys (§2.13 observable container), or
 *   - an array of SCOs, as a consumer has them after resolving `object_refs`; references
 *     are then identifiers, resolved against the `id`s in the same array only (§9.7.4: an
 *     object outside `object_refs` "is considered not found").
 * Input is untrusted: anything that is not an object with a string `type` is ignored.
 */

/** A cyber-observable object as JSON: a `type` and any other properties. */
export interface ObservationObject {
  readonly type: string;
  readonly id?: string;
  readonly [property: string]: unknown;
}

export type ObservationObjects =
  Readonly<Record<string, ObservationObject>> | readonly ObservationObject[];

/** One observation: an array of SCOs, or an Observed Data–like object holding them. */
export type ObservationInput =
  | readonly ObservationObject[]
  | {
      readonly objects: ObservationObjects;
      readonly first_observed?: string;
      readonly last_observed?: string;
      readonly number_observed?: number;
    };

/** An observation with its time window, for the temporal evaluator (§4.14, §9.5). */
export interface TimedObservation {
  readonly first_observed: string;
  readonly last_observed: string;
  /** How many observations this stands for (default 1). */
  readonly number_observed?: number;
  readonly objects: ObservationObjects;
}

/** The objects of one observation, ready for path resolution. */
export interface ObservationScope {
  /** Every object a comparison may start from (§9.5: all start from one SCO). */
  readonly roots: readonly Readonly<Record<string, unknown>>[];
  /** The object a `_ref`/`_refs` value points to, if it is in this observation. */
  resolve(ref: string): Readonly<Record<string, unknown>> | undefined;
}

export const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isObservable = (v: unknown): v is Readonly<Record<string, unknown>> =>
  isRecord(v) && typeof v.type === 'string';

/** The objects of an observation, from the dictionary or array form (or an array itself). */
export function scopeOf(input: unknown): ObservationScope {
  const objects: unknown = Array.isArray(input) ? input : isRecord(input) ? input.objects : null;
  const byKey = new Map<string, Readonly<Record<string, unknown>>>();
  const byId = new Map<string, Readonly<Record<string, unknown>>>();
  const roots: Readonly<Record<string, unknown>>[] = [];
  const entries: Array<[string | null, unknown]> = Array.isArray(objects)
    ? objects.map((o: unknown) => [null, o])
    : isRecord(objects)
      ? Object.entries(objects)
      : [];
  for (const [key, value] of entries) {
    if (!isObservable(value)) continue;
    roots.push(value);
    if (key !== null) byKey.set(key, value);
    if (typeof value.id === 'string' && !byId.has(value.id)) byId.set(value.id, value);
  }
  // Dictionary keys first (their defined meaning), then identifiers (seen in the wild).
  return { roots, resolve: (ref) => byKey.get(ref) ?? byId.get(ref) };
}
