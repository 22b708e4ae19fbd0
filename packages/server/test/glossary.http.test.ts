import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import {
  ADMIN,
  ANALYST,
  ESTONIA,
  KENYA,
  OBSERVER,
  collectPages,
  count,
  createTestApp,
  login,
  snapshot,
  type Session,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';
import { saveVariant } from '../src/modules/glossary/service';
import type { RequestContext } from '../src/auth/actor';

interface Variant {
  termId: string;
  participant: { id: string; name: string };
  definition: string;
  source: string;
  sourceUrl: string | null;
  aligned: 'no' | 'partly' | 'yes';
  similarity: number;
  diverging: boolean;
  reasons: string[];
  diff: { op: string; text: string }[];
}
interface Term {
  id: string;
  term: string;
  definition: string;
  variantCount: number;
  divergingCount: number;
}
interface TermDetail extends Term {
  threshold: number;
  variants: Variant[];
}
interface DivergenceItem {
  term: { id: string; definition: string };
  variants: Variant[];
}
interface AlignmentItem {
  participant: { id: string; name: string; kind: string };
  terms: number;
  variants: number;
  aligned: { yes: number; partly: number; no: number };
  diverging: number;
}

const API = '/api/v1/glossary';

describe(`glossary (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  let observer: Session;
  let analyst: Session;
  const get = (url: string, s: Session) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const term = async (id: string, s: Session = kenya) =>
    (await get(`${API}/terms/${id}`, s)).json<TermDetail>();

  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, ADMIN);
    estonia = await login(t.app, ESTONIA);
    kenya = await login(t.app, KENYA);
    observer = await login(t.app, OBSERVER);
    analyst = await login(t.app, ANALYST);
  });
  afterAll(() => t.close());

  describe('reading', () => {
    it('needs a signed-in user', async () => {
      const res = await t.app.inject({ method: 'GET', url: `${API}/terms` });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('lists every shipped term alphabetically across stable cursor pages, for observers too', async () => {
      const all = await collectPages<Term>(t.app, `${API}/terms?limit=5`, {
        cookie: observer.cookie,
      });
      expect(all.length).toBe(await count(t.deps, 'glossary_terms'));
      expect(all.length).toBeGreaterThanOrEqual(12);
      expect(new Set(all.map((x) => x.id)).size).toBe(all.length);
      const names = all.map((x) => x.term.toLowerCase());
      expect(names).toEqual([...names].sort());
      const first = (await get(`${API}/terms?limit=5`, observer)).json<{ nextCursor: string }>();
      expect(first.nextCursor).toEqual(expect.any(String));
    });

    it('searches term and definition', async () => {
      const byTerm = await collectPages<Term>(t.app, `${API}/terms?q=INFRASTRUCTURE`, {
        cookie: kenya.cookie,
      });
      expect(byTerm.map((x) => x.id)).toContain('critical-infrastructure');
      const byDefinition = await collectPages<Term>(t.app, `${API}/terms?q=exploited`, {
        cookie: kenya.cookie,
      });
      expect(byDefinition.map((x) => x.id)).toEqual(['vulnerability']);
      for (const x of byDefinition) expect(x.definition.toLowerCase()).toContain('exploited');
      const none = await get(`${API}/terms?q=${encodeURIComponent('100%_')}`, kenya);
      expect(none.json<{ items: Term[] }>().items).toEqual([]);
    });

    it('filters terms with a diverging definition, page by page', async () => {
      const all = await collectPages<Term>(t.app, `${API}/terms`, { cookie: kenya.cookie });
      const expected = all.filter((x) => x.divergingCount > 0).map((x) => x.id);
      expect(expected.length).toBeGreaterThan(1);
      expect(expected.length).toBeLessThan(all.length);
      const paged = await collectPages<Term>(t.app, `${API}/terms?diverging=true&limit=1`, {
        cookie: kenya.cookie,
      });
      expect(paged.map((x) => x.id)).toEqual(expected);
    });

    it('shows a term with every participant’s definition, its similarity, reasons and a word diff', async () => {
      const ci = await term('critical-infrastructure');
      expect(ci.threshold).toBe(0.6);
      expect(ci.variantCount).toBe(ci.variants.length);
      expect(ci.divergingCount).toBe(ci.variants.filter((v) => v.diverging).length);
      const estoniaVariant = ci.variants.find((v) => v.participant.id === estonia.participantId)!;
      expect(estoniaVariant.aligned).toBe('yes');
      expect(estoniaVariant.similarity).toBeGreaterThan(0.6);
      expect(estoniaVariant.diverging).toBe(false);
      for (const v of ci.variants) {
        const side = (skip: string) =>
          v.diff
            .filter((p) => p.op !== skip)
            .map((p) => p.text)
            .join('');
        expect(side('insert')).toBe(ci.definition);
        expect(side('delete')).toBe(v.definition);
        expect(v.diverging).toBe(v.similarity < 0.6 || v.aligned === 'no');
      }
      // A stricter threshold flags more; the caller chooses it.
      const strict = await get(`${API}/terms/critical-infrastructure?threshold=0.99`, kenya);
      expect(strict.json<TermDetail>().divergingCount).toBe(ci.variants.length);
    });

    it('answers 404 problem+json for an unknown term and 400 naming the field for a malformed id', async () => {
      const missing = await get(`${API}/terms/no-such-term`, kenya);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      expect(missing.json()).toMatchObject({ code: 'NOT_FOUND' });
      const bad = await get(`${API}/terms/Not_A_Term`, kenya);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('id');
      const badThreshold = await get(`${API}/terms/vulnerability?threshold=2`, kenya);
      expect(badThreshold.statusCode).toBe(400);
      expect(badThreshold.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe(
        'threshold',
      );
    });
  });

  describe('harmonised terms (secretariat)', () => {
    const body = {
      id: 'cyber-operation',
      term: 'Cyber operation',
      definition: 'The use of cyber capabilities to achieve objectives in or through cyberspace.',
      thresholds: 'Includes operations below the threshold of use of force.',
    };

    it('lets a secretariat administrator add a term, audited', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `${API}/terms`,
        headers: admin.headers(),
        payload: body,
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<TermDetail>()).toMatchObject({ ...body, notes: '', variants: [] });
      expect(await count(t.deps, 'audit_events', `action = 'glossary.term.create'`)).toBe(1);
      const again = await t.app.inject({
        method: 'POST',
        url: `${API}/terms`,
        headers: admin.headers(),
        payload: body,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json()).toMatchObject({ code: 'TERM_EXISTS', errors: [{ field: 'id' }] });
    });

    it('refuses other participants’ administrators and observers, changing nothing', async () => {
      const before = await snapshot(t.deps);
      for (const s of [estonia, kenya, observer]) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${API}/terms`,
          headers: s.headers(),
          payload: { ...body, id: 'another-term' },
        });
        expect(res.statusCode).toBe(403);
        expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
        const patch = await t.app.inject({
          method: 'PATCH',
          url: `${API}/terms/vulnerability`,
          headers: s.headers(),
          payload: { definition: 'Anything.' },
        });
        expect(patch.statusCode).toBe(403);
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('rejects oversized and malformed input naming the field, changing nothing', async () => {
      const before = await snapshot(t.deps);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...body, id: 'x1', definition: 'x'.repeat(5001) }, 'definition'],
        [{ ...body, id: 'Bad Id' }, 'id'],
        [{ ...body, id: 'x2', definition: '   ' }, 'definition'],
        [{ ...body, id: 'x3', colour: 'blue' }, 'colour'],
        [{ ...body, id: 'x4', term: 42 }, 'term'],
      ];
      for (const [payload, field] of cases) {
        const res = await t.app.inject({
          method: 'POST',
          url: `${API}/terms`,
          headers: admin.headers(),
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
          field,
        );
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('changes a term, keeping the previous wording in the audit event, and re-scores variants', async () => {
      const before = await term('point-of-contact');
      const res = await t.app.inject({
        method: 'PATCH',
        url: `${API}/terms/point-of-contact`,
        headers: admin.headers(),
        payload: { definition: 'A hotline.' },
      });
      expect(res.statusCode).toBe(200);
      const after = res.json<TermDetail>();
      expect(after.definition).toBe('A hotline.');
      expect(after.variants.length).toBe(before.variants.length);
      expect(after.divergingCount).toBeGreaterThan(before.divergingCount);
      const events = (await t.deps.database.db.execute(
        sql`select details from audit_events where action = 'glossary.term.update'`,
      )) as { rows: { details: unknown }[] };
      expect(events.rows[0]?.details).toEqual({
        changes: { definition: { from: before.definition, to: 'A hotline.' } },
      });
      const missing = await t.app.inject({
        method: 'PATCH',
        url: `${API}/terms/no-such-term`,
        headers: admin.headers(),
        payload: { notes: 'x' },
      });
      expect(missing.statusCode).toBe(404);
      // Restore, so the other tests see the shipped wording.
      await t.app.inject({
        method: 'PATCH',
        url: `${API}/terms/point-of-contact`,
        headers: admin.headers(),
        payload: { definition: before.definition },
      });
    });
  });

  describe('participants’ own definitions', () => {
    const mine = (id: string) => `${API}/terms/${id}/variants/mine`;
    const kenyaDefinition = {
      definition:
        'A set of actions taken by a person or organisation using computer systems to protect itself.',
      source: 'Computer Misuse and Cybercrimes Act, 2018',
      sourceUrl: 'https://new.kenyalaw.org/',
      aligned: 'partly',
    };

    it('records, replaces and removes the caller’s own definition, audited', async () => {
      const audited = (action: string) =>
        count(
          t.deps,
          'audit_events',
          `action = 'glossary.variant.${action}' and subject_participant_id = '${kenya.participantId}'`,
        );
      const before = await Promise.all(['create', 'update', 'delete'].map(audited));
      const created = await t.app.inject({
        method: 'PUT',
        url: mine('legitimate-defensive-measure'),
        headers: kenya.headers(),
        payload: kenyaDefinition,
      });
      expect(created.statusCode).toBe(201);
      expect(created.json<Variant>()).toMatchObject({
        termId: 'legitimate-defensive-measure',
        participant: { id: kenya.participantId },
        ...kenyaDefinition,
      });
      const replaced = await t.app.inject({
        method: 'PUT',
        url: mine('legitimate-defensive-measure'),
        headers: kenya.headers(),
        payload: { ...kenyaDefinition, sourceUrl: null, aligned: 'no' },
      });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json<Variant>()).toMatchObject({ sourceUrl: null, aligned: 'no' });
      expect(replaced.json<Variant>().reasons).toContain('declared_not_aligned');
      const shown = await term('legitimate-defensive-measure');
      expect(shown.variants.filter((v) => v.participant.id === kenya.participantId)).toHaveLength(
        1,
      );
      const removed = await t.app.inject({
        method: 'DELETE',
        url: mine('legitimate-defensive-measure'),
        headers: kenya.headers(),
      });
      expect(removed.statusCode).toBe(204);
      const gone = await term('legitimate-defensive-measure');
      expect(gone.variants.map((v) => v.participant.id)).not.toContain(kenya.participantId);
      const twice = await t.app.inject({
        method: 'DELETE',
        url: mine('legitimate-defensive-measure'),
        headers: kenya.headers(),
      });
      expect(twice.statusCode).toBe(404);
      const after = await Promise.all(['create', 'update', 'delete'].map(audited));
      expect(after.map((n, i) => n - (before[i] ?? 0))).toEqual([1, 1, 1]);
    });

    it('refuses observers and roles that do not speak for the participant, changing nothing', async () => {
      const before = await snapshot(t.deps);
      for (const s of [observer, analyst]) {
        const put = await t.app.inject({
          method: 'PUT',
          url: mine('vulnerability'),
          headers: s.headers(),
          payload: kenyaDefinition,
        });
        expect(put.statusCode).toBe(403);
        expect(put.json()).toMatchObject({ code: 'FORBIDDEN' });
        const del = await t.app.inject({
          method: 'DELETE',
          url: mine('vulnerability'),
          headers: s.headers(),
        });
        expect(del.statusCode).toBe(403);
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('never lets the secretariat (or anyone) write another participant’s definition', async () => {
      const before = await snapshot(t.deps);
      const adminUser = (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { cookie: admin.cookie },
        })
      ).json<{ user: { id: string; email: string; displayName: string } }>().user;
      const ctx: RequestContext = {
        actor: {
          kind: 'user',
          userId: adminUser.id,
          email: adminUser.email,
          displayName: adminUser.displayName,
          roles: ['admin', 'coordinator'],
          participantId: admin.participantId,
          participantKind: 'secretariat',
          via: 'session',
          scopes: null,
          sessionId: null,
          tokenId: null,
        },
        ip: null,
        userAgent: null,
        requestId: null,
      };
      await expect(
        saveVariant(t.deps, ctx, 'vulnerability', kenya.participantId, {
          definition: 'Overwritten.',
          source: 'secretariat',
          aligned: 'yes',
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await snapshot(t.deps)).toEqual(before);
      // Over HTTP "mine" is always the caller's own participant.
      const res = await t.app.inject({
        method: 'PUT',
        url: mine('vulnerability'),
        headers: admin.headers(),
        payload: { ...kenyaDefinition, aligned: 'yes' },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json<Variant>().participant.id).toBe(admin.participantId);
      const kenyaVariant = (await term('vulnerability')).variants.find(
        (v) => v.participant.id === kenya.participantId,
      );
      expect(kenyaVariant?.definition).not.toBe(kenyaDefinition.definition);
      await t.app.inject({
        method: 'DELETE',
        url: mine('vulnerability'),
        headers: admin.headers(),
      });
    });

    it('rejects bad input naming the field, and unknown terms with 404, changing nothing', async () => {
      const before = await snapshot(t.deps);
      const cases: [Record<string, unknown>, string][] = [
        [{ ...kenyaDefinition, definition: 'x'.repeat(5001) }, 'definition'],
        [{ ...kenyaDefinition, sourceUrl: 'not a url' }, 'sourceUrl'],
        [{ ...kenyaDefinition, sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
        [{ ...kenyaDefinition, aligned: 'maybe' }, 'aligned'],
        [{ ...kenyaDefinition, source: '' }, 'source'],
        [{ ...kenyaDefinition, participantId: estonia.participantId }, 'participantId'],
        [{ definition: 'x', source: 'y' }, 'aligned'],
      ];
      for (const [payload, field] of cases) {
        const res = await t.app.inject({
          method: 'PUT',
          url: mine('vulnerability'),
          headers: kenya.headers(),
          payload,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toContain('application/problem+json');
        expect(res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(
          field,
        );
      }
      const unknown = await t.app.inject({
        method: 'PUT',
        url: mine('no-such-term'),
        headers: kenya.headers(),
        payload: kenyaDefinition,
      });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(await snapshot(t.deps)).toEqual(before);
    });
  });

  describe('divergence and alignment', () => {
    it('lists, per term, only the diverging definitions, paginated and filterable', async () => {
      const all = await collectPages<DivergenceItem>(t.app, `${API}/divergence`, {
        cookie: observer.cookie,
      });
      expect(all.length).toBeGreaterThan(1);
      for (const item of all) {
        expect(item.variants.length).toBeGreaterThan(0);
        for (const v of item.variants) expect(v.diverging).toBe(true);
      }
      const detail = await term('significant-incident');
      const entry = all.find((i) => i.term.id === 'significant-incident');
      expect(entry?.variants.map((v) => v.participant.id)).toEqual(
        detail.variants.filter((v) => v.diverging).map((v) => v.participant.id),
      );
      const paged = await collectPages<DivergenceItem>(t.app, `${API}/divergence?limit=1`, {
        cookie: observer.cookie,
      });
      expect(paged).toEqual(all);

      const kenyaOnly = await collectPages<DivergenceItem>(
        t.app,
        `${API}/divergence?participantId=${kenya.participantId}`,
        { cookie: observer.cookie },
      );
      expect(kenyaOnly.length).toBeGreaterThan(0);
      for (const item of kenyaOnly) {
        expect(item.variants.map((v) => v.participant.id)).toEqual([kenya.participantId]);
      }
      // At threshold 0 only declared non-alignment counts.
      const declared = await collectPages<DivergenceItem>(t.app, `${API}/divergence?threshold=0`, {
        cookie: observer.cookie,
      });
      for (const item of declared) {
        for (const v of item.variants) expect(v.reasons).toEqual(['declared_not_aligned']);
      }
      expect(declared.length).toBeLessThan(all.length);
    });

    it('summarises each participant’s alignment consistently with the term views', async () => {
      const rows = await collectPages<AlignmentItem>(t.app, `${API}/alignment?limit=2`, {
        cookie: kenya.cookie,
      });
      const terms = await collectPages<Term>(t.app, `${API}/terms`, { cookie: kenya.cookie });
      const details = await Promise.all(terms.map((x) => term(x.id)));
      const kenyaRow = rows.find((r) => r.participant.id === kenya.participantId)!;
      const kenyaVariants = details.flatMap((d) =>
        d.variants.filter((v) => v.participant.id === kenya.participantId),
      );
      expect(kenyaRow).toMatchObject({
        terms: terms.length,
        variants: kenyaVariants.length,
        diverging: kenyaVariants.filter((v) => v.diverging).length,
        aligned: {
          yes: kenyaVariants.filter((v) => v.aligned === 'yes').length,
          partly: kenyaVariants.filter((v) => v.aligned === 'partly').length,
          no: kenyaVariants.filter((v) => v.aligned === 'no').length,
        },
      });
      const names = rows.map((r) => r.participant.name.toLowerCase());
      expect(names).toEqual([...names].sort());
      // Only participants that recorded definitions.
      expect(rows.every((r) => r.variants > 0)).toBe(true);
      const certs = await collectPages<AlignmentItem>(t.app, `${API}/alignment?kind=cert`, {
        cookie: kenya.cookie,
      });
      expect(certs.length).toBeGreaterThan(0);
      expect(certs.every((r) => r.participant.kind === 'cert')).toBe(true);
      const bad = await get(`${API}/alignment?kind=planet`, kenya);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('kind');
    });

    it('rejects a cursor it did not issue', async () => {
      for (const path of ['terms', 'divergence', 'alignment']) {
        const res = await get(`${API}/${path}?cursor=garbage`, kenya);
        expect(res.statusCode).toBe(400);
        expect(res.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('cursor');
      }
    });
  });
});
