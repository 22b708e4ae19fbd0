import { describe, expect, it } from 'vitest';
import { doctrineDiff, listChange, type DoctrineContent } from './diff';

const v1: DoctrineContent = {
  version: 1,
  title: 'Doctrine',
  summary: 'We defend our networks and respect international law.',
  visibility: 'public',
  redLines: [
    'No operations against hospitals.',
    'No attacks on electoral infrastructure.',
    'No disruption of the public core of the internet.',
  ],
  thresholds: ['Loss of life.'],
  permissibleDefence: ['Patching.'],
  commitments: [
    { normId: 'GGE-2015-13f', statement: 'No damage to critical infrastructure.', conditions: '' },
    { normId: 'CONCORD-R7', statement: 'No escalation.', conditions: '' },
    { normId: 'GGE-2015-13k', statement: 'CERTs are off limits.', conditions: '' },
  ],
};

const v2: DoctrineContent = {
  ...v1,
  version: 2,
  title: 'Doctrine (revised)',
  summary: 'We defend our networks, help our partners and respect international law.',
  redLines: [
    'No operations against hospitals.',
    'No attacks on electoral infrastructure or voter registers.',
    'No interference with satellite navigation.',
  ],
  commitments: [
    { normId: 'GGE-2015-13f', statement: 'No damage to critical infrastructure.', conditions: '' },
    { normId: 'CONCORD-R7', statement: 'No escalation.', conditions: 'If reciprocated.' },
    { normId: 'CONCORD-R5', statement: 'We share threat intelligence.', conditions: '' },
  ],
};

describe('listChange', () => {
  it('pairs a reworded item and keeps genuinely new and dropped ones apart', () => {
    const c = listChange(v1.redLines, v2.redLines);
    expect(c.unchanged).toEqual(['No operations against hospitals.']);
    expect(c.reworded.map((r) => [r.from, r.to])).toEqual([
      [
        'No attacks on electoral infrastructure.',
        'No attacks on electoral infrastructure or voter registers.',
      ],
    ]);
    expect(c.added).toEqual(['No interference with satellite navigation.']);
    expect(c.removed).toEqual(['No disruption of the public core of the internet.']);
  });

  it('is empty for the same list', () => {
    expect(listChange(['a b'], ['a b'])).toEqual({
      added: [],
      removed: [],
      reworded: [],
      unchanged: ['a b'],
    });
  });
});

describe('doctrineDiff', () => {
  const d = doctrineDiff(v1, v2);

  it('reports title and summary changes with a word diff', () => {
    expect(d.from).toBe(1);
    expect(d.to).toBe(2);
    expect(d.title).toEqual({ from: 'Doctrine', to: 'Doctrine (revised)', changed: true });
    expect(d.summary.changed).toBe(true);
    expect(
      d.summary.diff
        .filter((p) => p.op === 'insert')
        .map((p) => p.text)
        .join(''),
    ).toContain('help our partners');
    expect(d.visibility.changed).toBe(false);
  });

  it('reports commitments made, withdrawn and changed by norm', () => {
    expect(d.commitments.added.map((c) => c.normId)).toEqual(['CONCORD-R5']);
    expect(d.commitments.removed.map((c) => c.normId)).toEqual(['GGE-2015-13k']);
    expect(d.commitments.unchanged).toEqual(['GGE-2015-13f']);
    expect(d.commitments.changed).toHaveLength(1);
    expect(d.commitments.changed[0]).toMatchObject({
      normId: 'CONCORD-R7',
      from: { conditions: '' },
      to: { conditions: 'If reciprocated.' },
    });
  });

  it('is empty between a version and itself', () => {
    const same = doctrineDiff(v1, v1);
    expect(same.summary.changed).toBe(false);
    expect(same.commitments.changed).toEqual([]);
    expect(same.redLines.added).toEqual([]);
    expect(same.redLines.removed).toEqual([]);
  });
});
