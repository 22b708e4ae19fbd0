/**
 * STIX 2.1 §2.16 Timestamp: RFC 3339 `YYYY-MM-DDTHH:mm:ss[.s+]Z`, always UTC with "Z", any
 * number of fractional digits (none means no decimal point). §3.2 adds that `created` and
 * `modified` carry at least millisecond precision.
 *
 * Comparison is exact at any precision: timestamps are compared as text once their fractions
 * are padded to the same length, never through Date (which would truncate to milliseconds).
 */
import { StixError } from './errors';

/** No legitimate timestamp is this long; longer text is refused outright. */
const MAX_TIMESTAMP_LENGTH = 64;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The value of the two digits at `i`, or -1. Hand-parsed: this is validation's hottest path. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `YYYY-MM-DDTHH:mm:ss[.s+]Z`, calendar-checked: the number of fractional digits, or -1 when
 * `text` is not a STIX timestamp.
 */
export function fractionDigits(text: unknown): number {
  if (typeof text !== 'string') return -1;
  const n = text.length;
  if (n < 20 || n > MAX_TIMESTAMP_LENGTH || text.charCodeAt(n - 1) !== 0x5a /* Z */) return -1;
  if (
    text[4] !== '-' ||
    text[7] !== '-' ||
    text[10] !== 'T' ||
    text[13] !== ':' ||
    text[16] !== ':'
  )
    return -1;
  const hi = two(text, 0);
  const lo = two(text, 2);
  const month = two(text, 5);
  const day = two(text, 8);
  const hour = two(text, 11);
  const minute = two(text, 14);
  const second = two(text, 17);
  if (
    hi < 0 ||
    lo < 0 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(hi * 100 + lo, month)
  )
    return -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0) return -1;
  // RFC 3339 §5.7: a leap second (":60") can only be the last second of a UTC day.
  if (second > 60 || (second === 60 && (hour !== 23 || minute !== 59))) return -1;
  if (n === 20) return 0;
  if (text[19] !== '.' || n === 21) return -1;
  for (let i = 20; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return -1;
  }
  return n - 21;
}

/** §2.16: whether `s` is a valid STIX timestamp (calendar-checked, UTC "Z"). */
export function isStixTimestamp(s: string): boolean {
  return fractionDigits(s) >= 0;
}

/** Number of fractional-second digits of a valid timestamp (0 when there is no fraction). */
export function timestampPrecision(s: string): number {
  const digits = fractionDigits(s);
  if (digits < 0) throw new StixError('INVALID_TIMESTAMP', `not a STIX timestamp: ${preview(s)}`);
  return digits;
}

/**
 * compareStixTimestamps without the throw: null when either is malformed. The first 19
 * characters ("YYYY-MM-DDTHH:mm:ss") are fixed width, so they sort chronologically as text.
 */
export function tryCompareStixTimestamps(a: string, b: string): number | null {
  const da = fractionDigits(a);
  const db = fractionDigits(b);
  if (da < 0 || db < 0) return null;
  for (let i = 0; i < 19; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  const width = Math.max(da, db);
  for (let i = 0; i < width; i++) {
    const ca = i < da ? a.charCodeAt(20 + i) : 0x30;
    const cb = i < db ? b.charCodeAt(20 + i) : 0x30;
    if (ca !== cb) return ca < cb ? -1 : 1;
  }
  return 0;
}

/**
 * Exact three-way comparison of two STIX timestamps at any precision: negative when `a` is
 * earlier, 0 when they denote the same instant ("…:00Z" equals "…:00.000Z"), positive when later.
 * Throws StixError INVALID_TIMESTAMP when either is malformed.
 */
export function compareStixTimestamps(a: string, b: string): number {
  const cmp = tryCompareStixTimestamps(a, b);
  if (cmp !== null) return cmp;
  const bad = fractionDigits(a) < 0 ? a : b;
  throw new StixError('INVALID_TIMESTAMP', `not a STIX timestamp: ${preview(bad)}`);
}

/**
 * A text key that sorts like the instant it denotes, for database indexes: the fraction is
 * padded to nine digits (nanoseconds) and any further digits are kept, minus trailing zeros, so
 * equal instants get equal keys and no precision is lost. The "Z" is dropped: a terminator
 * would sort above the digits of a longer fraction.
 * e.g. "2016-05-12T08:17:27Z" → "2016-05-12T08:17:27.000000000".
 */
export function stixTimestampSortKey(s: string): string {
  const digits = fractionDigits(s);
  if (digits < 0) throw new StixError('INVALID_TIMESTAMP', `not a STIX timestamp: ${preview(s)}`);
  let fraction = s.slice(20, 20 + digits).padEnd(9, '0');
  let end = fraction.length;
  while (end > 9 && fraction.charCodeAt(end - 1) === 0x30) end--;
  fraction = fraction.slice(0, end);
  return `${s.slice(0, 19)}.${fraction}`;
}

function preview(value: unknown): string {
  if (typeof value !== 'string') return typeof value;
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
