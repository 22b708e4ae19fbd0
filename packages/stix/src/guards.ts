/** Small runtime checks for values that may come from untrusted callers. */

/** A JSON object: not null, not an array, not a class instance (Date, Map, …). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own data property lookup that never consults the prototype chain. */
export function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** STIX 2.1 §2.10: integers must fit in a signed 54-bit value, i.e. be JS-safe. */
export function isStixInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

/** STIX 2.1 §2.6: floats are IEEE 754 doubles; ±Infinity and NaN are not valid. */
export function isStixFloat(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
