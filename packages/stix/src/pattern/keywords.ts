/**
 * Keywords and operator spellings of the patterning language, as in the OASIS
 * STIXPattern.g4 grammar: keywords are case-sensitive (upper case, but `true`/`false`);
 * `==` and `<>` are accepted spellings of `=` and `!=` (§9.6.1 lists only the latter).
 */
import type { PatternComparisonOperator } from './ast';

/** Words that cannot be object types or unquoted property names. `LAST` is reserved, unused. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  'AND',
  'OR',
  'NOT',
  'FOLLOWEDBY',
  'LIKE',
  'MATCHES',
  'ISSUPERSET',
  'ISSUBSET',
  'EXISTS',
  'LAST',
  'IN',
  'START',
  'STOP',
  'SECONDS',
  'true',
  'false',
  'WITHIN',
  'REPEATS',
  'TIMES',
]);

export const WORD_OPERATORS = ['IN', 'LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'] as const;
export const SYMBOL_OPERATORS: Readonly<Record<string, PatternComparisonOperator>> = {
  '=': '=',
  '==': '=',
  '!=': '!=',
  '<>': '!=',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
/** Symbol operators in canonical spelling, in the order error messages list them. */
export const CANONICAL_SYMBOLS = ['=', '!=', '<', '<=', '>', '>='];
