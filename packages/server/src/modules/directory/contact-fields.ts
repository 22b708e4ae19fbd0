/** Checks and canonical forms of a contact's channels, languages and time zone. */

/** ITU-T E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export const isE164 = (phone: string): boolean => /^\+[1-9]\d{1,14}$/.test(phone);

export const isEmailAddress = (email: string): boolean =>
  email.length <= 254 && /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(email);

/**
 * A secure-messaging handle written `<service>:<address>`, e.g. `signal:+37255512345`,
 * `matrix:@cert:example.org`, `threema:ABCD1234`.
 */
export const isSecureHandle = (handle: string): boolean =>
  handle.length <= 200 && /^[a-z][a-z0-9+.-]{1,30}:\S+$/.test(handle);

const LANGUAGE_NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/**
 * The canonical BCP 47 form of a language tag (RFC 5646, as Intl canonicalises it), or null
 * when it is malformed or its primary language is not an ISO 639 language the runtime knows.
 */
export function canonicalLanguage(tag: string): string | null {
  let canonical: string | undefined;
  try {
    [canonical] = Intl.getCanonicalLocales(tag);
  } catch {
    return null;
  }
  const primary = canonical?.split('-')[0] ?? '';
  // RFC 5646 §2.2.1: 2–3 letters are ISO 639 codes; longer primary subtags are reserved.
  if (!canonical || !/^[a-z]{2,3}$/.test(primary)) return null;
  return LANGUAGE_NAMES.of(primary) === undefined ? null : canonical;
}

/**
 * The IANA time zone (`Europe/Tallinn`, `UTC`), or null when the zone is not in the tz
 * database. Fixed offsets such as `+03:00` are refused: a point of contact's hours follow the
 * zone's daylight-saving rules. Links (old names) are kept as written.
 */
export function canonicalTimeZone(zone: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(zone)) return null;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
  return resolved.toLowerCase() === zone.toLowerCase() ? resolved : zone;
}
