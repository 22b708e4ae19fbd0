/**
 * Contact validity: ISO calendar dates (YYYY-MM-DD), `validUntil` inclusive, open-ended when
 * null. Days are UTC days, so "today" is the same for every server process.
 */

/** A validity period; `validUntil` null runs indefinitely. */
export interface Validity {
  validFrom: string;
  validUntil: string | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (ISO 8601 calendar date, extended form). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** The UTC calendar date of an instant. */
export const utcDate = (at: Date): string => at.toISOString().slice(0, 10);

/** `date` moved by `days` calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`);
  return utcDate(new Date(t + days * 86_400_000));
}

/** Whether the contact is valid on `day` (both ends inclusive). */
export const isValidOn = (v: Validity, day: string): boolean =>
  v.validFrom <= day && (v.validUntil === null || day <= v.validUntil);

/** Whether two periods share at least one day. ISO dates compare correctly as strings. */
export const overlaps = (a: Validity, b: Validity): boolean =>
  (b.validUntil === null || a.validFrom <= b.validUntil) &&
  (a.validUntil === null || b.validFrom <= a.validUntil);
