/**
 * STIX 2.1 §2.9 Identifier: `object-type--UUID`, where object-type is the exact `type` of the
 * object identified and the UUID is RFC 4122-compliant (versions 1–5, variant 10xx).
 * §3.1 and §11.2.1 bound the object-type: lowercase ASCII letters, digits and single hyphens,
 * starting with a letter, 3–250 characters.
 */

const TYPE_RE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** The longest identifier: a 250-character type, "--" and a 36-character UUID. */
const MAX_ID_LENGTH = 250 + 2 + 36;

/** §3.1, §11.2.1: a well-formed object type name (not necessarily one STIX defines). */
export function isStixTypeName(type: string): boolean {
  return type.length >= 3 && type.length <= 250 && TYPE_RE.test(type);
}

const isHexDigit = (c: number): boolean =>
  (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * An RFC 4122 UUID string, either case: 8-4-4-4-12 hex digits, version 1–5 (§4.1.3), variant
 * 10xx (§4.1.1). Hand-checked, as every identifier of every object passes through here.
 */
export function isRfc4122Uuid(uuid: string): boolean {
  if (uuid.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = uuid.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 0x2d) return false;
    } else if (!isHexDigit(c)) return false;
  }
  const version = uuid.charCodeAt(14);
  const variant = uuid.charCodeAt(19) | 0x20; // lowercase
  return (
    version >= 0x31 &&
    version <= 0x35 &&
    (variant === 0x38 || variant === 0x39 || variant === 0x61 || variant === 0x62)
  );
}

/** The version nibble of a UUID already known to be well formed. */
export function uuidVersion(uuid: string): number {
  return uuid.charCodeAt(14) - 0x30;
}

/** Splits a STIX identifier; null when it is not one. */
export function parseStixId(id: string): { type: string; uuid: string } | null {
  if (typeof id !== 'string' || id.length > MAX_ID_LENGTH) return null;
  const sep = id.length - 38;
  if (sep < 3 || id.charCodeAt(sep) !== 0x2d || id.charCodeAt(sep + 1) !== 0x2d) return null;
  const type = id.slice(0, sep);
  const uuid = id.slice(sep + 2);
  if (!isStixTypeName(type) || !isRfc4122Uuid(uuid)) return null;
  return { type, uuid };
}

/** Whether `value` is a STIX identifier, optionally of one of the given types. */
export function isStixId(value: unknown, type?: string | readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  const parsed = parseStixId(value);
  if (parsed === null) return false;
  if (type === undefined) return true;
  return typeof type === 'string' ? parsed.type === type : type.includes(parsed.type);
}
