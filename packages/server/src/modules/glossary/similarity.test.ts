import { describe, expect, it } from 'vitest';
import { DEFAULT_DIVERGENCE_THRESHOLD, similarity, stem, tokens } from './similarity';

describe('stem', () => {
  it('brings inflections of one word together', () => {
    const forms = ['disrupts', 'disrupted', 'disruption', 'disrupting', 'disrupt'];
    expect(new Set(forms.map(stem))).toEqual(new Set(['disrupt']));
    expect(stem('authorized')).toBe(stem('authorised'));
    expect(stem('services')).toBe(stem('service'));
    expect(stem('utilities')).toBe('utility');
    expect(stem('damaging')).toBe(stem('damage'));
  });

  it('leaves short words, numbers and -ss/-us/-is endings alone', () => {
    expect(stem('use')).toBe('use');
    expect(stem('72h')).toBe('72h');
    expect(stem('access')).toBe('access');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
  });
});

describe('tokens', () => {
  it('folds case and accents, drops stop words and punctuation', () => {
    expect(tokens('The Critical, critical INFRASTRUCTURE of a Staté')).toEqual([
      'critical',
      'critical',
      'infrastructur',
      'stat',
    ]);
    expect(tokens('')).toEqual([]);
    expect(tokens('of the and')).toEqual([]);
  });

  it('keeps numbers, which thresholds turn on', () => {
    expect(tokens('more than 10,000 users for 4 hours')).toEqual(['10', '000', 'user', 'hour']);
  });
});

describe('similarity', () => {
  const harmonised =
    'Systems, networks and assets whose disruption would seriously harm public health or safety, the economy, or the functioning of the state.';

  it('is 1 for the same text however it is cased or punctuated', () => {
    expect(similarity(harmonised, harmonised.toUpperCase().replace(/,/g, ''))).toBe(1);
  });

  it('is symmetric and within [0, 1]', () => {
    const other = 'Facilities essential to national defence.';
    expect(similarity(harmonised, other)).toBe(similarity(other, harmonised));
    expect(similarity(harmonised, other)).toBeGreaterThanOrEqual(0);
    expect(similarity(harmonised, other)).toBeLessThanOrEqual(1);
  });

  it('scores an elaboration of the harmonised text above the divergence threshold', () => {
    const elaborated = `${harmonised} This includes space-based assets and undersea cables.`;
    expect(similarity(harmonised, elaborated)).toBeGreaterThan(DEFAULT_DIVERGENCE_THRESHOLD);
  });

  it('scores a definition built from other concepts below the threshold', () => {
    const different =
      'Installations designated by the Minister of Defence as vital to national security in time of war.';
    expect(similarity(harmonised, different)).toBeLessThan(DEFAULT_DIVERGENCE_THRESHOLD);
  });

  it('computes the cosine of stem counts exactly', () => {
    // a = {cat:1, dog:1}, b = {cat:1} → 1 / (√2 · 1)
    expect(similarity('cats and dogs', 'a cat')).toBeCloseTo(1 / Math.SQRT2, 12);
    expect(similarity('cat', 'dog')).toBe(0);
  });

  it('treats texts without content words as identical to each other and unlike anything else', () => {
    expect(similarity('', 'the')).toBe(1);
    expect(similarity('', 'harm')).toBe(0);
  });
});
