/**
 * Questions an indexer asks of a pattern without evaluating it: which SCO types it starts
 * from, and whether it is no more than "any of these exact values" so that it can be looked
 * up by value instead of evaluated against every observation.
 */
import type {
  Pattern,
  PatternComparisonExpression,
  PatternLiteral,
  PatternObservationExpression,
} from './ast';
import { formatPathSteps } from './format';

/** One equality a pattern reduces to: `[type:path = value]`. */
export interface PatternAtom {
  readonly type: string;
  /** The path after `type:`, in canonical form (formatPathSteps), e.g. `hashes.'SHA-256'`. */
  readonly path: string;
  readonly value: string | number | boolean;
}

/**
 * The object types the pattern's object paths start from (§9.7 `<object-type>`), sorted and
 * without duplicates. Types reached only through `_ref` steps are not known from the text
 * and are not included.
 */
export function patternObjectTypes(p: Pattern): string[] {
  const types = new Set<string>();
  const comparisons = (e: PatternComparisonExpression): void => {
    if (e.kind === 'comparison' || e.kind === 'exists') types.add(e.path.objectType);
    else e.operands.forEach(comparisons);
  };
  const observations = (e: PatternObservationExpression): void => {
    if (e.kind === 'observation') comparisons(e.comparison);
    else if (e.kind === 'qualified') observations(e.expression);
    else e.operands.forEach(observations);
  };
  observations(p);
  return [...types].sort();
}

/**
 * When the pattern is a disjunction of plain equalities — observation expressions without
 * qualifiers joined by OR, each an OR of `path = constant` or `path IN (…)` comparisons
 * (no NOT) with string, number or boolean constants — the equalities, in source order and
 * without duplicates. Otherwise null: the pattern must be evaluated in full.
 *
 * `[ipv4-addr:value = '1.2.3.4'] OR [domain-name:value = 'evil.example']` gives two atoms.
 */
export function reducePattern(p: Pattern): PatternAtom[] | null {
  const atoms: PatternAtom[] = [];
  const seen = new Set<string>();
  const add = (type: string, path: string, l: PatternLiteral): boolean => {
    if (l.kind !== 'string' && l.kind !== 'integer' && l.kind !== 'float' && l.kind !== 'boolean') {
      return false;
    }
    const key = JSON.stringify([type, path, l.kind === 'string' ? 's' : 'v', l.value]);
    if (!seen.has(key)) {
      seen.add(key);
      atoms.push({ type, path, value: l.value });
    }
    return true;
  };
  const comparisons = (e: PatternComparisonExpression): boolean => {
    switch (e.kind) {
      case 'or':
        return e.operands.every(comparisons);
      case 'and':
      case 'exists':
        return false;
      case 'comparison': {
        if (e.negated) return false;
        const path = formatPathSteps(e.path);
        if (e.operator === 'IN') return e.values.every((v) => add(e.path.objectType, path, v));
        return e.operator === '=' && add(e.path.objectType, path, e.value);
      }
    }
  };
  const observations = (e: PatternObservationExpression): boolean => {
    switch (e.kind) {
      case 'observation':
        return comparisons(e.comparison);
      case 'observation-or':
        return e.operands.every(observations);
      case 'observation-and':
      case 'followed-by':
      case 'qualified':
        return false;
    }
  };
  return observations(p) ? atoms : null;
}
