/**
 * Errors raised by the STIX patterning code. Parsing untrusted text throws only these two
 * classes (never a raw SyntaxError/RangeError), so callers can map them in one place.
 *
 * STIX 2.1 §9.4: "An invalid pattern resulting from parsing error or invalid constants ...
 * MUST NOT match any Observations" — we reject such patterns at parse time instead.
 */

export const PATTERN_ERROR_CODES = [
  /** The text does not follow the grammar; see {@link PatternSyntaxError}. */
  'pattern-syntax',
  /** More than MAX_PATTERN_DEPTH nested parentheses/brackets. */
  'too-deep',
  /** An integer outside ±(2^53−1) (STIX 2.1 §2.10) or a float that is not finite (§2.6). */
  'number-out-of-range',
  /** An integer written with a leading zero, e.g. `007`. */
  'invalid-number',
  /** A t'…' constant that is not a STIX timestamp (§2.16) or names no real date. */
  'invalid-timestamp',
  /** A b'…' constant that is not RFC 4648 base64 (§9.2). */
  'invalid-binary',
  /** An h'…' constant with an odd number of digits or a non-hex digit (§9.2). */
  'invalid-hex',
  /** A MATCHES operand that is not a regular expression we can run (§9.6.1). */
  'invalid-regex',
  /** An ISSUBSET/ISSUPERSET operand that is not an IPv4/IPv6 address or CIDR (§9.6.1). */
  'invalid-cidr',
  /** `IN ()` — the set must have at least one member. */
  'empty-set',
  /** `IN (1, 'a')` — set members must be of one data type (§9.6.1). */
  'mixed-set',
  /** A constant of a type the operator does not take, e.g. `LIKE 5` or `> true`. */
  'operand-type',
  /** WITHIN/REPEATS not positive, or START not before STOP (§9.5.1). */
  'invalid-qualifier',
  /** Two qualifiers of one kind on one observation expression (§9.5.1). */
  'duplicate-qualifier',
  /** The temporal evaluator gave up: too many candidate combinations of observations. */
  'evaluation-limit',
] as const;

export type PatternErrorCode = (typeof PATTERN_ERROR_CODES)[number];

export interface SourceLocation {
  /** 0-based offset into the pattern, in UTF-16 code units. */
  position: number;
  /** 1-based line (lines end at \n, \r\n or \r). */
  line: number;
  /** 1-based column within the line, in UTF-16 code units. */
  column: number;
}

/** Line and column of `position` in `source`. */
export function locate(source: string, position: number): SourceLocation {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(position, 0), source.length);
  for (let i = 0; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && source.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { position: end, line, column: end - lineStart + 1 };
}

const where = (at: SourceLocation): string =>
  at.line === 1 ? `at column ${at.column}` : `at line ${at.line}, column ${at.column}`;

export class PatternError extends Error {
  override readonly name: string = 'PatternError';
  readonly code: PatternErrorCode;
  readonly position: number;
  readonly line: number;
  readonly column: number;

  /** `at` is null for errors not tied to a place in the text (position 0, line 1, column 1). */
  constructor(code: PatternErrorCode, message: string, at: SourceLocation | null) {
    super(at === null ? message : `${message} ${where(at)}`);
    this.code = code;
    this.position = at?.position ?? 0;
    this.line = at?.line ?? 1;
    this.column = at?.column ?? 1;
  }
}

/** Quoted tokens (`']'`, `'AND'`) are literal text; unquoted ones name a construct. */
const describeExpected = (expected: readonly string[]): string =>
  expected.length <= 1
    ? (expected[0] ?? 'nothing')
    : `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]!}`;

/** What {@link PatternSyntaxError.found} holds when the pattern ended too soon. */
export const END_OF_PATTERN = 'end of pattern';

/** Quote a token for a message: control characters escaped, long tokens shortened. */
function quoteFound(found: string): string {
  if (found === END_OF_PATTERN) return found;
  const short = found.length > 40 ? `${found.slice(0, 37)}...` : found;
  let visible = '';
  for (const ch of short) {
    const c = ch.charCodeAt(0);
    const control = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029;
    visible += control ? `\\u${c.toString(16).padStart(4, '0')}` : ch;
  }
  return `'${visible}'`;
}

export class PatternSyntaxError extends PatternError {
  override readonly name = 'PatternSyntaxError';
  declare readonly code: 'pattern-syntax';
  /** What would have been valid here: `']'`, `'AND'`, `object path`, `end of pattern`… */
  readonly expected: string[];
  /** The offending token as written, or {@link END_OF_PATTERN}. */
  readonly found: string;

  constructor(expected: readonly string[], found: string, at: SourceLocation, hint?: string) {
    super(
      'pattern-syntax',
      `Expected ${describeExpected(expected)} but found ${quoteFound(found)}${hint === undefined ? '' : ` (${hint})`}`,
      at,
    );
    this.expected = [...expected];
    this.found = found;
  }
}

export function isPatternError(error: unknown, code?: PatternErrorCode): error is PatternError {
  return error instanceof PatternError && (code === undefined || error.code === code);
}
