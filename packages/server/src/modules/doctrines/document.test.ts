import { describe, expect, it } from 'vitest';
import { checkDoctrineDocument, type DoctrineDocument } from './document';

const valid: DoctrineDocument = {
  participantId: '0b7c1b1e-3f7a-4d0e-9a55-1c2d3e4f5a6b',
  version: 2,
  previousVersion: 1,
  title: 'National doctrine',
  summary: 'How we see it.',
  redLines: ['No attacks on hospitals.'],
  thresholds: [],
  permissibleDefence: ['Patching.'],
  commitments: [
    { normId: 'GGE-2015-13f', statement: 'We will not damage critical infrastructure.' },
    { normId: 'CONCORD-R7', statement: 'No escalation.', conditions: 'If reciprocated.' },
  ],
  visibility: 'public',
};

const fieldsOf = (payload: unknown) => {
  const r = checkDoctrineDocument(payload);
  return r.ok ? [] : r.errors.map((e) => e.field);
};

describe('checkDoctrineDocument', () => {
  it('accepts a complete document', () => {
    expect(checkDoctrineDocument(valid)).toEqual({ ok: true, document: valid });
  });

  it('needs at least one red line, each 1–2,000 characters, at most 50', () => {
    expect(fieldsOf({ ...valid, redLines: [] })).toEqual(['redLines']);
    expect(fieldsOf({ ...valid, redLines: ['ok', 'x'.repeat(2001)] })).toEqual(['redLines.1']);
    expect(fieldsOf({ ...valid, redLines: ['  '] })).toEqual(['redLines.0']);
    expect(fieldsOf({ ...valid, redLines: Array.from({ length: 51 }, () => 'a') })).toEqual([
      'redLines',
    ]);
  });

  it('names every offending field, including unknown ones', () => {
    expect(fieldsOf({ ...valid, version: 0, extra: true })).toEqual(
      expect.arrayContaining(['version', 'extra']),
    );
    expect(fieldsOf({ ...valid, commitments: [{ normId: 'not a norm', statement: 's' }] })).toEqual(
      ['commitments.0.normId'],
    );
    expect(fieldsOf({ ...valid, version: '2' })).toEqual(['version']);
    expect(fieldsOf(null)).toEqual(['(payload)']);
  });

  it('wants previousVersion to be version − 1 when given', () => {
    expect(fieldsOf({ ...valid, previousVersion: 3 })).toEqual(['previousVersion']);
    const { previousVersion: _omit, ...withoutPrevious } = valid;
    expect(fieldsOf(withoutPrevious)).toEqual([]);
  });

  it('refuses two commitments to the same norm', () => {
    const twice = [...valid.commitments, { normId: 'GGE-2015-13f', statement: 'Again.' }];
    expect(fieldsOf({ ...valid, commitments: twice })).toEqual(['commitments.2.normId']);
  });
});
