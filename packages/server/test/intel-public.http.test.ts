/**
 * The public portal's intelligence: TLP:CLEAR objects only, to anyone, without the collection
 * they sit in; everything else is "not found", and graphs and sightings keep to CLEAR too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, login, ANALYST, type TestApp } from './support/app';
import { dialectName } from './support/database';

interface Summary {
  id: string;
  type: string;
  name: string | null;
  tlp: string;
  collectionId?: string;
}

describe(`intel: public portal (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 180_000);
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/intel${url}`, headers });

  it('lists TLP:CLEAR objects to anyone, without their collection', async () => {
    const res = await get('/objects?limit=200');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<{ items: Summary[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.tlp))).toEqual(new Set(['clear']));
    expect(items.some((i) => 'collectionId' in i)).toBe(false);
    // The demo's CLEAR indicator is there; its GREEN campaign and AMBER intrusion set are not.
    const names = items.map((i) => i.name);
    expect(names).toContain('Frostline C2 server');
    expect(names).not.toContain('Operation Frostline');
    expect(names).not.toContain('COLD HARBOR');
  });

  it('searches CLEAR objects only, and a signed-in member gets the same public answer', async () => {
    const anonymous = await get('/objects?q=Frostline');
    const member = await login(t.app, ANALYST);
    const signedIn = await get('/objects?q=Frostline', member.headers());
    for (const res of [anonymous, signedIn]) {
      expect(res.statusCode, res.body).toBe(200);
      const items = res.json<{ items: Summary[] }>().items;
      expect(items.map((i) => i.name)).toEqual(['Frostline C2 server']);
    }
  });

  it('shows a CLEAR object with CLEAR neighbours and sightings only; anything else is not found', async () => {
    const list = (await get('/objects?type=indicator')).json<{ items: Summary[] }>().items;
    const clear = list.find((i) => i.name === 'Frostline C2 server')!;
    const detail = await get(`/objects/${clear.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json<{
      tlp: string;
      collectionId?: string;
      graph: { nodes: { id: string }[]; edges: unknown[] };
      sightings: { total: number } | null;
    }>();
    expect(d.tlp).toBe('clear');
    expect(d).not.toHaveProperty('collectionId');
    // Its 'indicates' relationship and the members' sightings are GREEN: not public.
    expect(d.graph.edges).toEqual([]);
    expect(d.graph.nodes.map((n) => n.id)).toEqual([clear.id]);
    expect(d.sightings?.total).toBe(0);

    const member = await login(t.app, ANALYST);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/intel/objects?q=Operation%20Frostline',
      headers: member.headers(),
    });
    const campaign = all.json<{ items: Summary[] }>().items.find((i) => i.type === 'campaign')!;
    expect(campaign).toBeDefined();
    const hidden = await get(`/objects/${campaign.id}`);
    expect(hidden.statusCode).toBe(404);
    const unknown = await get('/objects/indicator--00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    expect(hidden.json<{ code: string }>().code).toBe(unknown.json<{ code: string }>().code);
  });
});
