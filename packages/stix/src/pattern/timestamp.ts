/**
 * STIX timestamps (STIX 2.1 §2.16): `YYYY-MM-DDTHH:mm:ss[.s+]Z`, UTC only, any number of
 * fractional digits. Used for t'…' constants (§9.2), for comparing them with timestamp
 * properties, and for observation times in the temporal evaluator.
 */

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?Z$/;

/** An instant with exact sub-second digits. */
export interface StixInstant {
  /** Whole seconds since 1970-01-01T00:00:00Z (negative before). */
  readonly seconds: number;
  /** Fractional digits without trailing zeros ('' for a whole second). */
  readonly fraction: string;
}

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Parse a STIX timestamp, or null. Seconds may be 60 (a leap second, as the OASIS grammar
 * allows); it is then treated as the first second of the next minute.
 */
export function parseStixTimestamp(text: string): StixInstant | null {
  const m = TIMESTAMP.exec(text);
  if (m === null) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 60) return null;
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day < 1 || day > days) return null;
  // Date.UTC maps years 0–99 to 1900–1999, so set the full year separately.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { seconds: date.getTime() / 1000, fraction: (m[7] ?? '').replace(/0+$/, '') };
}

export function compareInstants(a: StixInstant, b: StixInstant): -1 | 0 | 1 {
  if (a.seconds !== b.seconds) return a.seconds < b.seconds ? -1 : 1;
  const width = Math.max(a.fraction.length, b.fraction.length);
  const fa = a.fraction.padEnd(width, '0');
  const fb = b.fraction.padEnd(width, '0');
  return fa === fb ? 0 : fa < fb ? -1 : 1;
}

/** Milliseconds since the epoch; digits beyond about a microsecond are lost. */
export const instantToMillis = (t: StixInstant): number =>
  t.seconds * 1000 + (t.fraction === '' ? 0 : Number(`0.${t.fraction}`) * 1000);
