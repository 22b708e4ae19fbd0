import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ANALYST,
  ESTONIA,
  KENYA,
  OBSERVER,
  collectPages,
  count,
  createTestApp,
  drainLedger,
  login,
  snapshot,
  type Session,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';

interface Norm {
  id: string;
  status: string;
  currentVersion: number;
  current: {
    title: string;
    text: string;
    category: string;
    pillar: number;
    sectors: string[];
    termIds: string[];
    ledgerIndex: number | null;
  };
}
interface Amendment {
  id: string;
  status: string;
  normId: string;
  endorsements: number;
  resultingVersion: number | null;
  diff: { text: { op: string; text: string }[]; sectors: { added: string[]; removed: string[] } };
  endorsedBy: { name: string }[];
  thread: { body: string; participantName: string }[];
  ledgerIndex: number | null;
  can: { comment: boolean; endorse: boolean; withdraw: boolean; decide: boolean };
}

describe(`the norms catalogue (${dialectName})`, () => {
  let t: TestApp;
  let kenya: Session;
  beforeAll(async () => {
    t = await createTestApp();
    kenya = await login(t.app, KENYA);
  });
  afterAll(() => t.close());

  const get = (url: string, s: Session = kenya) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers() });

  it('ships the eleven GGE 2015 norms and the regime’s own, each adopted in the ledger', async () => {
    const all = await collectPages<Norm>(t.app, '/api/v1/norms?limit=7', kenya.headers());
    const ids = all.map((n) => n.id);
    expect(ids.filter((id) => id.startsWith('GGE-2015-13'))).toHaveLength(11);
    expect(ids).toContain('CONCORD-R1');
    expect(new Set(ids).size).toBe(ids.length);
    const shipped = all.filter((n) => /^(GGE-2015-13[a-k]|CONCORD-R[1-9])$/.test(n.id));
    expect(shipped).toHaveLength(20);
    expect(shipped.every((n) => n.status === 'adopted')).toBe(true);
    // One ledger statement per shipped adoption and per decision the demo community recorded.
    const decisions = await count(t.deps, 'norm_amendments', `status in ('adopted','rejected')`);
    expect(
      await count(
        t.deps,
        'ledger_queue',
        `payload_type = 'application/vnd.concord.norm-decision+json'`,
      ),
    ).toBe(shipped.length + decisions);
    await drainLedger(t.deps);
    const f = (await get('/norms/GGE-2015-13f')).json<Norm>();
    expect(f.current.category).toBe('prohibition');
    expect(f.current.termIds).toContain('critical-infrastructure');
    expect(f.current.ledgerIndex).toEqual(expect.any(Number));
  });

  it('shows who committed to a norm, from each participant’s latest doctrine', async () => {
    const res = await get('/norms/GGE-2015-13f/commitments');
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: { participant: { name: string }; statement: string }[] }>()
      .items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.statement.length > 0)).toBe(true);
    expect((await get('/norms/GGE-2015-99z/commitments')).statusCode).toBe(404);
  });

  it('filters by category, pillar, sector, term and text', async () => {
    const ids = async (q: string) =>
      (await collectPages<Norm>(t.app, `/api/v1/norms?${q}`, kenya.headers())).map((n) => n.id);
    const prohibitions = await ids('category=prohibition');
    expect(prohibitions).toEqual(
      expect.arrayContaining(['GGE-2015-13f', 'GGE-2015-13k', 'CONCORD-R1']),
    );
    expect(prohibitions).not.toContain('CONCORD-R4');
    expect(await ids('pillar=3')).toEqual(['GGE-2015-13j', 'CONCORD-R6']);
    // Sector filters keep the norms that cover every sector.
    const health = await ids('sector=health');
    expect(health).toEqual(expect.arrayContaining(['GGE-2015-13f', 'GGE-2015-13a']));
    expect(health).not.toContain('GGE-2015-13k');
    expect(await ids('term=proportionate-response')).toEqual(['CONCORD-R8']);
    expect(await ids('q=emergency%20response%20teams')).toEqual(['GGE-2015-13k']);
    expect(await ids('q=zzzz-nothing')).toEqual([]);
    const bad = await get('/norms?category=offence');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'category' }],
    });
    expect((await get('/norms/GGE-2015-99z')).statusCode).toBe(404);
  });
});

describe(`amending the catalogue (${dialectName})`, () => {
  let t: TestApp;
  let kenya: Session;
  let estonia: Session;
  let admin: Session;
  let analyst: Session;
  let observer: Session;
  beforeAll(async () => {
    t = await createTestApp();
    kenya = await login(t.app, KENYA);
    estonia = await login(t.app, ESTONIA);
    admin = await login(t.app, ADMIN);
    analyst = await login(t.app, ANALYST);
    observer = await login(t.app, OBSERVER);
    await drainLedger(t.deps);
  });
  afterAll(() => t.close());

  const post = (url: string, s: Session, payload?: unknown) =>
    t.app.inject({
      method: 'POST',
      url: `/api/v1${url}`,
      headers: s.headers(),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  const get = (url: string, s: Session = kenya) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: s.headers() });
  const change = (extra: Record<string, unknown> = {}) => ({
    kind: 'change',
    normId: 'GGE-2015-13f',
    baseVersion: 1,
    text: 'A state does not conduct, or knowingly support, ICT activity that intentionally damages critical infrastructure, including hospitals and water utilities, or otherwise impairs its use.',
    sectors: ['energy', 'water', 'health', 'finance', 'transport', 'telecoms', 'food'],
    rationale: 'Name the sectors most exposed, and add food supply.',
    ...extra,
  });

  it('takes an amendment from proposal through comments and endorsements to adoption and a new version', async () => {
    const proposed = await post('/norms/amendments', kenya, change());
    expect(proposed.statusCode).toBe(201);
    const a = proposed.json<Amendment>();
    expect(a.status).toBe('open');
    expect(a.diff.sectors).toEqual({ added: ['food'], removed: [] });
    expect(
      a.diff.text
        .filter((p) => p.op === 'insert')
        .map((p) => p.text)
        .join(''),
    ).toContain('hospitals');
    expect(a.can).toEqual({ comment: true, endorse: true, withdraw: true, decide: false });

    expect(
      (
        await post(`/norms/amendments/${a.id}/comments`, estonia, {
          body: 'Support; consider telecoms too.',
        })
      ).statusCode,
    ).toBe(201);
    expect((await post(`/norms/amendments/${a.id}/endorse`, estonia)).statusCode).toBe(200);
    expect((await post(`/norms/amendments/${a.id}/endorse`, kenya)).statusCode).toBe(200);
    const again = await post(`/norms/amendments/${a.id}/endorse`, estonia);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_ENDORSED' });

    const mid = (await get(`/norms/amendments/${a.id}`)).json<Amendment>();
    expect(mid.endorsedBy.map((e) => e.name).sort()).toEqual([
      'Republic of Estonia',
      'Republic of Kenya',
    ]);
    expect(mid.thread).toMatchObject([
      { body: 'Support; consider telecoms too.', participantName: 'Republic of Estonia' },
    ]);

    const decided = await post(`/norms/amendments/${a.id}/decision`, admin, {
      decision: 'adopted',
      reason: 'Endorsed by two states; no objection in the comment period.',
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json<Amendment>()).toMatchObject({ status: 'adopted', resultingVersion: 2 });
    await drainLedger(t.deps);
    const norm = (await get('/norms/GGE-2015-13f')).json<
      Norm & { versions: { version: number; text: string; ledgerIndex: number | null }[] }
    >();
    expect(norm.currentVersion).toBe(2);
    expect(norm.current.sectors).toContain('food');
    // Nothing is lost: the first version is still there, and each version has its ledger entry.
    expect(norm.versions.map((v) => v.version)).toEqual([2, 1]);
    expect(norm.versions[1]!.text).toMatch(
      /^A state does not conduct, or knowingly support, ICT activity that intentionally damages critical infrastructure or otherwise/,
    );
    expect(norm.versions.every((v) => typeof v.ledgerIndex === 'number')).toBe(true);
    expect((await get(`/norms/amendments/${a.id}`)).json<Amendment>().ledgerIndex).toBe(
      norm.versions[0]!.ledgerIndex,
    );
    expect(
      await count(
        t.deps,
        'audit_events',
        `action = 'norm.amendment.adopt' and subject_id = '${a.id}'`,
      ),
    ).toBe(1);
  });

  it('refuses every actor the rules exclude, changing nothing', async () => {
    const open = (
      await post(
        '/norms/amendments',
        kenya,
        change({
          normId: 'GGE-2015-13g',
          baseVersion: 1,
          text: 'Each state takes appropriate and timely measures to protect its own critical infrastructure from ICT threats.',
          sectors: undefined,
        }),
      )
    ).json<Amendment>();
    const before = await snapshot(t.deps);
    const refusals: [string, Session, unknown][] = [
      ['/norms/amendments', observer, change({ normId: 'GGE-2015-13h' })],
      [`/norms/amendments/${open.id}/comments`, observer, { body: 'I am only observing' }],
      [`/norms/amendments/${open.id}/endorse`, analyst, undefined],
      [`/norms/amendments/${open.id}/withdraw`, estonia, { reason: 'not mine to withdraw' }],
      [
        `/norms/amendments/${open.id}/decision`,
        kenya,
        { decision: 'adopted', reason: 'self-adoption' },
      ],
      [
        `/norms/amendments/${open.id}/decision`,
        analyst,
        { decision: 'rejected', reason: 'not the secretariat' },
      ],
    ];
    for (const [url, who, body] of refusals) {
      const res = await post(url, who, body);
      expect({ url, status: res.statusCode, code: res.json<{ code: string }>().code }).toEqual({
        url,
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses to adopt an amendment written against a version that is no longer current', async () => {
    const first = (
      await post(
        '/norms/amendments',
        kenya,
        change({
          normId: 'CONCORD-R7',
          baseVersion: 1,
          text: 'In ambiguous situations a participant does not escalate; it contacts the other side’s point of contact first.',
          sectors: undefined,
        }),
      )
    ).json<Amendment>();
    const second = (
      await post(
        '/norms/amendments',
        estonia,
        change({
          normId: 'CONCORD-R7',
          baseVersion: 1,
          text: 'In ambiguous situations a participant does not escalate and seeks consultation within 24 hours.',
          sectors: undefined,
        }),
      )
    ).json<Amendment>();
    expect(
      (
        await post(`/norms/amendments/${first.id}/decision`, admin, {
          decision: 'adopted',
          reason: 'clearer',
        })
      ).statusCode,
    ).toBe(200);
    const before = await snapshot(t.deps);
    const stale = await post(`/norms/amendments/${second.id}/decision`, admin, {
      decision: 'adopted',
      reason: 'also good',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'AMENDMENT_STALE' });
    expect(await snapshot(t.deps)).toEqual(before);
    // A new proposal against the stale version is refused up front, naming the field.
    const late = await post(
      '/norms/amendments',
      estonia,
      change({ normId: 'CONCORD-R7', baseVersion: 1, sectors: undefined }),
    );
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'AMENDMENT_STALE',
      errors: [{ field: 'baseVersion' }],
    });
    // Rejection is recorded with its reason and closes the amendment.
    const rejected = await post(`/norms/amendments/${second.id}/decision`, admin, {
      decision: 'rejected',
      reason: 'Superseded by the adopted wording.',
    });
    expect(rejected.json<Amendment>().status).toBe('rejected');
    const closed = await post(`/norms/amendments/${second.id}/comments`, kenya, {
      body: 'too late',
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toMatchObject({ code: 'AMENDMENT_CLOSED' });
  });

  it('lists a proposed norm as proposed until it is adopted, and keeps a withdrawn one in the history', async () => {
    const body = {
      kind: 'new',
      normId: 'CONCORD-R20',
      title: 'Protect the public core of the internet',
      text: 'Participants do not conduct operations that damage the general availability or integrity of the public core of the internet.',
      category: 'prohibition',
      pillar: 1,
      sectors: ['digital-infrastructure'],
      termIds: ['critical-infrastructure'],
      rationale: 'Routing, naming and certificate infrastructure deserve their own norm.',
    };
    const res = await post('/norms/amendments', estonia, body);
    expect(res.statusCode).toBe(201);
    const proposed = await collectPages<Norm>(
      t.app,
      '/api/v1/norms?status=proposed',
      kenya.headers(),
    );
    expect(proposed.map((n) => n.id)).toContain('CONCORD-R20');
    expect(proposed.every((n) => n.status === 'proposed')).toBe(true);
    const dup = await post('/norms/amendments', kenya, body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'NORM_EXISTS', errors: [{ field: 'normId' }] });
    const withdrawn = await post(
      `/norms/amendments/${res.json<Amendment>().id}/withdraw`,
      estonia,
      { reason: 'Will resubmit with the GGE wording.' },
    );
    expect(withdrawn.json<Amendment>().status).toBe('withdrawn');
    expect((await get('/norms/CONCORD-R20')).json<Norm>().status).toBe('withdrawn');
  });

  it('adopts a new norm and retires one, each with a ledger entry', async () => {
    const n = (
      await post('/norms/amendments', kenya, {
        kind: 'new',
        normId: 'CONCORD-R21',
        title: 'Notify significant incidents',
        text: 'Participants notify affected participants of significant incidents within 72 hours.',
        category: 'cooperation_duty',
        pillar: 2,
        sectors: [],
        termIds: ['significant-incident'],
        rationale: 'Timely notice.',
      })
    ).json<Amendment>();
    const r = (
      await post('/norms/amendments', kenya, {
        kind: 'retire',
        normId: 'GGE-2015-13d',
        baseVersion: 1,
        rationale: 'Covered by the criminal-justice track.',
      })
    ).json<Amendment>();
    const entries = await count(t.deps, 'ledger_queue');
    await post(`/norms/amendments/${n.id}/decision`, admin, {
      decision: 'adopted',
      reason: 'Agreed.',
    });
    await post(`/norms/amendments/${r.id}/decision`, admin, {
      decision: 'adopted',
      reason: 'Agreed.',
    });
    expect(await count(t.deps, 'ledger_queue')).toBe(entries + 2);
    expect((await get('/norms/CONCORD-R21')).json<Norm>().status).toBe('adopted');
    expect((await get('/norms/GGE-2015-13d')).json<Norm>().status).toBe('retired');
    const retired = await post(
      '/norms/amendments',
      kenya,
      change({ normId: 'GGE-2015-13d', sectors: undefined }),
    );
    expect(retired.json()).toMatchObject({ code: 'NORM_NOT_ADOPTED' });
  });

  it('answers bad input with problems naming the field, changing nothing', async () => {
    const before = await snapshot(t.deps);
    const cases: [unknown, number, string, string][] = [
      [
        change({ normId: 'GGE-2015-13c', termIds: ['no-such-term'], sectors: undefined }),
        422,
        'UNKNOWN_TERM',
        'termIds[0]',
      ],
      [
        change({ normId: 'GGE-2015-13c', text: 'x'.repeat(5001), sectors: undefined }),
        400,
        'VALIDATION_FAILED',
        'text',
      ],
      [
        change({ normId: 'GGE-2015-13c', colour: 'red', sectors: undefined }),
        400,
        'VALIDATION_FAILED',
        'colour',
      ],
      [change({ normId: 'not an id', sectors: undefined }), 400, 'VALIDATION_FAILED', 'normId'],
    ];
    for (const [body, status, code, field] of cases) {
      const res = await post('/norms/amendments', kenya, body);
      expect(res.statusCode).toBe(status);
      const problem = res.json<{ code: string; errors: { field: string }[] }>();
      expect(problem.code).toBe(code);
      expect(problem.errors.map((e) => e.field)).toContain(field);
    }
    const same = await post('/norms/amendments', kenya, {
      kind: 'change',
      normId: 'GGE-2015-13c',
      baseVersion: 1,
      rationale: 'no change at all',
    });
    expect(same.json()).toMatchObject({ code: 'NO_CHANGE' });
    expect(
      (
        await post(
          '/norms/amendments',
          kenya,
          change({ normId: 'GGE-2015-99z', sectors: undefined }),
        )
      ).statusCode,
    ).toBe(404);
    expect(await snapshot(t.deps)).toEqual(before);
  });
});
