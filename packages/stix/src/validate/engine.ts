/**
 * The table-driven core of validation. Each object type compiles, once at module load, to an
 * ObjectSpec: a Map from property name to a value check, the required properties, and the
 * co-constraints between properties. Validating an object is then one pass over its own keys.
 */
import { isPlainObject } from '../guards';
import type { Issues } from '../issues';
import { pointer } from '../issues';

/** Checks one property value; reports against `path`, the value's JSON pointer. */
export type Check = (issues: Issues, value: unknown, path: string) => void;

/** Checks a rule between properties of one object (`path` is the object's pointer). */
export type Constraint = (issues: Issues, obj: Record<string, unknown>, path: string) => void;

/** What to do with a property the spec does not define. */
export type UnknownPolicy = (issues: Issues, key: string, value: unknown, path: string) => void;

export interface ObjectSpec {
  /** For messages: "external-reference", "windows-pebinary-ext", "indicator", … */
  readonly name: string;
  readonly props: ReadonlyMap<string, Check>;
  readonly required: readonly string[];
  readonly constraints: readonly Constraint[];
  readonly unknown: UnknownPolicy;
}

export interface SpecParts {
  props: Record<string, Check>;
  required?: readonly string[];
  constraints?: readonly Constraint[];
  unknown?: UnknownPolicy;
}

/** Properties of embedded types that STIX does not define are tolerated, with a warning. */
export const warnUnknown =
  (name: string): UnknownPolicy =>
  (issues, key, _value, path) =>
    issues.warn(pointer(path, key), 'custom-property', `is not a property of ${name}`);

export function objectSpec(name: string, parts: SpecParts): ObjectSpec {
  return {
    name,
    props: new Map(Object.entries(parts.props)),
    required: parts.required ?? [],
    constraints: parts.constraints ?? [],
    unknown: parts.unknown ?? warnUnknown(name),
  };
}

/** Runs a spec over an object already known to be a plain object. */
export function checkAgainst(
  issues: Issues,
  obj: Record<string, unknown>,
  path: string,
  spec: ObjectSpec,
  unknown: UnknownPolicy = spec.unknown,
): void {
  for (const key of Object.keys(obj)) {
    const check = spec.props.get(key);
    if (check === undefined) unknown(issues, key, obj[key], path);
    else check(issues, obj[key], pointer(path, key));
  }
  for (const key of spec.required) {
    if (!Object.hasOwn(obj, key))
      issues.error(pointer(path, key), 'required', `is required on ${spec.name}`);
  }
  for (const constraint of spec.constraints) constraint(issues, obj, path);
}

/** An embedded object type (external-reference, kill-chain-phase, an extension, …). */
export const embedded =
  (spec: ObjectSpec): Check =>
  (issues, value, path) => {
    if (!isPlainObject(value)) {
      issues.error(path, 'type', `must be a ${spec.name} object`);
      return;
    }
    checkAgainst(issues, value, path, spec);
  };

/** Present and not undefined (JSON has no undefined; JS callers might pass it). */
export function has(obj: Record<string, unknown>, key: string): boolean {
  return Object.hasOwn(obj, key) && obj[key] !== undefined;
}
