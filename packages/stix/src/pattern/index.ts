/**
 * The STIX 2.1 patterning language (STIX 2.1 §9): parse, format, inspect and evaluate.
 * Pure: no I/O and no dependencies; runs in Node and in browsers.
 */
import type { Pattern } from './ast';
import { PatternError } from './errors';
import type { PatternSyntaxError } from './errors';
import { matchesObservation } from './match';
import type { ObservationInput, TimedObservation } from './observation';
import { scopeOf } from './observation';
import { parse } from './parser';
import { evaluateTimed, timed } from './temporal';

export type * from './ast';
export {
  END_OF_PATTERN,
  PATTERN_ERROR_CODES,
  PatternError,
  PatternSyntaxError,
  isPatternError,
} from './errors';
export type { PatternErrorCode, SourceLocation } from './errors';
export { formatLiteral, formatObjectPath, formatPathSteps, formatPattern } from './format';
export { patternObjectTypes, reducePattern } from './inspect';
export type { PatternAtom } from './inspect';
export type {
  ObservationInput,
  ObservationObject,
  ObservationObjects,
  TimedObservation,
} from './observation';
export { MAX_PATTERN_DEPTH } from './parser';
export { MAX_BINDINGS, MAX_COMBINATIONS } from './temporal';

/**
 * Parse a STIX pattern. Throws PatternSyntaxError when the text does not follow the grammar
 * and PatternError (see PATTERN_ERROR_CODES) when a constant or qualifier is invalid; never
 * anything else, whatever the input.
 */
export function parsePattern(source: string): Pattern {
  return parse(source);
}

export function tryParsePattern(
  source: string,
): { ok: true; pattern: Pattern } | { ok: false; error: PatternSyntaxError | PatternError } {
  try {
    return { ok: true, pattern: parse(source) };
  } catch (error) {
    if (error instanceof PatternError) return { ok: false, error };
    throw error;
  }
}

const toPattern = (p: Pattern | string): Pattern => (typeof p === 'string' ? parse(p) : p);

/**
 * Whether one observation matches the pattern (§9.5, §9.6; semantics in match.ts). The
 * observation is an array of SCOs or an Observed Data–like `{ objects, … }`. Observation
 * operators and qualifiers are judged as by evaluatePatternOverTime over this one
 * observation: `[a] AND [b]` needs number_observed >= 2, and START/STOP needs
 * first_observed/last_observed. A string pattern that does not parse throws its PatternError.
 */
export function evaluatePattern(p: Pattern | string, observation: ObservationInput): boolean {
  const pattern = toPattern(p);
  const scope = scopeOf(observation);
  if (pattern.kind === 'observation') return matchesObservation(pattern.comparison, scope);
  return evaluateTimed(pattern, [timed(scope, observation)]);
}

/**
 * Whether the pattern matches a set of observations, with AND, OR, FOLLOWEDBY, WITHIN,
 * REPEATS and START/STOP (§9.5.1, §9.5.2; the model is described in temporal.ts). May throw
 * PatternError 'evaluation-limit' when the search would be too large.
 */
export function evaluatePatternOverTime(
  p: Pattern | string,
  observations: readonly TimedObservation[],
): boolean {
  const pattern = toPattern(p);
  const list: readonly unknown[] = Array.isArray(observations) ? observations : [];
  return evaluateTimed(
    pattern,
    list.map((o) => timed(scopeOf(o), o)),
  );
}
