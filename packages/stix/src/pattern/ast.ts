/**
 * The typed syntax tree of a STIX 2.1 pattern (§9.3–§9.7).
 *
 * The tree is canonical and holds no source positions: `=`/`==` and `!=`/`<>` parse to one
 * operator, quoted and unquoted property names to one name, and redundant parentheses vanish.
 * Parentheses that change grouping survive as nesting: `[a] AND ([b] AND [c])` is an
 * `observation-and` whose second operand is another `observation-and`, while an unbracketed
 * chain `[a] AND [b] AND [c]` is one node with three operands. Hence
 * `parsePattern(formatPattern(t))` deep-equals `t` for every tree `t` the parser returns.
 * Every node is plain JSON.
 */

/** A whole pattern is an observation expression (§9.4). */
export type Pattern = PatternObservationExpression;

/** §9.5: observation expressions, the operators joining them, and qualifiers. */
export type PatternObservationExpression =
  PatternObservation | PatternObservationJunction | PatternQualifiedObservation;

/** `[ … ]`: comparison expressions matched against one observation (§9.5). */
export interface PatternObservation {
  readonly kind: 'observation';
  readonly comparison: PatternComparisonExpression;
}

/**
 * Observation operators (§9.5.2), each left-associative; precedence from high to low is
 * AND, OR, FOLLOWEDBY (§9.5.3). Two or more operands, in source order.
 */
export interface PatternObservationJunction {
  readonly kind: 'observation-and' | 'observation-or' | 'followed-by';
  readonly operands: readonly PatternObservationExpression[];
}

/**
 * An observation expression with one or more qualifiers (§9.5.1), in source order:
 * `[a] REPEATS 5 TIMES WITHIN 1800 SECONDS` has `qualifiers: [repeats, within]`, each
 * applying to everything before it. At most one qualifier of each kind per node.
 */
export interface PatternQualifiedObservation {
  readonly kind: 'qualified';
  readonly expression: PatternObservationExpression;
  readonly qualifiers: readonly PatternQualifier[];
}

export type PatternQualifier =
  | { readonly kind: 'within'; readonly seconds: number }
  | { readonly kind: 'repeats'; readonly times: number }
  | { readonly kind: 'start-stop'; readonly start: string; readonly stop: string };

/** §9.6: comparison expressions joined by Boolean operators; AND binds tighter than OR. */
export type PatternComparisonExpression =
  PatternComparisonJunction | PatternComparison | PatternExistsComparison;

export interface PatternComparisonJunction {
  readonly kind: 'and' | 'or';
  readonly operands: readonly PatternComparisonExpression[];
}

/** Operators taking one constant (§9.6.1). */
export type PatternScalarOperator =
  '=' | '!=' | '<' | '<=' | '>' | '>=' | 'LIKE' | 'MATCHES' | 'ISSUBSET' | 'ISSUPERSET';

export type PatternComparisonOperator = PatternScalarOperator | 'IN';

/** `path [NOT] op constant` — `negated` is the NOT modifier before the operator (§9.6.1). */
export type PatternComparison = PatternScalarComparison | PatternSetComparison;

export interface PatternScalarComparison {
  readonly kind: 'comparison';
  readonly path: PatternObjectPath;
  readonly operator: PatternScalarOperator;
  readonly negated: boolean;
  readonly value: PatternLiteral;
}

/** `path [NOT] IN (x, y, …)`: at least one member, all of one data type. */
export interface PatternSetComparison {
  readonly kind: 'comparison';
  readonly path: PatternObjectPath;
  readonly operator: 'IN';
  readonly negated: boolean;
  readonly values: readonly PatternLiteral[];
}

/** `[NOT] EXISTS path` (§9.6.1). */
export interface PatternExistsComparison {
  readonly kind: 'exists';
  readonly path: PatternObjectPath;
  readonly negated: boolean;
}

/** §9.7: `<object-type>:<property>` then `.name`, `[index]` or `[*]` steps. */
export interface PatternObjectPath {
  readonly objectType: string;
  /** Never empty; the first step is always a property. */
  readonly steps: readonly PatternPathStep[];
}

export type PatternPathStep =
  | { readonly kind: 'property'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'any-index' };

/**
 * Constants (§9.2). Integers are safe integers and floats finite; neither is ever -0.
 * `timestamp` keeps the text as written (validated); `binary` keeps the base64 text with
 * line feeds removed; `hex` keeps the digits in lower case.
 */
export type PatternLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'integer'; readonly value: number }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'timestamp'; readonly value: string }
  | { readonly kind: 'binary'; readonly value: string }
  | { readonly kind: 'hex'; readonly value: string };

export type PatternLiteralKind = PatternLiteral['kind'];
