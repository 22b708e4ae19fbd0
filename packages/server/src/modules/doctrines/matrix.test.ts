import { describe, expect, it } from 'vitest';
import { buildMatrix, matrixToCsv, type MatrixNorm, type MatrixParticipant } from './matrix';

const norms: MatrixNorm[] = [
  {
    id: 'GGE-2015-13f',
    title: 'Do not damage critical infrastructure',
    category: 'prohibition',
    pillar: 1,
    status: 'adopted',
  },
  {
    id: 'CONCORD-R7',
    title: 'Do not escalate, when unclear',
    category: 'restraint',
    pillar: 2,
    status: 'adopted',
  },
];
const participants: MatrixParticipant[] = [
  {
    id: 'p1',
    name: 'Republic of Estonia',
    shortName: 'Estonia',
    kind: 'state',
    countryCode: 'EST',
    version: 2,
  },
  {
    id: 'p2',
    name: 'African Union',
    shortName: null,
    kind: 'regional_organisation',
    countryCode: null,
    version: null,
  },
];

describe('buildMatrix', () => {
  const m = buildMatrix(norms, participants, [
    { participantId: 'p1', normId: 'GGE-2015-13f', conditions: '' },
    { participantId: 'p1', normId: 'CONCORD-R7', conditions: 'If reciprocated.' },
    { participantId: 'p9', normId: 'CONCORD-R7', conditions: '' },
  ]);

  it('marks committed, conditional and none per norm and participant, in the given orders', () => {
    expect(m.rows).toEqual([
      {
        normId: 'GGE-2015-13f',
        cells: [
          { participantId: 'p1', status: 'committed' },
          { participantId: 'p2', status: 'none' },
        ],
        totals: { committed: 1, conditional: 0, none: 1 },
      },
      {
        normId: 'CONCORD-R7',
        cells: [
          { participantId: 'p1', status: 'conditional' },
          { participantId: 'p2', status: 'none' },
        ],
        totals: { committed: 0, conditional: 1, none: 1 },
      },
    ]);
  });

  it('exports the same cells as RFC 4180 CSV with a header row', () => {
    expect(matrixToCsv(m)).toBe(
      'norm_id,title,category,pillar,status,Estonia (EST),African Union\r\n' +
        'GGE-2015-13f,Do not damage critical infrastructure,prohibition,1,adopted,committed,none\r\n' +
        'CONCORD-R7,"Do not escalate, when unclear",restraint,2,adopted,conditional,none\r\n',
    );
  });
});
