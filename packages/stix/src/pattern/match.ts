/**
 * Matching one observation expression `[ … ]` against one observation (STIX 2.1 §9.5, §9.6).
 *
 * §9.5: "all Comparison Expressions contained within the Observation Expression MUST start
 * matching against the same SCO in the Observation … Different SCO's may ultimately be used
 * in matching, but they MUST be referenced from the same, single SCO." So the bracket matches
 * when some object of the observation satisfies the whole Boolean expression with every
 * object path starting from it; `_ref` steps may then reach other objects. A comparison whose
 * object type is not that object's type, or whose path finds nothing, is false — even with
 * NOT or != (§9.6: not present "MUST evaluate to FALSE, regardless of the operators").
 * Hence `[a:x = 1 AND b:y = 2]` never matches, as §9.5 intends ("MUST be joined by OR").
 *
 * When a path yields several values (`[*]`), the comparison holds if any value satisfies the
 * operator (§9.7.2), and NOT negates that whole result: `list[*] NOT = 'a'` means no element
 * equals 'a'. NOT EXISTS holds for an object of the named type that lacks the property.
 */
import type { PatternComparisonExpression } from './ast';
import { testValue } from './compare';
import type { ObservationScope } from './observation';
import { resolvePath } from './path';

export function matchesObservation(
  comparison: PatternComparisonExpression,
  scope: ObservationScope,
): boolean {
  return scope.roots.some((root) => holds(comparison, root, scope));
}

function holds(
  e: PatternComparisonExpression,
  root: Readonly<Record<string, unknown>>,
  scope: ObservationScope,
): boolean {
  switch (e.kind) {
    case 'and':
      return e.operands.every((o) => holds(o, root, scope));
    case 'or':
      return e.operands.some((o) => holds(o, root, scope));
    case 'exists': {
      if (root.type !== e.path.objectType) return false;
      const found = resolvePath(root, e.path.steps, scope).length > 0;
      return e.negated ? !found : found;
    }
    case 'comparison': {
      if (root.type !== e.path.objectType) return false;
      const values = resolvePath(root, e.path.steps, scope);
      if (values.length === 0) return false;
      const hit =
        e.operator === 'IN'
          ? values.some((v) => e.values.some((c) => testValue('=', v, c)))
          : values.some((v) => testValue(e.operator, v, e.value));
      return e.negated ? !hit : hit;
    }
  }
}
