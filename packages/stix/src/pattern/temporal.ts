/**
 * Observation operators and qualifiers over several observations (STIX 2.1 §9.5.1, §9.5.2).
 *
 * Model. Each input is one Observed Data: a time window [first_observed, last_observed] and
 * `number_observed` observations of the same objects at unknown times inside it (§9.1
 * "Observation"). Each expression denotes the set of ways ("bindings") it can be satisfied;
 * a binding says how many observations of each input it consumes. Operators:
 *   [ … ]          one observation of any input whose objects match (see match.ts)
 *   a AND b        a and b on different observations (§9.5.2)
 *   a OR b         a or b
 *   a FOLLOWEDBY b a and b on different observations, b's no earlier than a's
 *   a REPEATS n    n matches of a on pairwise different observations — "a AND a …" (§9.5.1)
 *   a WITHIN x     all observations of the match lie within x seconds (span < x, §9.5.1)
 *   a START x STOP y  every observation of the match has time >= x and < y
 * "Different observations" means distinct observations, so one Observed Data with
 * number_observed = 5 can satisfy `[a] REPEATS 5 TIMES` on its own.
 *
 * Times are judged conservatively: a constraint holds only if it holds wherever inside its
 * window each observation happened. So FOLLOWEDBY needs a's latest last_observed <= b's
 * earliest first_observed; WITHIN uses the widest possible spread (a single observation
 * always fits); START/STOP needs each window inside [x, y). An input whose times are missing
 * or invalid has an unbounded window: it can satisfy no time constraint but a lone WITHIN.
 * Times are compared in milliseconds as doubles, so about a microsecond of precision.
 *
 * Binding sets can grow combinatorially (REPEATS over many inputs); past MAX_BINDINGS in one
 * set or MAX_COMBINATIONS pairings in one evaluation we throw PatternError
 * 'evaluation-limit' rather than answer wrongly or run unbounded.
 */
import type { PatternObservationExpression, PatternQualifier } from './ast';
import { PatternError } from './errors';
import { matchesObservation } from './match';
import type { ObservationScope } from './observation';
import { instantToMillis, parseStixTimestamp } from './timestamp';

export const MAX_BINDINGS = 10_000;
export const MAX_COMBINATIONS = 2_000_000;

/** One input observation, prepared. */
export interface TimedScope {
  readonly scope: ObservationScope;
  readonly first: number;
  readonly last: number;
  readonly count: number;
}

interface Binding {
  /** [input index, observations used], sorted by index. */
  readonly uses: readonly (readonly [number, number])[];
  readonly key: string;
  readonly first: number;
  readonly last: number;
}

const millis = (text: unknown): number | null => {
  const t = typeof text === 'string' ? parseStixTimestamp(text) : null;
  return t === null ? null : instantToMillis(t);
};

/** Window and count of an Observed Data–like input; unknown windows are unbounded. */
export function timed(scope: ObservationScope, source: unknown): TimedScope {
  const o =
    typeof source === 'object' && source !== null ? (source as Record<string, unknown>) : {};
  const first = millis(o.first_observed);
  const last = millis(o.last_observed);
  const known = first !== null && last !== null && first <= last;
  const n = o.number_observed;
  return {
    scope,
    first: known ? first : -Infinity,
    last: known ? last : Infinity,
    count: typeof n === 'number' && Number.isSafeInteger(n) && n >= 1 ? n : 1,
  };
}

export function evaluateTimed(
  pattern: PatternObservationExpression,
  inputs: readonly TimedScope[],
): boolean {
  return new TemporalEvaluator(inputs).bindings(pattern).length > 0;
}

class TemporalEvaluator {
  private combinations = 0;
  private readonly leaves = new Map<PatternObservationExpression, Binding[]>();

  constructor(private readonly inputs: readonly TimedScope[]) {}

  bindings(e: PatternObservationExpression): Binding[] {
    switch (e.kind) {
      case 'observation': {
        let found = this.leaves.get(e);
        if (found === undefined) {
          found = [];
          for (const [i, input] of this.inputs.entries()) {
            if (matchesObservation(e.comparison, input.scope)) found.push(this.make([[i, 1]]));
          }
          this.leaves.set(e, found);
        }
        return found;
      }
      case 'observation-or': {
        const all = new Map<string, Binding>();
        for (const o of e.operands) for (const b of this.bindings(o)) all.set(b.key, b);
        return this.limit([...all.values()]);
      }
      case 'observation-and':
      case 'followed-by': {
        const ordered = e.kind === 'followed-by';
        let acc = this.bindings(e.operands[0]!);
        for (const o of e.operands.slice(1)) {
          if (acc.length === 0) return acc;
          acc = this.join(acc, this.bindings(o), ordered);
        }
        return acc;
      }
      case 'qualified': {
        let set = this.bindings(e.expression);
        for (const q of e.qualifiers) set = this.qualify(set, q);
        return set;
      }
    }
  }

  private qualify(set: Binding[], q: PatternQualifier): Binding[] {
    switch (q.kind) {
      case 'within':
        return set.filter((b) => this.spread(b) < q.seconds * 1000);
      case 'start-stop': {
        const start = millis(q.start);
        const stop = millis(q.stop);
        if (start === null || stop === null) return [];
        return set.filter((b) => b.first >= start && b.last < stop);
      }
      case 'repeats':
        return this.power(set, q.times);
    }
  }

  /** n matches on pairwise different observations, by repeated squaring. */
  private power(set: Binding[], n: number): Binding[] {
    if (!Number.isSafeInteger(n) || n < 1) return [];
    let result: Binding[] = [this.make([])];
    let base = set;
    let k = n;
    for (;;) {
      if (k % 2 === 1) result = this.join(result, base, false);
      k = Math.floor(k / 2);
      if (k === 0 || result.length === 0) return result;
      base = this.join(base, base, false);
    }
  }

  /** Every union of one binding from each side that fits the inputs' counts. */
  private join(left: Binding[], right: Binding[], ordered: boolean): Binding[] {
    const out = new Map<string, Binding>();
    for (const a of left) {
      for (const b of right) {
        if (++this.combinations > MAX_COMBINATIONS) throw tooComplex();
        if (ordered && a.last > b.first) continue;
        const merged = this.merge(a, b);
        if (merged !== null) out.set(merged.key, merged);
      }
    }
    return this.limit([...out.values()]);
  }

  private merge(a: Binding, b: Binding): Binding | null {
    const uses: Array<[number, number]> = [];
    let i = 0;
    let j = 0;
    while (i < a.uses.length || j < b.uses.length) {
      const x = a.uses[i];
      const y = b.uses[j];
      let entry: [number, number];
      if (y === undefined || (x !== undefined && x[0] < y[0])) {
        entry = [x![0], x![1]];
        i++;
      } else if (x === undefined || y[0] < x[0]) {
        entry = [y[0], y[1]];
        j++;
      } else {
        entry = [x[0], x[1] + y[1]];
        i++;
        j++;
      }
      if (entry[1] > this.inputs[entry[0]]!.count) return null;
      uses.push(entry);
    }
    return this.make(uses);
  }

  private make(uses: ReadonlyArray<readonly [number, number]>): Binding {
    let first = Infinity;
    let last = -Infinity;
    for (const [i] of uses) {
      first = Math.min(first, this.inputs[i]!.first);
      last = Math.max(last, this.inputs[i]!.last);
    }
    return { uses, key: uses.map(([i, n]) => `${i}x${n}`).join(','), first, last };
  }

  /**
   * The widest possible distance between two of the binding's observations: the latest end
   * minus the earliest start, taken from two different observations (0 for just one).
   */
  private spread(b: Binding): number {
    const total = b.uses.reduce((sum, [, n]) => sum + n, 0);
    if (total <= 1) return 0;
    const first = (k: number): number => this.inputs[b.uses[k]![0]]!.first;
    const last = (k: number): number => this.inputs[b.uses[k]![0]]!.last;
    let l1 = 0;
    let l2 = -1;
    let f1 = 0;
    let f2 = -1;
    for (let k = 1; k < b.uses.length; k++) {
      if (last(k) > last(l1)) [l2, l1] = [l1, k];
      else if (l2 < 0 || last(k) > last(l2)) l2 = k;
      if (first(k) < first(f1)) [f2, f1] = [f1, k];
      else if (f2 < 0 || first(k) < first(f2)) f2 = k;
    }
    if (l1 !== f1 || b.uses[l1]![1] >= 2) return last(l1) - first(f1);
    return Math.max(last(l2) - first(f1), last(l1) - first(f2));
  }

  private limit(set: Binding[]): Binding[] {
    if (set.length > MAX_BINDINGS) throw tooComplex();
    return set;
  }
}

const tooComplex = (): PatternError =>
  new PatternError(
    'evaluation-limit',
    `Pattern needs more than ${MAX_BINDINGS} candidate match sets or ${MAX_COMBINATIONS} pairings`,
    null,
  );
