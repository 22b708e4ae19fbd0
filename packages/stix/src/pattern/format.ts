/**
 * Canonical text of a pattern tree: single spaces around operators, `[` and `]` without inner
 * padding, parentheses only where the tree's grouping differs from the default precedence
 * (§9.5.3, §9.6) or a qualifier chain would otherwise merge, property names quoted only when
 * they are not plain identifiers (§9.7), and constants in their §9.2 spellings (no `+`, no
 * exponent). `parsePattern(formatPattern(t))` deep-equals `t`.
 */
import type {
  Pattern,
  PatternComparisonExpression,
  PatternLiteral,
  PatternObjectPath,
  PatternObservationExpression,
  PatternQualifier,
} from './ast';
import { RESERVED_WORDS } from './keywords';

const OBSERVATION_PRECEDENCE = { 'followed-by': 1, 'observation-or': 2, 'observation-and': 3 };
const OBSERVATION_KEYWORD = {
  'followed-by': 'FOLLOWEDBY',
  'observation-or': 'OR',
  'observation-and': 'AND',
};
const COMPARISON_PRECEDENCE = { or: 1, and: 2 };

export function formatPattern(pattern: Pattern): string {
  return formatObservation(pattern);
}

function formatObservation(e: PatternObservationExpression): string {
  switch (e.kind) {
    case 'observation':
      return `[${formatComparisonExpression(e.comparison)}]`;
    case 'qualified': {
      const inner = formatObservation(e.expression);
      const base = e.expression.kind === 'observation' ? inner : `(${inner})`;
      return [base, ...e.qualifiers.map(formatQualifier)].join(' ');
    }
    case 'observation-and':
    case 'observation-or':
    case 'followed-by': {
      const own = OBSERVATION_PRECEDENCE[e.kind];
      return e.operands
        .map((o) => {
          const text = formatObservation(o);
          const wrap = o.kind !== 'observation' && o.kind !== 'qualified';
          return wrap && OBSERVATION_PRECEDENCE[o.kind] <= own ? `(${text})` : text;
        })
        .join(` ${OBSERVATION_KEYWORD[e.kind]} `);
    }
  }
}

function formatQualifier(q: PatternQualifier): string {
  switch (q.kind) {
    case 'within':
      // An integral value too large for an integer constant must keep its decimal point.
      return `WITHIN ${Number.isSafeInteger(q.seconds) ? String(q.seconds) : formatFloat(q.seconds)} SECONDS`;
    case 'repeats':
      return `REPEATS ${q.times} TIMES`;
    case 'start-stop':
      return `START t'${q.start}' STOP t'${q.stop}'`;
  }
}

function formatComparisonExpression(e: PatternComparisonExpression): string {
  switch (e.kind) {
    case 'and':
    case 'or': {
      const own = COMPARISON_PRECEDENCE[e.kind];
      const keyword = e.kind === 'and' ? ' AND ' : ' OR ';
      return e.operands
        .map((o) => {
          const text = formatComparisonExpression(o);
          const wrap =
            (o.kind === 'and' || o.kind === 'or') && COMPARISON_PRECEDENCE[o.kind] <= own;
          return wrap ? `(${text})` : text;
        })
        .join(keyword);
    }
    case 'exists':
      return `${e.negated ? 'NOT ' : ''}EXISTS ${formatObjectPath(e.path)}`;
    case 'comparison': {
      const not = e.negated ? 'NOT ' : '';
      const operand =
        e.operator === 'IN'
          ? `(${e.values.map(formatLiteral).join(', ')})`
          : formatLiteral(e.value);
      return `${formatObjectPath(e.path)} ${not}${e.operator} ${operand}`;
    }
  }
}

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export const quoteString = (s: string): string =>
  `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** §9.7 property names: bare when an identifier that is not a keyword, else in apostrophes. */
export const formatPropertyName = (name: string): string =>
  PLAIN_NAME.test(name) && !RESERVED_WORDS.has(name) ? name : quoteString(name);

/** The part of an object path after `type:`, e.g. `hashes.'SHA-256'` or `sections[*].entropy`. */
export function formatPathSteps(path: PatternObjectPath): string {
  let out = '';
  for (const [i, step] of path.steps.entries()) {
    switch (step.kind) {
      case 'property':
        out += `${i === 0 ? '' : '.'}${formatPropertyName(step.name)}`;
        break;
      case 'index':
        out += `[${step.index}]`;
        break;
      case 'any-index':
        out += '[*]';
        break;
    }
  }
  return out;
}

export const formatObjectPath = (path: PatternObjectPath): string =>
  `${path.objectType}:${formatPathSteps(path)}`;

export function formatLiteral(l: PatternLiteral): string {
  switch (l.kind) {
    case 'string':
      return quoteString(l.value);
    case 'integer':
      return String(l.value);
    case 'float':
      return formatFloat(l.value);
    case 'boolean':
      return String(l.value);
    case 'timestamp':
      return `t'${l.value}'`;
    case 'binary':
      return `b'${l.value}'`;
    case 'hex':
      return `h'${l.value}'`;
  }
}

/** §9.2 float spelling: plain decimal digits with a point, never an exponent. */
export function formatFloat(n: number): string {
  const text = plainDecimal(n);
  return text.includes('.') ? text : `${text}.0`;
}

/** The shortest round-tripping digits of `n`, written without an exponent. */
export function plainDecimal(n: number): string {
  const sign = n < 0 ? '-' : '';
  const s = String(Math.abs(n));
  const e = s.indexOf('e');
  if (e < 0) return sign + s;
  const mantissa = s.slice(0, e);
  const exponent = Number(s.slice(e + 1));
  const digits = mantissa.replace('.', '');
  const point = (mantissa.includes('.') ? mantissa.indexOf('.') : mantissa.length) + exponent;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
