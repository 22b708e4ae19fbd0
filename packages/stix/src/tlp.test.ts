/** TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (OASIS extension) markings, order and audience. */
import { describe, expect, it } from 'vitest';
import type { TlpDistribution, TlpLevel, TlpViewer } from './tlp';
import {
  TLP1,
  TLP2,
  TLP2_EXTENSION_ID,
  TLP_LEVELS,
  compareTlp,
  strictestTlp,
  tlpAllows,
  tlpAllowsResharing,
  tlpOf,
  tlpOfMarkingId,
} from './tlp';
import { validateObject } from './validate/object';

describe('marking definitions', () => {
  it('TLP 2.0: the five OASIS objects', () => {
    expect(Object.fromEntries(TLP_LEVELS.map((l) => [l, TLP2[l]['id']]))).toEqual({
      clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
      green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
      amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
      'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
    });
    expect(TLP2['amber+strict']).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
      created: '2022-10-01T00:00:00.000Z',
      name: 'TLP:AMBER+STRICT',
      extensions: {
        'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': {
          extension_type: 'property-extension',
          tlp_2_0: 'amber+strict',
        },
      },
    });
    expect(TLP2_EXTENSION_ID).toBe('extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d');
  });

  it('TLP 1.0: the four objects of §7.2.1.4', () => {
    expect(TLP1.white).toEqual({
      type: 'marking-definition',
      spec_version: '2.1',
      id: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
      created: '2017-01-20T00:00:00.000Z',
      definition_type: 'tlp',
      name: 'TLP:WHITE',
      definition: { tlp: 'white' },
    });
    expect([TLP1.green['id'], TLP1.amber['id'], TLP1.red['id']]).toEqual([
      'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
      'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
      'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
    ]);
  });

  it('all nine validate cleanly and cannot be mutated', () => {
    for (const marking of [...Object.values(TLP1), ...Object.values(TLP2)]) {
      expect(validateObject(marking)).toEqual({ valid: true, errors: [], warnings: [] });
      expect(Object.isFrozen(marking)).toBe(true);
      expect(Object.isFrozen(marking['extensions'] ?? marking['definition'])).toBe(true);
    }
  });
});

describe('levels', () => {
  it('maps marking ids, TLP 1.0 WHITE to clear', () => {
    expect(TLP_LEVELS.map((l) => tlpOfMarkingId(TLP2[l]['id'] as string))).toEqual(TLP_LEVELS);
    expect(tlpOfMarkingId(TLP1.white['id'] as string)).toBe('clear');
    expect(tlpOfMarkingId(TLP1.green['id'] as string)).toBe('green');
    expect(tlpOfMarkingId(TLP1.amber['id'] as string)).toBe('amber');
    expect(tlpOfMarkingId(TLP1.red['id'] as string)).toBe('red');
    expect(tlpOfMarkingId('marking-definition--00000000-0000-4000-8000-000000000001')).toBeNull();
    expect(tlpOfMarkingId(42 as unknown as string)).toBeNull();
  });

  it('is a total order from clear to red', () => {
    for (const [i, a] of TLP_LEVELS.entries()) {
      for (const [j, b] of TLP_LEVELS.entries())
        expect(Math.sign(compareTlp(a, b))).toBe(Math.sign(i - j));
    }
    expect(strictestTlp(['green', 'amber+strict', 'amber'])).toBe('amber+strict');
    expect(strictestTlp([])).toBeNull();
  });

  it('tlpOf takes the strictest TLP among object_marking_refs and ignores other markings', () => {
    const statement = 'marking-definition--fa42a846-8d90-4e51-bc29-71d5b4802168';
    expect(tlpOf({ object_marking_refs: [statement, TLP1.white['id'], TLP2.amber['id']] })).toBe(
      'amber',
    );
    expect(tlpOf({ object_marking_refs: [TLP2.red['id'], TLP1.green['id']] })).toBe('red');
    expect(tlpOf({ object_marking_refs: [statement] })).toBeNull();
    expect(tlpOf({})).toBeNull();
    expect(tlpOf({ object_marking_refs: 'not a list' })).toBeNull();
    expect(tlpOf(null as unknown as object)).toBeNull();
  });
});

describe('audience', () => {
  const distribution: TlpDistribution = {
    originOrganisationId: 'org-origin',
    recipientOrganisationIds: ['org-recipient'],
    recipientUserIds: ['alice'],
  };
  const viewers: Record<string, TlpViewer> = {
    anonymous: { authenticated: false, communityMember: false, organisationId: null, userId: null },
    'community member of another organisation': {
      authenticated: true,
      communityMember: true,
      organisationId: 'org-other',
      userId: 'bob',
    },
    'member of the originating organisation': {
      authenticated: true,
      communityMember: true,
      organisationId: 'org-origin',
      userId: 'olga',
    },
    'member of a recipient organisation': {
      authenticated: true,
      communityMember: true,
      organisationId: 'org-recipient',
      userId: 'rita',
    },
    'named individual recipient': {
      authenticated: true,
      communityMember: true,
      organisationId: 'org-elsewhere',
      userId: 'alice',
    },
  };
  const expected: Record<TlpLevel, boolean[]> = {
    clear: [true, true, true, true, true],
    green: [false, true, true, true, true],
    amber: [false, false, true, true, true],
    'amber+strict': [false, false, true, true, true],
    red: [false, false, false, false, true],
  };

  it.each(TLP_LEVELS)('%s', (level) => {
    const got = Object.values(viewers).map((v) => tlpAllows(level, v, distribution));
    expect(Object.fromEntries(Object.keys(viewers).map((k, i) => [k, got[i]]))).toEqual(
      Object.fromEntries(Object.keys(viewers).map((k, i) => [k, expected[level][i]])),
    );
  });

  it('RED reaches the author only when the author is a named recipient', () => {
    const author = viewers['member of the originating organisation'] as TlpViewer;
    expect(tlpAllows('red', author, distribution)).toBe(false);
    expect(tlpAllows('red', author, { ...distribution, recipientUserIds: ['alice', 'olga'] })).toBe(
      true,
    );
  });

  it('an unauthenticated viewer never passes beyond CLEAR, whatever ids it claims', () => {
    const impostor: TlpViewer = {
      authenticated: false,
      communityMember: true,
      organisationId: 'org-origin',
      userId: 'alice',
    };
    expect(TLP_LEVELS.filter((l) => tlpAllows(l, impostor, distribution))).toEqual(['clear']);
  });

  it('a viewer without an organisation sees AMBER only when named', () => {
    const loner: TlpViewer = {
      authenticated: true,
      communityMember: true,
      organisationId: null,
      userId: 'zoe',
    };
    expect(tlpAllows('amber', loner, { ...distribution, originOrganisationId: null })).toBe(false);
    expect(tlpAllows('amber', loner, { ...distribution, recipientUserIds: ['zoe'] })).toBe(true);
  });

  it('resharing: allowed for CLEAR, GREEN, AMBER; not for AMBER+STRICT or RED', () => {
    expect(TLP_LEVELS.filter(tlpAllowsResharing)).toEqual(['clear', 'green', 'amber']);
  });
});
