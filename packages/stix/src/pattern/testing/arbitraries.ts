/** fast-check generators of valid pattern trees, for property tests. */
import fc from 'fast-check';
import type {
  Pattern,
  PatternComparisonExpression,
  PatternLiteral,
  PatternObjectPath,
  PatternObservationExpression,
  PatternPathStep,
  PatternQualifier,
} from '../ast';
import { RESERVED_WORDS } from '../keywords';

const notReserved = (s: string): boolean => !RESERVED_WORDS.has(s);

export const objectType = fc
  .stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6}){0,2}$/)
  .filter(notReserved);

export const propertyName = fc.oneof(
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,8}$/).filter(notReserved),
  fc.constantFrom('SHA-256', 'windows-pebinary-ext', 'AND', 'true', 'a.b', "it's", '\\', ''),
  fc.string({ unit: 'binary', maxLength: 6 }),
);

const step: fc.Arbitrary<PatternPathStep> = fc.oneof(
  propertyName.map((name) => ({ kind: 'property' as const, name })),
  fc.integer({ min: -3, max: 1000 }).map((index) => ({ kind: 'index' as const, index })),
  fc.constant({ kind: 'any-index' as const }),
);

export const objectPath: fc.Arbitrary<PatternObjectPath> = fc
  .tuple(objectType, propertyName, fc.array(step, { maxLength: 3 }))
  .map(([type, first, rest]) => ({
    objectType: type,
    steps: [{ kind: 'property', name: first }, ...rest],
  }));

const noNegativeZero = (n: number): number => (n === 0 ? 0 : n);

const timestampText = fc
  .tuple(
    fc.date({
      min: new Date('0000-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
      noInvalidDate: true,
    }),
    fc.constantFrom('', '.5', '.000', '.123456789', '.1000'),
  )
  .map(([d, fraction]) => `${d.toISOString().slice(0, 19)}${fraction}Z`);

const bytes = fc.uint8Array({ maxLength: 16 });

const literalOf = {
  string: fc
    .oneof(fc.string(), fc.string({ unit: 'binary' }))
    .map((value) => ({ kind: 'string' as const, value })),
  integer: fc
    .oneof(fc.integer({ min: -1000, max: 1000 }), fc.maxSafeInteger())
    .map((value) => ({ kind: 'integer' as const, value: noNegativeZero(value) })),
  float: fc
    .double({ noNaN: true, noDefaultInfinity: true })
    .map((value) => ({ kind: 'float' as const, value: noNegativeZero(value) })),
  boolean: fc.boolean().map((value) => ({ kind: 'boolean' as const, value })),
  timestamp: timestampText.map((value) => ({ kind: 'timestamp' as const, value })),
  binary: bytes.map((b) => ({
    kind: 'binary' as const,
    value: Buffer.from(b).toString('base64'),
  })),
  hex: bytes.map((b) => ({ kind: 'hex' as const, value: Buffer.from(b).toString('hex') })),
};

export const literal: fc.Arbitrary<PatternLiteral> = fc.oneof(...Object.values(literalOf));
const orderable = fc.oneof(
  literalOf.string,
  literalOf.integer,
  literalOf.float,
  literalOf.timestamp,
  literalOf.binary,
  literalOf.hex,
);

/** Regular expressions our MATCHES accepts, including escaped random text. */
const regexText = fc.oneof(
  fc.constantFrom(
    '^a.*b$',
    '.+\\@example\\.com$',
    '\\xd4\\xc3\\xb2\\xa1',
    '(?i)^abc',
    '[[:alpha:]]+\\d{2,}',
    'a{,3}}',
    '(?P<x>a)(?P=x)',
    '[]a]',
  ),
  fc
    .string({ unit: 'binary', maxLength: 10 })
    .map((s) => [...s].map((c) => (/[A-Za-z0-9]/.test(c) ? c : `\\${c}`)).join('')),
);

const octet = fc.integer({ min: 0, max: 255 });
const cidrText = fc.oneof(
  fc
    .tuple(
      fc.array(octet, { minLength: 4, maxLength: 4 }),
      fc.option(fc.integer({ min: 0, max: 32 })),
    )
    .map(([o, p]) => `${o.join('.')}${p === null ? '' : `/${p}`}`),
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }),
      fc.option(fc.integer({ min: 0, max: 128 })),
    )
    .map(([g, p]) => `${g.map((x) => x.toString(16)).join(':')}${p === null ? '' : `/${p}`}`),
);

const families: Array<fc.Arbitrary<PatternLiteral>> = [
  literalOf.string,
  fc.oneof(literalOf.integer, literalOf.float),
  literalOf.boolean,
  literalOf.timestamp,
  fc.oneof(literalOf.binary, literalOf.hex),
];

export const comparison: fc.Arbitrary<PatternComparisonExpression> = fc.oneof(
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('=' as const, '!=' as const),
    negated: fc.boolean(),
    value: literal,
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('<' as const, '<=' as const, '>' as const, '>=' as const),
    negated: fc.boolean(),
    value: orderable,
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constant('LIKE' as const),
    negated: fc.boolean(),
    value: literalOf.string,
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constant('MATCHES' as const),
    negated: fc.boolean(),
    value: regexText.map((value) => ({ kind: 'string' as const, value })),
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constantFrom('ISSUBSET' as const, 'ISSUPERSET' as const),
    negated: fc.boolean(),
    value: cidrText.map((value) => ({ kind: 'string' as const, value })),
  }),
  fc.record({
    kind: fc.constant('comparison' as const),
    path: objectPath,
    operator: fc.constant('IN' as const),
    negated: fc.boolean(),
    values: fc.oneof(...families.map((f) => fc.array(f, { minLength: 1, maxLength: 4 }))),
  }),
  fc.record({ kind: fc.constant('exists' as const), path: objectPath, negated: fc.boolean() }),
);

const { comparisonExpression } = fc.letrec<{
  comparisonExpression: PatternComparisonExpression;
}>((tie) => ({
  comparisonExpression: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    comparison,
    fc.record({
      kind: fc.constantFrom('and' as const, 'or' as const),
      operands: fc.array(tie('comparisonExpression'), { minLength: 2, maxLength: 3 }),
    }),
  ),
}));

const instantPair = fc
  .tuple(timestampText, timestampText)
  .filter(([a, b]) => Date.parse(a) !== Date.parse(b))
  .map(([a, b]) => (Date.parse(a) < Date.parse(b) ? [a, b] : [b, a]));

const qualifierOf: Record<PatternQualifier['kind'], fc.Arbitrary<PatternQualifier>> = {
  within: fc
    .oneof(
      fc.integer({ min: 1, max: 1_000_000 }),
      fc.double({ min: 1e-9, max: 1e300, noNaN: true }),
    )
    .map((seconds) => ({ kind: 'within' as const, seconds })),
  repeats: fc
    .integer({ min: 1, max: 1_000_000 })
    .map((times) => ({ kind: 'repeats' as const, times })),
  'start-stop': instantPair.map(([start, stop]) => ({
    kind: 'start-stop' as const,
    start: start!,
    stop: stop!,
  })),
};

const qualifiers: fc.Arbitrary<PatternQualifier[]> = fc
  .shuffledSubarray(['within', 'repeats', 'start-stop'] as const, { minLength: 1 })
  .chain((kinds) => fc.tuple(...kinds.map((k) => qualifierOf[k])));

export const { pattern } = fc.letrec<{ pattern: PatternObservationExpression }>((tie) => ({
  pattern: fc.oneof(
    { maxDepth: 3, depthSize: 'small' },
    comparisonExpression.map((c) => ({ kind: 'observation' as const, comparison: c })),
    fc.record({
      kind: fc.constantFrom(
        'observation-and' as const,
        'observation-or' as const,
        'followed-by' as const,
      ),
      operands: fc.array(tie('pattern'), { minLength: 2, maxLength: 3 }),
    }),
    fc.record({ kind: fc.constant('qualified' as const), expression: tie('pattern'), qualifiers }),
  ),
})) as { pattern: fc.Arbitrary<Pattern> };
