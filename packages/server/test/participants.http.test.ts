import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  OBSERVER,
  snapshot,
  count,
  type Session,
  type TestApp,
} from './support/app';
import { collectPages } from './support/app';
import { meStatus } from './support/app';
import { dialectName } from './support/database';
import { demoKeyPair } from '../src/demo/community';

interface Participant {
  id: string;
  name: string;
  kind: string;
  countryCode: string | null;
  countryName: string | null;
  userCount: number;
  status: string;
}

describe(`participants and keys (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, ADMIN);
    estonia = await login(t.app, ESTONIA);
    kenya = await login(t.app, KENYA);
  });
  afterAll(() => t.close());

  it('lists participants with search, kind filter and stable cursor pagination', async () => {
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants?limit=3',
      headers: { cookie: kenya.cookie },
    });
    expect(first.json<{ items: Participant[] }>().items).toHaveLength(3);
    const all = await collectPages<Participant>(t.app, '/api/v1/participants?limit=3', {
      cookie: kenya.cookie,
    });
    expect(all.length).toBe(10);
    expect(new Set(all.map((p) => p.id)).size).toBe(10);
    const names = all.map((p) => p.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const states = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants?kind=state',
      headers: { cookie: kenya.cookie },
    });
    expect(
      states
        .json<{ items: Participant[] }>()
        .items.map((p) => p.countryCode)
        .sort(),
    ).toEqual(['BRA', 'EST', 'KEN', 'SGP']);
    const search = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants?q=gridworks',
      headers: { cookie: kenya.cookie },
    });
    expect(search.json<{ items: Participant[] }>().items.map((p) => p.name)).toEqual([
      'Gridworks Industrial Systems',
    ]);
    const kenyaRow = all.find((p) => p.countryCode === 'KEN');
    expect(kenyaRow).toMatchObject({ countryName: 'Kenya', userCount: 1, kind: 'state' });
  });

  it('rejects a cursor it did not issue', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants?cursor=garbage',
      headers: { cookie: kenya.cookie },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'cursor' }] });
  });

  it('lets the secretariat admit a state with its ISO 3166-1 alpha-3 code, audited in the same transaction', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: admin.headers(),
      payload: { name: 'Republic of Ghana', kind: 'state', countryCode: 'gha' },
    });
    expect(res.statusCode).toBe(201);
    const p = res.json<Participant>();
    expect(p).toMatchObject({ countryCode: 'GHA', countryName: 'Ghana', status: 'active' });
    expect(
      await count(
        t.deps,
        'audit_events',
        `action = 'participant.create' and subject_id = '${p.id}'`,
      ),
    ).toBe(1);
  });

  it('validates country codes: required for states, refused for others, must exist, one participant per state', async () => {
    const cases: [object, string, string][] = [
      [{ name: 'No Code Land', kind: 'state' }, 'VALIDATION_FAILED', 'countryCode'],
      [{ name: 'Nowhere', kind: 'state', countryCode: 'XYZ' }, 'VALIDATION_FAILED', 'countryCode'],
      [{ name: 'A CERT', kind: 'cert', countryCode: 'FRA' }, 'VALIDATION_FAILED', 'countryCode'],
      [{ name: 'Kenya again', kind: 'state', countryCode: 'KEN' }, 'COUNTRY_TAKEN', 'countryCode'],
      [{ name: 'republic of kenya', kind: 'cert' }, 'NAME_TAKEN', 'name'],
      [{ name: 'X', kind: 'planet' }, 'VALIDATION_FAILED', 'kind'],
    ];
    const before = await snapshot(t.deps);
    for (const [payload, code, field] of cases) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/participants',
        headers: admin.headers(),
        payload,
      });
      expect(res.json(), JSON.stringify(payload)).toMatchObject({
        code,
        errors: expect.arrayContaining([expect.objectContaining({ field })]) as unknown,
      });
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses participant creation by anyone but the secretariat, and nothing changes', async () => {
    const before = await snapshot(t.deps);
    for (const s of [estonia, kenya, await login(t.app, OBSERVER)]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/participants',
        headers: s.headers(),
        payload: { name: 'Rogue CERT', kind: 'cert' },
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
    }
    const after = await snapshot(t.deps);
    expect(after.participants).toEqual(before.participants);
    expect(after.audit_events!.length - before.audit_events!.length).toBe(1); // the observer's login only
  });

  it("lets a participant's admin edit it but not suspend it; others are refused", async () => {
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${estonia.participantId}`,
      headers: estonia.headers(),
      payload: { description: 'Updated by Estonia' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json<{ description: string }>().description).toBe('Updated by Estonia');
    const before = await snapshot(t.deps);
    const suspend = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${estonia.participantId}`,
      headers: estonia.headers(),
      payload: { status: 'suspended' },
    });
    expect(suspend.json()).toMatchObject({ code: 'FORBIDDEN' });
    const other = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${estonia.participantId}`,
      headers: kenya.headers(),
      payload: { description: 'hijacked' },
    });
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('suspending a participant signs its people out', async () => {
    const brazil = await login(t.app, 'diplomat@brazil.example');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${brazil.participantId}`,
      headers: admin.headers(),
      payload: { status: 'suspended' },
    });
    expect(res.json()).toMatchObject({ status: 'suspended' });
    expect(await meStatus(t.app, { cookie: brazil.cookie })).toBe(401);
    expect(await count(t.deps, 'audit_events', `action = 'participant.suspend'`)).toBe(1);
  });

  it('answers 404 for an unknown participant', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants/00000000-0000-4000-8000-000000000000',
      headers: { cookie: kenya.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  describe('Ed25519 keys', () => {
    it('lists the demo keys and registers a raw base64 key and a PEM key', async () => {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: { cookie: kenya.cookie },
      });
      expect(list.json<{ items: { status: string }[] }>().items).toHaveLength(1);
      const raw = demoKeyPair('extra-1').publicKeyRaw.toString('base64');
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: estonia.headers(),
        payload: { label: 'MFA signing 2027', publicKey: raw },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ publicKey: raw, algorithm: 'ed25519', status: 'active' });
      const { createPublicKey } = await import('node:crypto');
      const pemText = createPublicKey(demoKeyPair('test-pem').privateKey)
        .export({ type: 'spki', format: 'pem' })
        .toString();
      const viaPem = await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: estonia.headers(),
        payload: { label: 'PEM key', publicKey: pemText },
      });
      expect(viaPem.statusCode).toBe(201);
      expect(viaPem.json<{ publicKey: string }>().publicKey).toBe(
        demoKeyPair('test-pem').publicKeyRaw.toString('base64'),
      );
      const dup = await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: estonia.headers(),
        payload: { label: 'again', publicKey: raw },
      });
      expect(dup.json()).toMatchObject({ code: 'KEY_EXISTS', status: 409 });
    });

    it('rejects keys that are not Ed25519 public keys, naming the field', async () => {
      for (const publicKey of [
        'AAAA',
        'not base64 !!',
        Buffer.alloc(33).toString('base64'),
        '-----BEGIN PUBLIC KEY-----\nnope\n-----END PUBLIC KEY-----',
      ]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `/api/v1/participants/${estonia.participantId}/keys`,
          headers: estonia.headers(),
          payload: { label: 'bad', publicKey },
        });
        expect(res.statusCode, publicKey).toBe(400);
        expect(res.json()).toMatchObject({
          code: 'VALIDATION_FAILED',
          errors: [{ field: 'publicKey' }],
        });
      }
    });

    it("refuses key changes by another participant's admin, and revokes with a reason", async () => {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: { cookie: estonia.cookie },
      });
      const key = list.json<{ items: { id: string }[] }>().items[0]!;
      const before = await snapshot(t.deps);
      const forbidden = await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${estonia.participantId}/keys/${key.id}/revoke`,
        headers: kenya.headers(),
        payload: { reason: 'because' },
      });
      expect(forbidden.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot(t.deps)).toEqual(before);
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/participants/${estonia.participantId}/keys/${key.id}/revoke`,
        headers: estonia.headers(),
        payload: { reason: 'rotated' },
      });
      expect(res.json()).toMatchObject({ status: 'revoked', revokedReason: 'rotated' });
      expect(
        await count(t.deps, 'audit_events', `action = 'key.revoke' and subject_id = '${key.id}'`),
      ).toBe(1);
    });
  });
});
