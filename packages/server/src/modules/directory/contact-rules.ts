/**
 * A contact as given (by a form or the API) checked and put in canonical form, every problem
 * named by field. Pure: the service adds what needs the database (one primary at a time).
 */
import type { FieldError } from '../../errors';
import {
  canonicalLanguage,
  canonicalTimeZone,
  isE164,
  isEmailAddress,
  isSecureHandle,
} from './contact-fields';
import { isIsoDate, overlaps, type Validity } from './validity';

export type ContactKind = 'diplomatic' | 'technical';
export type Designation = 'primary' | 'alternate';
export type Availability = '24/7' | 'hours';

export interface ContactInput {
  kind: ContactKind;
  designation: Designation;
  name: string;
  role: string;
  organisation?: string | undefined;
  languages: string[];
  channels: {
    email?: string | null | undefined;
    phone?: string | null | undefined;
    secureHandle?: string | null | undefined;
  };
  availability: Availability;
  hours?: string | null | undefined;
  timeZone?: string | null | undefined;
  validFrom: string;
  validUntil?: string | null | undefined;
}

export interface ContactFields {
  kind: ContactKind;
  designation: Designation;
  name: string;
  role: string;
  organisation: string;
  languages: string[];
  email: string | null;
  phone: string | null;
  secureHandle: string | null;
  availability: Availability;
  hours: string | null;
  timeZone: string | null;
  validFrom: string;
  validUntil: string | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const blankToNull = (v: string | null | undefined): string | null => v?.trim() || null;

export function checkContact(input: ContactInput): Checked<ContactFields> {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, message });

  const name = input.name.trim();
  const role = input.role.trim();
  if (!name) fail('name', 'is required');
  if (!role) fail('role', 'is required');

  const languages: string[] = [];
  input.languages.forEach((tag, i) => {
    const canonical = canonicalLanguage(tag.trim());
    if (!canonical)
      fail(`languages.${i}`, `'${tag}' is not a BCP 47 language tag, e.g. en or sw-KE`);
    else if (!languages.includes(canonical)) languages.push(canonical);
  });
  if (input.languages.length === 0) fail('languages', 'give at least one language');

  const email = blankToNull(input.channels.email)?.toLowerCase() ?? null;
  const phone = blankToNull(input.channels.phone);
  const secureHandle = blankToNull(input.channels.secureHandle);
  if (email !== null && !isEmailAddress(email)) fail('channels.email', 'is not an e-mail address');
  if (phone !== null && !isE164(phone)) {
    fail('channels.phone', 'must be in E.164 form: + and up to 15 digits, e.g. +254201234567');
  }
  if (secureHandle !== null && !isSecureHandle(secureHandle)) {
    fail('channels.secureHandle', 'must be <service>:<address>, e.g. signal:+37255512345');
  }
  if (email === null && phone === null && secureHandle === null) {
    fail('channels', 'give at least one channel: email, phone or secureHandle');
  }

  let hours = blankToNull(input.hours);
  let timeZone = blankToNull(input.timeZone);
  if (input.availability === 'hours') {
    if (hours === null)
      fail('hours', 'is required when availability is hours, e.g. Mon–Fri 08:00–18:00');
    if (timeZone === null) fail('timeZone', 'is required when availability is hours');
    else {
      const zone = canonicalTimeZone(timeZone);
      if (zone === null)
        fail('timeZone', `'${timeZone}' is not an IANA time zone, e.g. Africa/Nairobi`);
      else timeZone = zone;
    }
  } else {
    if (hours !== null) fail('hours', 'only applies when availability is hours');
    if (timeZone !== null) fail('timeZone', 'only applies when availability is hours');
    hours = null;
    timeZone = null;
  }

  const validUntil = input.validUntil ?? null;
  if (!isIsoDate(input.validFrom)) fail('validFrom', 'must be a date, YYYY-MM-DD');
  if (validUntil !== null && !isIsoDate(validUntil))
    fail('validUntil', 'must be a date, YYYY-MM-DD');
  else if (validUntil !== null && validUntil < input.validFrom) {
    fail('validUntil', 'must not be before validFrom');
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: input.kind,
      designation: input.designation,
      name,
      role,
      organisation: input.organisation?.trim() ?? '',
      languages,
      email,
      phone,
      secureHandle,
      availability: input.availability,
      hours,
      timeZone,
      validFrom: input.validFrom,
      validUntil,
    },
  };
}

export interface PrimarySlot extends Validity {
  id: string;
  kind: string;
  designation: string;
}

/**
 * The first other primary contact of the same kind whose validity overlaps the candidate's:
 * a participant has at most one primary diplomatic and one primary technical contact a day.
 */
export function conflictingPrimary(
  candidate: PrimarySlot,
  others: readonly PrimarySlot[],
): PrimarySlot | null {
  if (candidate.designation !== 'primary') return null;
  return (
    others.find(
      (o) =>
        o.id !== candidate.id &&
        o.designation === 'primary' &&
        o.kind === candidate.kind &&
        overlaps(o, candidate),
    ) ?? null
  );
}
