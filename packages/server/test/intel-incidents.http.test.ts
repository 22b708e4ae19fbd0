/**
 * Incidents and their links (modules/intel/incidents.ts): reporting a STIX incident with its
 * first links, linking and unlinking objects, the links of an object either way, TLP on every
 * list and count, refusals that change nothing, and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateBundle } from '@concord/stix';
import {
  ANALYST,
  collectPages,
  count,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  OBSERVER,
  snapshot,
  type Session,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';
import {
  basic,
  collectionIds,
  identity,
  indicator,
  postEnvelope,
  ROOT,
  taxiiHeaders,
  type Envelope,
  type TaxiiStatus,
} from './support/intel';

const SINGAPORE = 'diplomat@singapore.example';

interface LinkView {
  linkId: string;
  relationshipType: string;
  direction: 'outgoing' | 'incoming';
  linkTlp: string;
  mine: boolean;
  object: { id: string; type: string; name: string | null; tlp: string };
}
interface LinkPage {
  items: LinkView[];
  nextCursor: string | null;
  counts: { type: string; count: number }[];
  total: number;
}
interface IncidentView {
  id: string;
  name: string | null;
  tlp: string;
  labels: string[];
  description: string | null;
  createdBy: string | null;
  links: number;
}

describe(`intel: incidents and their links (${dialectName})`, () => {
  let t: TestApp;
  let s: Record<string, Session>;
  let regime: string;
  let energy: string;
  const green = indicator('green', { name: 'incident test green indicator' });
  const amber = indicator('amber', { name: 'incident test amber indicator' });
  const red = indicator('red', { name: 'incident test red indicator' });
  /** In the energy-sector collection, which Kenya (and others) may not read. */
  const energyOnly = indicator('green', { name: 'incident test energy-only indicator' });
  const host = identity('incident test operator', {
    object_marking_refs: green.object_marking_refs,
  });

  const get = (who: string, url: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s[who]!.headers() });
  const post = (who: string, url: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, headers: s[who]!.headers(), payload });
  const del = (who: string, url: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1${url}`, headers: s[who]!.headers() });
  const links = async (who: string, id: string, query = '') => {
    const res = await get(who, `/intel/objects/${id}/links${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<LinkPage>();
  };
  const report = async (who: string, body: Record<string, unknown>) => {
    const res = await post(who, '/intel/incidents', { collectionId: regime, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string; links: string[] }>();
  };

  beforeAll(async () => {
    t = await createTestApp({ config: { sessionIdleMinutes: 60 * 24 } });
    s = {};
    for (const who of [ANALYST, ESTONIA, KENYA, OBSERVER, SINGAPORE]) {
      s[who] = await login(t.app, who);
    }
    const cols = await collectionIds(t.app, ANALYST);
    regime = cols.get('regime-indicators')!;
    energy = cols.get('energy')!;
    const res = await postEnvelope(t.app, regime, basic(ANALYST), [green, amber, red, host]);
    expect(res.json<TaxiiStatus>().success_count).toBe(4);
    const sector = await postEnvelope(t.app, energy, basic(ANALYST), [energyOnly]);
    expect(sector.json<TaxiiStatus>().success_count).toBe(1);
  }, 120_000);
  afterAll(() => t.close());

  it('reports an incident with its first links, visible from both ends', async () => {
    const { id, links: made } = await report(ANALYST, {
      name: 'Substation HMI ransomware',
      description: 'Engineering workstations encrypted at a distribution operator.',
      labels: ['rsit:malicious-code="ransomware"', 'sector:energy'],
      tlp: 'green',
      links: [{ objectId: green.id }, { objectId: host.id, relationshipType: 'targets' }],
    });
    expect(id).toMatch(/^incident--/);
    expect(made).toHaveLength(2);

    const detail = await get(ESTONIA, `/intel/objects/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ object: Record<string, unknown>; tlp: string }>()).toMatchObject({
      tlp: 'green',
      object: {
        type: 'incident',
        spec_version: '2.1',
        name: 'Substation HMI ransomware',
        labels: ['rsit:malicious-code="ransomware"', 'sector:energy'],
      },
    });

    const page = await links(ESTONIA, id);
    expect(page.total).toBe(2);
    expect(page.counts).toEqual([
      { type: 'identity', count: 1 },
      { type: 'indicator', count: 1 },
    ]);
    expect(page.items.map((l) => [l.object.id, l.relationshipType, l.direction])).toEqual([
      [green.id, 'related-to', 'outgoing'],
      [host.id, 'targets', 'outgoing'],
    ]);
    // The estonian diplomat did not make these links; the analyst's organisation did.
    expect(page.items.every((l) => !l.mine)).toBe(true);
    expect((await links(ANALYST, id)).items.every((l) => l.mine)).toBe(true);

    const back = await links(ESTONIA, green.id, '?type=incident');
    expect(back.items.map((l) => [l.object.id, l.direction])).toEqual([[id, 'incoming']]);

    const list = await get(ESTONIA, '/intel/incidents?q=substation');
    expect(list.statusCode).toBe(200);
    const found = list.json<{ items: IncidentView[] }>().items.find((i) => i.id === id);
    expect(found).toMatchObject({
      name: 'Substation HMI ransomware',
      tlp: 'green',
      links: 2,
      description: 'Engineering workstations encrypted at a distribution operator.',
    });
    const byLabel = await get(
      ESTONIA,
      `/intel/incidents?label=${encodeURIComponent('sector:energy')}`,
    );
    expect(byLabel.json<{ items: IncidentView[] }>().items.map((i) => i.id)).toContain(id);
    const otherLabel = await get(ESTONIA, '/intel/incidents?label=sector%3Afinance');
    expect(otherLabel.json<{ items: IncidentView[] }>().items.map((i) => i.id)).not.toContain(id);

    // The links are STIX relationships, so a TAXII client receives them with the incident.
    const taxii = await t.app.inject({
      method: 'GET',
      url: `${ROOT}/collections/${regime}/objects/?match[id]=${made[1]}`,
      headers: taxiiHeaders(ESTONIA),
    });
    expect(taxii.json<Envelope>().objects).toEqual([
      expect.objectContaining({
        type: 'relationship',
        source_ref: id,
        target_ref: host.id,
        relationship_type: 'targets',
      }),
    ]);
  });

  it('links once: the same pair and type again returns the existing link', async () => {
    const { id } = await report(ANALYST, { name: 'Phishing wave', tlp: 'green' });
    const first = await post(ANALYST, `/intel/incidents/${id}/links`, { objectId: green.id });
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(ANALYST, `/intel/incidents/${id}/links`, { objectId: green.id });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ id: first.json<{ id: string }>().id, created: false });
    const other = await post(ANALYST, `/intel/incidents/${id}/links`, {
      objectId: green.id,
      relationshipType: 'derived-from',
    });
    expect(other.statusCode).toBe(201);
    expect((await links(ANALYST, id)).total).toBe(2);
  });

  it('takes the stricter TLP of the two ends for a link unless one is given', async () => {
    const { id } = await report(ANALYST, { name: 'Amber link test', tlp: 'green' });
    const r = await post(ANALYST, `/intel/incidents/${id}/links`, { objectId: amber.id });
    expect(r.statusCode, r.body).toBe(201);
    const mine = await links(ANALYST, id);
    expect(mine.items.map((l) => l.linkTlp)).toEqual(['amber']);
  });

  it('keeps a link from reaching anyone who may not read both its ends', async () => {
    // A TLP:CLEAR link to a TLP:AMBER indicator would tell everyone the indicator exists.
    const { id } = await report(ANALYST, { name: 'Audience test', tlp: 'green' });
    const before = await snapshot(t.deps);
    const looser = await post(ANALYST, `/intel/incidents/${id}/links`, {
      objectId: amber.id,
      tlp: 'clear',
    });
    expect(looser.statusCode).toBe(400);
    expect(looser.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'tlp' }] });
    // The incident's collection is read by every member; the energy indicator is not.
    const wider = await post(ANALYST, `/intel/incidents/${id}/links`, { objectId: energyOnly.id });
    expect(wider.statusCode).toBe(400);
    expect(wider.json()).toMatchObject({ errors: [{ field: 'collectionId' }] });
    const atReport = await post(ANALYST, '/intel/incidents', {
      collectionId: regime,
      name: 'Too wide',
      links: [{ objectId: energyOnly.id }],
    });
    expect(atReport.statusCode).toBe(400);
    expect(atReport.json()).toMatchObject({ errors: [{ field: 'links/0/objectId' }] });
    expect(await snapshot(t.deps)).toEqual(before);
    // Stored in the energy collection, the link reaches only those who read both ends.
    const narrower = await post(ANALYST, `/intel/incidents/${id}/links`, {
      objectId: energyOnly.id,
      collectionId: energy,
      tlp: 'amber',
    });
    expect(narrower.statusCode, narrower.body).toBe(201);
    expect((await links(ANALYST, id)).items.map((l) => l.object.id)).toEqual([energyOnly.id]);
    expect((await links(KENYA, id)).total).toBe(0);
  });

  describe('TLP holds on every list and count', () => {
    it('a RED incident does not exist for other organisations', async () => {
      const { id } = await report(ANALYST, {
        name: 'Red incident zanzibarite',
        tlp: 'red',
        links: [{ objectId: green.id }],
      });
      expect((await get(ESTONIA, `/intel/objects/${id}`)).statusCode).toBe(404);
      expect((await get(ESTONIA, `/intel/objects/${id}/links`)).statusCode).toBe(404);
      const bundle = await get(ESTONIA, `/intel/incidents/${id}/bundle`);
      expect(bundle.statusCode).toBe(404);
      expect(bundle.body).not.toContain('zanzibarite');
      const list = await get(ESTONIA, '/intel/incidents?q=zanzibarite');
      expect(list.json<{ items: unknown[] }>().items).toEqual([]);
      const back = await links(ESTONIA, green.id, '?type=incident');
      expect(back.items.map((l) => l.object.id)).not.toContain(id);
      expect(back.counts.find((c) => c.type === 'incident')?.count ?? 0).toBe(back.total);
      // Linking to it or removing its links answers as for an incident that does not exist.
      const before = await snapshot(t.deps);
      const link = await post(ESTONIA, `/intel/incidents/${id}/links`, { objectId: green.id });
      expect(link.statusCode).toBe(404);
      expect(link.body).not.toContain('zanzibarite');
      const missing = await post(
        ESTONIA,
        `/intel/incidents/incident--${crypto.randomUUID()}/links`,
        {
          objectId: green.id,
        },
      );
      expect(missing.statusCode).toBe(404);
      expect(link.json<{ detail: string }>().detail).toBe(
        missing.json<{ detail: string }>().detail,
      );
      expect(await snapshot(t.deps)).toEqual(before);
      // The analyst sees it, and it counts for them.
      expect(
        (await links(ANALYST, green.id, '?type=incident')).items.map((l) => l.object.id),
      ).toContain(id);
    });

    it('links to hidden objects, and hidden links, are left out of lists and counts', async () => {
      const { id } = await report(ANALYST, {
        name: 'Mixed visibility',
        tlp: 'green',
        links: [{ objectId: green.id }, { objectId: red.id }],
      });
      // A RED link between two GREEN objects: only the named individual sees it.
      const hiddenLink = await post(ANALYST, `/intel/incidents/${id}/links`, {
        objectId: host.id,
        tlp: 'red',
      });
      expect(hiddenLink.statusCode).toBe(201);

      const analyst = await links(ANALYST, id);
      expect(analyst.total).toBe(3);
      const estonia = await links(ESTONIA, id);
      expect(estonia.total).toBe(1);
      expect(estonia.items.map((l) => l.object.id)).toEqual([green.id]);
      expect(estonia.counts).toEqual([{ type: 'indicator', count: 1 }]);
      expect(JSON.stringify(estonia)).not.toContain(red.id);
      // The incident as a bundle holds what the reader may pass on, and nothing else.
      const bundleOf = async (who: string) => {
        const res = await get(who, `/intel/incidents/${id}/bundle`);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toContain('application/stix+json');
        const b = res.json<{ objects: { id: string; type: string }[] }>();
        const checked = validateBundle(b);
        expect(checked.valid, JSON.stringify(checked.errors)).toBe(true);
        return b.objects;
      };
      const passedOn = await bundleOf(ESTONIA);
      expect(passedOn.map((o) => o.id)).toEqual([id, estonia.items[0]!.linkId, green.id]);
      const analystBundle = await bundleOf(ANALYST);
      expect(analystBundle.filter((o) => o.type === 'relationship')).toHaveLength(3);
      expect(analystBundle.map((o) => o.id)).toEqual(
        expect.arrayContaining([id, green.id, red.id, host.id]),
      );
      expect(new Set(analystBundle.map((o) => o.id)).size).toBe(analystBundle.length);
      const listed = (await get(ESTONIA, '/intel/incidents?q=mixed')).json<{
        items: IncidentView[];
      }>();
      expect(listed.items.find((i) => i.id === id)?.links).toBe(1);
      const graph = (await get(ESTONIA, `/intel/objects/${id}`)).json<{
        graph: { nodes: { id: string }[] };
      }>().graph;
      expect(graph.nodes.map((n) => n.id).sort()).toEqual([green.id, id].sort());
      // Linking a hidden object answers as for one that does not exist.
      const { id: estonian } = await report(ESTONIA, { name: 'Estonian incident', tlp: 'green' });
      const toHidden = await post(ESTONIA, `/intel/incidents/${estonian}/links`, {
        objectId: red.id,
      });
      const toMissing = await post(ESTONIA, `/intel/incidents/${estonian}/links`, {
        objectId: `indicator--${crypto.randomUUID()}`,
      });
      expect(toHidden.statusCode).toBe(404);
      expect(toMissing.statusCode).toBe(404);
      expect(toHidden.json<{ detail: string }>().detail).toBe(
        toMissing.json<{ detail: string }>().detail,
      );
    });
  });

  describe('authorisation: refused requests change nothing', () => {
    it('refuses reports and links from those who may not write', async () => {
      const { id } = await report(ANALYST, { name: 'Refusals', tlp: 'green' });
      const before = await snapshot(t.deps);
      const observer = await post(OBSERVER, '/intel/incidents', {
        collectionId: regime,
        name: 'Observer report',
      });
      expect(observer.statusCode).toBe(403);
      expect(
        (await post(OBSERVER, `/intel/incidents/${id}/links`, { objectId: green.id })).statusCode,
      ).toBe(403);
      // Singapore reads the energy collection but may not write to it.
      const reader = await post(SINGAPORE, '/intel/incidents', { collectionId: energy, name: 'x' });
      expect(reader.statusCode).toBe(403);
      expect(
        (
          await post(SINGAPORE, `/intel/incidents/${id}/links`, {
            objectId: green.id,
            collectionId: energy,
          })
        ).statusCode,
      ).toBe(403);
      // Kenya is not in the energy community: the collection does not exist for it.
      expect(
        (await post(KENYA, '/intel/incidents', { collectionId: energy, name: 'x' })).statusCode,
      ).toBe(404);
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('lets only the organisation that made a link remove it, as a revoked version', async () => {
      const { id, links: made } = await report(ANALYST, {
        name: 'Unlink test',
        tlp: 'green',
        links: [{ objectId: green.id }],
      });
      const linkId = made[0]!;
      const before = await snapshot(t.deps);
      const other = await del(ESTONIA, `/intel/incidents/${id}/links/${linkId}`);
      expect(other.statusCode).toBe(403);
      expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot(t.deps)).toEqual(before);

      const wrongIncident = await report(ANALYST, { name: 'Another', tlp: 'green' });
      expect(
        (await del(ANALYST, `/intel/incidents/${wrongIncident.id}/links/${linkId}`)).statusCode,
      ).toBe(404);

      expect((await del(ANALYST, `/intel/incidents/${id}/links/${linkId}`)).statusCode).toBe(204);
      expect((await links(ANALYST, id)).total).toBe(0);
      expect(
        (await links(ESTONIA, green.id, '?type=incident')).items.map((l) => l.object.id),
      ).not.toContain(id);
      const graph = (await get(ANALYST, `/intel/objects/${id}`)).json<{
        graph: { edges: unknown[] };
      }>();
      expect(graph.graph.edges).toEqual([]);
      // TAXII readers receive the revocation as the relationship's new version.
      const versions = await t.app.inject({
        method: 'GET',
        url: `${ROOT}/collections/${regime}/objects/${linkId}/?match[version]=all`,
        headers: taxiiHeaders(ESTONIA),
      });
      const objs = versions.json<Envelope>().objects ?? [];
      expect(objs).toHaveLength(2);
      expect(objs.map((o) => o.revoked === true).sort()).toEqual([false, true]);
      // Removing it twice: the link is gone.
      expect((await del(ANALYST, `/intel/incidents/${id}/links/${linkId}`)).statusCode).toBe(404);
    });
  });

  it('pages through many links completely, filtered by type', async () => {
    const objs = Array.from({ length: 7 }, (_, i) =>
      identity(`paged ${i}`, { object_marking_refs: green.object_marking_refs }),
    );
    const r = await postEnvelope(t.app, regime, basic(ANALYST), objs);
    expect(r.json<TaxiiStatus>().success_count).toBe(7);
    const { id } = await report(ANALYST, {
      name: 'Many links',
      tlp: 'green',
      links: [{ objectId: green.id }, ...objs.map((o) => ({ objectId: o.id }))],
    });
    const all = await collectPages<LinkView>(
      t.app,
      `/api/v1/intel/objects/${id}/links?limit=3`,
      s[ESTONIA]!.headers(),
    );
    expect(all.map((l) => l.object.id)).toEqual([green.id, ...objs.map((o) => o.id)]);
    const identities = await collectPages<LinkView>(
      t.app,
      `/api/v1/intel/objects/${id}/links?limit=2&type=identity`,
      s[ESTONIA]!.headers(),
    );
    expect(identities.map((l) => l.object.id)).toEqual(objs.map((o) => o.id));
    const first = await links(ESTONIA, id, '?limit=2&type=identity');
    expect(first.total).toBe(7);
    expect(first.counts).toEqual([{ type: 'identity', count: 7 }]);
  });

  describe('bad input is refused with a problem naming the field, and nothing is stored', () => {
    it('answers each case with its code', async () => {
      const { id } = await report(ANALYST, { name: 'Bad input target', tlp: 'green' });
      const incidents = await count(t.deps, 'intel_objects', "type = 'incident'");
      const relationships = await count(t.deps, 'intel_objects', "type = 'relationship'");
      const cases: [string, string, object, number, string, string?][] = [
        [
          '/intel/incidents',
          'POST',
          { collectionId: regime, name: '   ' },
          400,
          'VALIDATION_FAILED',
          'name',
        ],
        ['/intel/incidents', 'POST', { collectionId: regime }, 400, 'VALIDATION_FAILED', 'name'],
        [
          '/intel/incidents',
          'POST',
          {
            collectionId: regime,
            name: 'x',
            links: [{ objectId: `indicator--${crypto.randomUUID()}` }],
          },
          400,
          'VALIDATION_FAILED',
          'links/0/objectId',
        ],
        [
          '/intel/incidents',
          'POST',
          {
            collectionId: regime,
            name: 'x',
            links: [{ objectId: green.id }, { objectId: green.id }],
          },
          400,
          'VALIDATION_FAILED',
          'links/1/objectId',
        ],
        [
          '/intel/incidents',
          'POST',
          { collectionId: regime, name: 'x', tlp: 'purple' },
          400,
          'VALIDATION_FAILED',
          'tlp',
        ],
        [
          `/intel/incidents/${id}/links`,
          'POST',
          { objectId: green.id, relationshipType: 'Related To' },
          400,
          'VALIDATION_FAILED',
          'relationshipType',
        ],
        [
          `/intel/incidents/${id}/links`,
          'POST',
          { objectId: id },
          400,
          'VALIDATION_FAILED',
          'objectId',
        ],
        [`/intel/incidents/${green.id}/links`, 'POST', { objectId: host.id }, 404, 'NOT_FOUND'],
        [
          `/intel/incidents/${id}/links`,
          'POST',
          { objectId: 'not-an-id' },
          400,
          'VALIDATION_FAILED',
          'objectId',
        ],
        [`/intel/objects/${id}/links?cursor=garbage`, 'GET', {}, 400, 'INTEL_BAD_CURSOR'],
        [`/intel/objects/${id}/links?limit=0`, 'GET', {}, 400, 'VALIDATION_FAILED', 'limit'],
      ];
      for (const [url, method, payload, status, code, field] of cases) {
        const res = method === 'GET' ? await get(ANALYST, url) : await post(ANALYST, url, payload);
        expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(status);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const problem = res.json<{ code: string; errors?: { field: string }[] }>();
        expect(problem.code).toBe(code);
        if (field) expect(problem.errors?.map((e) => e.field)).toContain(field);
      }
      // Linking a relationship (an SRO) is refused: STIX 2.1 §5.1 links SDOs and SCOs only.
      const rels = (await links(ANALYST, green.id)).items;
      expect(rels.length).toBeGreaterThan(0);
      const sro = await post(ANALYST, `/intel/incidents/${id}/links`, {
        objectId: rels[0]!.linkId,
      });
      expect(sro.statusCode).toBe(400);
      expect(sro.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'objectId' }],
      });
      expect(await count(t.deps, 'intel_objects', "type = 'incident'")).toBe(incidents);
      expect(await count(t.deps, 'intel_objects', "type = 'relationship'")).toBe(relationships);
    });
  });
});
