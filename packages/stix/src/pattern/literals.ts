/**
 * Constants (STIX 2.1 §9.2) and the operand rules of the comparison operators (§9.6.1):
 * turning tokens into validated literals, and the semantic checks the grammar alone cannot
 * make (ranges, calendars, base64, regular expressions, CIDR blocks, homogeneous sets).
 */
import type { PatternLiteral, PatternLiteralKind, PatternScalarOperator } from './ast';
import { decodeHex, isBase64 } from './bytes';
import { parseIpBlock } from './cidr';
import type { PatternErrorCode } from './errors';
import type { Token } from './lexer';
import { compilePcre } from './regex';
import { parseStixTimestamp } from './timestamp';

export interface LiteralProblem {
  readonly code: PatternErrorCode;
  readonly message: string;
}

/** §2.10: integers are limited to ±(2^53−1). */
export function parseNumber(t: Token): number | LiteralProblem {
  if (t.kind === 'integer') {
    if (/^[+-]?0\d/.test(t.text)) {
      return { code: 'invalid-number', message: `Integer ${t.text} has a leading zero` };
    }
    const n = Number(t.text);
    if (!Number.isSafeInteger(n)) {
      return { code: 'number-out-of-range', message: `Integer ${t.text} is outside ±(2^53−1)` };
    }
    return n === 0 ? 0 : n; // no -0
  }
  const n = Number(t.text);
  if (!Number.isFinite(n)) {
    return { code: 'number-out-of-range', message: `Float ${t.text} is not a finite number` };
  }
  return n === 0 ? 0 : n;
}

/** The literal a token denotes, a problem with it, or null if it is not a constant at all. */
export function toLiteral(t: Token): PatternLiteral | LiteralProblem | null {
  switch (t.kind) {
    case 'string':
      return { kind: 'string', value: t.value };
    case 'integer':
    case 'float': {
      const n = parseNumber(t);
      return typeof n === 'number' ? { kind: t.kind, value: n } : n;
    }
    case 'word':
      return t.text === 'true' || t.text === 'false'
        ? { kind: 'boolean', value: t.text === 'true' }
        : null;
    case 'timestamp':
      return parseStixTimestamp(t.value) === null
        ? {
            code: 'invalid-timestamp',
            message: `t'${t.value}' is not a STIX timestamp (YYYY-MM-DDTHH:mm:ss[.s+]Z, a real date)`,
          }
        : { kind: 'timestamp', value: t.value };
    case 'binary':
      return isBase64(t.value)
        ? { kind: 'binary', value: t.value }
        : { code: 'invalid-binary', message: `b'…' is not valid base64 (RFC 4648)` };
    case 'hex':
      return decodeHex(t.value) === null
        ? { code: 'invalid-hex', message: `h'…' needs an even number of hexadecimal digits` }
        : { kind: 'hex', value: t.value.toLowerCase() };
    case 'punct':
    case 'op':
    case 'invalid':
    case 'eof':
      return null;
  }
}

/** Why `value` cannot be the operand of `operator`, or null. */
export function checkOperand(
  operator: PatternScalarOperator,
  value: PatternLiteral,
): LiteralProblem | null {
  switch (operator) {
    case '=':
    case '!=':
      return null;
    case '<':
    case '<=':
    case '>':
    case '>=':
      return value.kind === 'boolean'
        ? {
            code: 'operand-type',
            message: `${operator} needs an orderable constant, not a boolean`,
          }
        : null;
    case 'LIKE':
    case 'MATCHES':
    case 'ISSUBSET':
    case 'ISSUPERSET':
      break;
  }
  if (value.kind !== 'string') {
    return {
      code: 'operand-type',
      message: `${operator} needs a string constant, not ${value.kind}`,
    };
  }
  if (operator === 'MATCHES') {
    try {
      compilePcre(value.value, 'text');
    } catch (e) {
      return { code: 'invalid-regex', message: `MATCHES: ${(e as Error).message}` };
    }
  }
  if (
    (operator === 'ISSUBSET' || operator === 'ISSUPERSET') &&
    parseIpBlock(value.value) === null
  ) {
    return {
      code: 'invalid-cidr',
      message: `${operator} needs an IPv4 or IPv6 address or CIDR block, not '${value.value}'`,
    };
  }
  return null;
}

/** Integers and floats form one family, as do binary and hex (§9.2 comparable types). */
const family = (k: PatternLiteralKind): string =>
  k === 'integer' || k === 'float' ? 'number' : k === 'hex' ? 'binary' : k;

/** §9.6.1: "The set values … MUST be constants of homogeneous data type". */
export function checkSet(values: readonly PatternLiteral[]): string | null {
  const first = values[0];
  const last = values[values.length - 1];
  if (first === undefined || last === undefined || family(first.kind) === family(last.kind)) {
    return null;
  }
  return `IN set mixes ${first.kind} and ${last.kind} values`;
}
