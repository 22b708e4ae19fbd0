/**
 * Resolving an object path against one SCO (STIX 2.1 §9.7).
 *
 * A path yields zero or more values: `[*]` fans out over a list (§9.7.2), an out-of-range
 * index yields nothing, and a property step applied to the value of a `_ref` property (or an
 * element of a `_refs` list) first dereferences it within the observation (§9.7.4). Missing
 * properties and JSON null yield nothing; the caller makes the comparison false (§9.6).
 * Duplicates are dropped at every step (matching is existential, so they cannot change a
 * result), which keeps a `[*]` chain over self-referencing objects linear in the data.
 */
import type { PatternPathStep } from './ast';
import { isRecord } from './observation';
import type { ObservationScope } from './observation';

export interface ResolvedValue {
  readonly value: unknown;
  /** The last property name on the way (for `_bin` / `_hex` typing, §9.6.4). */
  readonly property: string;
  /** Whether the value is an object reference (from a `_ref` or `_refs` property). */
  readonly reference: boolean;
}

const isReferenceName = (name: string): boolean => name.endsWith('_ref') || name.endsWith('_refs');

export function resolvePath(
  root: Readonly<Record<string, unknown>>,
  steps: readonly PatternPathStep[],
  scope: ObservationScope,
): ResolvedValue[] {
  let current: ResolvedValue[] = [{ value: root, property: '', reference: false }];
  for (const step of steps) {
    const next = new Candidates();
    for (const c of current) {
      switch (step.kind) {
        case 'property': {
          const holder =
            c.reference && typeof c.value === 'string' ? scope.resolve(c.value) : c.value;
          if (!isRecord(holder) || !Object.hasOwn(holder, step.name)) break;
          const value = holder[step.name];
          if (value === null || value === undefined) break;
          next.push({ value, property: step.name, reference: isReferenceName(step.name) });
          break;
        }
        case 'index':
          if (Array.isArray(c.value) && step.index >= 0 && step.index < c.value.length) {
            const value: unknown = c.value[step.index];
            if (value !== null && value !== undefined) next.push({ ...c, value });
          }
          break;
        case 'any-index':
          if (Array.isArray(c.value)) {
            for (const value of c.value as unknown[]) {
              if (value !== null && value !== undefined) next.push({ ...c, value });
            }
          }
          break;
      }
    }
    current = next.list;
  }
  return current;
}

class Candidates {
  readonly list: ResolvedValue[] = [];
  private readonly seen = new Map<unknown, ResolvedValue[]>();

  push(r: ResolvedValue): void {
    const same = this.seen.get(r.value);
    if (same?.some((s) => s.property === r.property && s.reference === r.reference)) return;
    if (same === undefined) this.seen.set(r.value, [r]);
    else same.push(r);
    this.list.push(r);
  }
}
