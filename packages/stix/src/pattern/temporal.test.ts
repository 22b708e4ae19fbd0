import { describe, expect, it } from 'vitest';
import { PatternError, evaluatePattern, evaluatePatternOverTime } from './index';
import type { TimedObservation } from './index';

/** An observation of one `x` object with property `v`, seen at `at` (or over [at, until]). */
const obs = (
  v: string,
  at: string,
  options: { until?: string; n?: number } = {},
): TimedObservation => ({
  first_observed: `2024-01-01T${at}Z`,
  last_observed: `2024-01-01T${options.until ?? at}Z`,
  ...(options.n === undefined ? {} : { number_observed: options.n }),
  objects: { '0': { type: 'x', v } },
});

const over = (pattern: string, observations: TimedObservation[]): boolean =>
  evaluatePatternOverTime(pattern, observations);

const A = "[x:v = 'a']";
const B = "[x:v = 'b']";
const C = "[x:v = 'c']";

describe('observation operators (§9.5.2)', () => {
  const a1 = obs('a', '00:00:00');
  const b2 = obs('b', '00:00:10');

  it('a single bracket matches if any observation matches', () => {
    expect(over(A, [b2, a1])).toBe(true);
    expect(over(C, [b2, a1])).toBe(false);
    expect(over(A, [])).toBe(false);
  });

  it('AND needs both, on different observations', () => {
    expect(over(`${A} AND ${B}`, [a1, b2])).toBe(true);
    expect(over(`${A} AND ${B}`, [a1])).toBe(false);
    expect(over(`${A} AND ${A}`, [a1])).toBe(false);
    expect(over(`${A} AND ${A}`, [a1, obs('a', '00:00:05')])).toBe(true);
    // One Observed Data standing for two observations can satisfy both sides.
    expect(over(`${A} AND ${A}`, [obs('a', '00:00:00', { n: 2 })])).toBe(true);
    const both = {
      ...a1,
      objects: { '0': { type: 'x', v: 'a' }, '1': { type: 'x', v: 'b' } },
    };
    expect(over(`${A} AND ${B}`, [both])).toBe(false);
    expect(over(`${A} AND ${B}`, [{ ...both, number_observed: 2 }])).toBe(true);
  });

  it('OR needs either', () => {
    expect(over(`${A} OR ${C}`, [a1])).toBe(true);
    expect(over(`${C} OR ${A}`, [a1])).toBe(true);
    expect(over(`${C} OR ${C}`, [a1])).toBe(false);
  });

  it('FOLLOWEDBY needs the second no earlier than the first', () => {
    expect(over(`${A} FOLLOWEDBY ${B}`, [b2, a1])).toBe(true);
    expect(over(`${B} FOLLOWEDBY ${A}`, [b2, a1])).toBe(false);
    expect(over(`${A} FOLLOWEDBY ${B}`, [a1, obs('b', '00:00:00')])).toBe(true); // equal times
    expect(over(`${A} FOLLOWEDBY ${B} FOLLOWEDBY ${C}`, [a1, b2, obs('c', '00:00:20')])).toBe(true);
    expect(over(`${A} FOLLOWEDBY ${B} FOLLOWEDBY ${C}`, [a1, b2, obs('c', '00:00:05')])).toBe(
      false,
    );
    expect(over(`${A} FOLLOWEDBY ${A}`, [a1])).toBe(false);
  });

  it('FOLLOWEDBY judges overlapping windows conservatively', () => {
    const aLong = obs('a', '00:00:00', { until: '00:01:00' });
    expect(over(`${A} FOLLOWEDBY ${B}`, [aLong, b2])).toBe(false); // a may have been later
    expect(over(`${A} FOLLOWEDBY ${B}`, [aLong, obs('b', '00:01:00')])).toBe(true);
  });

  it('mixes operators with the §9.5.3 precedence', () => {
    // ([a] AND [b]) OR [c]
    expect(over(`${A} AND ${B} OR ${C}`, [obs('c', '00:00:00')])).toBe(true);
    // [a] AND ([b] OR [c])
    expect(over(`${A} AND (${B} OR ${C})`, [obs('c', '00:00:00')])).toBe(false);
    // ([a] OR [b]) FOLLOWEDBY [c]
    expect(over(`${A} OR ${B} FOLLOWEDBY ${C}`, [obs('c', '00:00:00'), obs('b', '00:00:10')])).toBe(
      false,
    );
    expect(over(`${A} OR ${B} FOLLOWEDBY ${C}`, [obs('b', '00:00:00'), obs('c', '00:00:10')])).toBe(
      true,
    );
  });
});

describe('qualifiers (§9.5.1)', () => {
  it('WITHIN: every matched observation inside the window (span strictly below it)', () => {
    const pair = [obs('a', '00:00:00'), obs('b', '00:01:40')]; // 100 s apart
    expect(over(`(${A} AND ${B}) WITHIN 300 SECONDS`, pair)).toBe(true);
    expect(over(`(${A} AND ${B}) WITHIN 100 SECONDS`, pair)).toBe(false);
    expect(over(`(${A} AND ${B}) WITHIN 100.001 SECONDS`, pair)).toBe(true);
    expect(over(`(${A} FOLLOWEDBY ${B}) WITHIN 101 SECONDS`, pair)).toBe(true);
    // Without parentheses WITHIN applies to [b] alone, which always fits.
    expect(over(`${A} AND ${B} WITHIN 1 SECONDS`, pair)).toBe(true);
  });

  it('WITHIN: one observation always fits; several use their widest possible spread', () => {
    const long = obs('a', '00:00:00', { until: '01:00:00', n: 2 });
    expect(over(`${A} WITHIN 1 SECONDS`, [long])).toBe(true);
    expect(over(`${A} REPEATS 2 TIMES WITHIN 1 SECONDS`, [long])).toBe(false);
    expect(over(`${A} REPEATS 2 TIMES WITHIN 3601 SECONDS`, [long])).toBe(true);
    const point = obs('a', '00:00:00', { n: 2 });
    expect(over(`${A} REPEATS 2 TIMES WITHIN 1 SECONDS`, [point])).toBe(true);
    // [0 s, 60 s] and an instant at 30 s: the two can be at most 30 s apart.
    const pair = [obs('a', '00:00:00', { until: '00:01:00' }), obs('b', '00:00:30')];
    expect(over(`(${A} AND ${B}) WITHIN 30.5 SECONDS`, pair)).toBe(true);
    expect(over(`(${A} AND ${B}) WITHIN 30 SECONDS`, pair)).toBe(false);
  });

  it('REPEATS: n matches on different observations', () => {
    const three = [obs('a', '00:00:00'), obs('a', '00:00:01'), obs('a', '00:00:02')];
    expect(over(`${A} REPEATS 3 TIMES`, three)).toBe(true);
    expect(over(`${A} REPEATS 4 TIMES`, three)).toBe(false);
    expect(over(`${A} REPEATS 1 TIMES`, three)).toBe(true);
    expect(over(`${A} REPEATS 5 TIMES`, [obs('a', '00:00:00', { n: 5 })])).toBe(true);
    expect(over(`${A} REPEATS 6 TIMES`, [obs('a', '00:00:00', { n: 5 })])).toBe(false);
    const many = obs('a', '00:00:00', { n: 999_999_999 });
    expect(over(`${A} REPEATS 999999999 TIMES`, [many])).toBe(true);
    expect(over(`${A} REPEATS 1000000000 TIMES`, [many])).toBe(false);
  });

  it('REPEATS binds to the nearest operand (§9.5.2 example)', () => {
    // [b] FOLLOWEDBY [c] REPEATS 5 TIMES: one b, then five c's, all after the b.
    const b = obs('b', '00:00:00');
    const cs = ['01', '02', '03', '04', '05'].map((s) => obs('c', `00:00:${s}`));
    expect(over(`${B} FOLLOWEDBY ${C} REPEATS 5 TIMES`, [b, ...cs])).toBe(true);
    expect(over(`${B} FOLLOWEDBY ${C} REPEATS 5 TIMES`, [b, ...cs.slice(1)])).toBe(false);
    const early = obs('c', '00:00:00', { until: '00:00:00' });
    expect(
      over(`${B} FOLLOWEDBY ${C} REPEATS 5 TIMES`, [obs('b', '00:00:01'), early, ...cs.slice(1)]),
    ).toBe(false);
    // ([b] FOLLOWEDBY [c]) REPEATS 2 TIMES: two b-then-c pairs, four observations.
    expect(over(`(${B} FOLLOWEDBY ${C}) REPEATS 2 TIMES`, [b, cs[0]!])).toBe(false);
    expect(
      over(`(${B} FOLLOWEDBY ${C}) REPEATS 2 TIMES`, [b, cs[0]!, obs('b', '00:00:03'), cs[4]!]),
    ).toBe(true);
  });

  it('REPEATS then WITHIN (§9.8 beaconing example)', () => {
    const beacon = (s: number): TimedObservation => ({
      first_observed: new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString(),
      last_observed: new Date(Date.UTC(2024, 0, 1, 0, 0, s)).toISOString(),
      objects: {
        '0': { type: 'network-traffic', dst_ref: '1' },
        '1': { type: 'domain-name', value: 'example.com' },
      },
    });
    const pattern =
      "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS";
    expect(over(pattern, [0, 400, 800, 1200, 1600].map(beacon))).toBe(true);
    expect(over(pattern, [0, 400, 800, 1200, 1800].map(beacon))).toBe(false);
    expect(over(pattern, [0, 400, 800, 1200, 1800, 1900].map(beacon))).toBe(true);
  });

  it('START/STOP: every matched observation at or after START and before STOP', () => {
    const window = "START t'2024-01-01T00:00:00Z' STOP t'2024-01-01T01:00:00Z'";
    expect(over(`${A} ${window}`, [obs('a', '00:30:00')])).toBe(true);
    expect(over(`${A} ${window}`, [obs('a', '00:00:00')])).toBe(true);
    expect(over(`${A} ${window}`, [obs('a', '01:00:00')])).toBe(false);
    expect(over(`${A} ${window}`, [obs('a', '00:59:59', { until: '01:00:01' })])).toBe(false);
    expect(over(`(${A} AND ${B}) ${window}`, [obs('a', '00:30:00'), obs('b', '02:00:00')])).toBe(
      false,
    );
    expect(over(`${A} AND ${B} ${window}`, [obs('a', '02:30:00'), obs('b', '00:20:00')])).toBe(
      true,
    );
  });

  it('combines qualifiers left to right', () => {
    const list = [obs('a', '00:00:00'), obs('a', '00:00:10'), obs('a', '00:20:00')];
    expect(over(`${A} REPEATS 2 TIMES WITHIN 60 SECONDS`, list)).toBe(true);
    expect(over(`${A} REPEATS 3 TIMES WITHIN 60 SECONDS`, list)).toBe(false);
    expect(over(`(${A} WITHIN 60 SECONDS) REPEATS 3 TIMES`, list)).toBe(true);
  });
});

describe('observations without usable times', () => {
  const timeless = { objects: { '0': { type: 'x', v: 'a' } } } as unknown as TimedObservation;
  const bad = { ...obs('a', '00:00:00'), first_observed: 'yesterday' };
  const reversed = { ...obs('a', '00:00:10'), last_observed: '2024-01-01T00:00:00Z' };

  it('satisfy no START/STOP or FOLLOWEDBY, but a lone observation is WITHIN any window', () => {
    for (const o of [timeless, bad, reversed]) {
      expect(over(A, [o])).toBe(true);
      expect(over(`${A} WITHIN 1 SECONDS`, [o])).toBe(true);
      expect(over(`${A} START t'2000-01-01T00:00:00Z' STOP t'2100-01-01T00:00:00Z'`, [o])).toBe(
        false,
      );
      expect(over(`${A} FOLLOWEDBY ${B}`, [o, obs('b', '23:00:00')])).toBe(false);
      expect(over(`(${A} AND ${B}) WITHIN 86400 SECONDS`, [o, obs('b', '00:00:00')])).toBe(false);
    }
  });
});

describe('evaluatePattern on one observation', () => {
  const observed = {
    first_observed: '2024-01-01T00:00:00Z',
    last_observed: '2024-01-01T00:00:00Z',
    number_observed: 1,
    objects: { '0': { type: 'x', v: 'a' } },
  };

  it('treats observation operators and qualifiers over that one observation', () => {
    expect(evaluatePattern(`${A} WITHIN 5 SECONDS`, observed)).toBe(true);
    expect(evaluatePattern(`${A} AND ${A}`, observed)).toBe(false);
    expect(evaluatePattern(`${A} AND ${A}`, { ...observed, number_observed: 2 })).toBe(true);
    expect(evaluatePattern(`${A} OR ${B}`, observed)).toBe(true);
    expect(evaluatePattern(`${A} REPEATS 2 TIMES`, observed)).toBe(false);
    expect(
      evaluatePattern(`${A} START t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z'`, observed),
    ).toBe(true);
    expect(
      evaluatePattern(`${A} START t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00Z'`, [
        { type: 'x', v: 'a' },
      ]),
    ).toBe(false);
  });
});

describe('limits', () => {
  it("gives up with 'evaluation-limit' rather than search forever", () => {
    const many = Array.from({ length: 200 }, (_, i) =>
      obs(
        'a',
        `00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`,
      ),
    );
    let thrown: unknown;
    try {
      over(`${A} REPEATS 4 TIMES`, many);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(PatternError);
    expect((thrown as PatternError).code).toBe('evaluation-limit');
    // Small searches stay well inside the limit.
    expect(over(`${A} REPEATS 2 TIMES`, many.slice(0, 100))).toBe(true);
  });
});
