import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  ed25519StatementSigner,
  signStatement,
  verifyCommitment,
  type Envelope,
} from '@concord/ledger';
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
import {
  DOCTRINE_PAYLOAD_TYPE,
  commitmentsForNorm,
  commitmentsMatrix,
  exportMatrix,
  matrixCsv,
  publicDoctrineVersion,
  publicDoctrines,
} from '../src/modules/doctrines';
import { systemContext } from '../src/auth/actor';

const seedOf = (slug: string) =>
  new Uint8Array(createHash('sha256').update(`concord-demo-key:${slug}`).digest());
const signAs = (slug: string, payload: unknown, payloadType = DOCTRINE_PAYLOAD_TYPE) =>
  signStatement(payloadType, payload, ed25519StatementSigner(seedOf(slug)));

interface Ledger {
  kind: 'statement' | 'commitment';
  queueId: number;
  index: number | null;
}
interface Summary {
  id: string;
  participant: { id: string; name: string };
  version: number;
  title: string;
  visibility: string;
  normIds: string[];
  ledger: Ledger;
}
interface Version extends Summary {
  previousVersion: number | null;
  redLines: string[];
  commitments: {
    normId: string;
    normTitle: string | null;
    statement: string;
    conditions: string | null;
  }[];
  envelope: Envelope;
  keyId: string;
  publishedByUser: string | null;
  ledger: Ledger & { salt: string | null };
}
interface Matrix {
  norms: { id: string; category: string; pillar: number; status: string }[];
  participants: { id: string; version: number | null }[];
  rows: { normId: string; cells: { participantId: string; status: string }[] }[];
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

const API = '/api/v1/doctrines';

describe(`doctrines (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  let singapore: Session;
  let observer: Session;
  let analyst: Session;
  const get = (url: string, s: Session = kenya) =>
    t.app.inject({ method: 'GET', url, headers: { cookie: s.cookie } });
  const publish = (s: Session, envelope: unknown) =>
    t.app.inject({ method: 'POST', url: API, headers: s.headers(), payload: { envelope } });
  const kenyaDoc = (over: Record<string, unknown> = {}) => ({
    participantId: kenya.participantId,
    version: 2,
    previousVersion: 1,
    title: 'Kenya national statement (2026)',
    summary: 'Kenya supports responsible state behaviour and regional cooperation.',
    redLines: ['No ICT operation against critical information infrastructure.'],
    thresholds: ['Nationwide interruption of financial services.'],
    permissibleDefence: ['Incident response led by KE-CIRT/CC.'],
    commitments: [
      { normId: 'GGE-2015-13f', statement: 'Kenya will not damage critical infrastructure.' },
      {
        normId: 'CONCORD-R7',
        statement: 'Kenya will not escalate in ambiguous situations.',
        conditions: 'If the other party consults within 48 hours.',
      },
    ],
    visibility: 'public',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp();
    await drainLedger(t.deps);
    admin = await login(t.app, ADMIN);
    estonia = await login(t.app, ESTONIA);
    kenya = await login(t.app, KENYA);
    singapore = await login(t.app, 'diplomat@singapore.example');
    observer = await login(t.app, OBSERVER);
    analyst = await login(t.app, ANALYST);
  });
  afterAll(() => t.close());

  describe('the demo registry', () => {
    it('lists each state’s latest version in name order, across pages', async () => {
      const all = await collectPages<Summary>(t.app, `${API}?limit=1`, { cookie: observer.cookie });
      expect(all.map((d) => [d.participant.name, d.version, d.visibility])).toEqual([
        ['Federative Republic of Brazil', 1, 'public'],
        ['Republic of Estonia', 2, 'public'],
        ['Republic of Kenya', 1, 'public'],
        ['Republic of Singapore', 1, 'community'],
      ]);
      for (const d of all) expect(d.ledger.index).toEqual(expect.any(Number));
    });

    it('filters by participant, kind, visibility, norm and text', async () => {
      const ids = async (query: string) =>
        (await collectPages<Summary>(t.app, `${API}?${query}`, { cookie: kenya.cookie })).map(
          (d) => d.participant.id,
        );
      expect(await ids(`participantId=${estonia.participantId}`)).toEqual([estonia.participantId]);
      expect(await ids('visibility=community')).toEqual([singapore.participantId]);
      expect(await ids('normId=CONCORD-R9')).toEqual([singapore.participantId]);
      expect(await ids('normId=CONCORD-R7')).toEqual([
        estonia.participantId,
        singapore.participantId,
      ]);
      expect(await ids('q=mobile-money')).toEqual([]);
      expect(await ids('q=peaceful')).toHaveLength(1);
      expect(await ids('q=KENYA')).toEqual([kenya.participantId]);
      expect(await ids('participantKind=regional_organisation')).toEqual([]);
      const bad = await get(`${API}?participantKind=vendor`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.field).toBe('participantKind');
    });

    it('lists a participant’s versions newest first and shows one in full', async () => {
      const versions = await collectPages<Summary>(
        t.app,
        `${API}/${estonia.participantId}/versions?limit=1`,
        { cookie: observer.cookie },
      );
      expect(versions.map((v) => v.version)).toEqual([2, 1]);
      const v2 = (await get(`${API}/${estonia.participantId}/versions/2`)).json<Version>();
      expect(v2).toMatchObject({ version: 2, previousVersion: 1, visibility: 'public' });
      expect(v2.redLines).toHaveLength(4);
      const assistance = v2.commitments.find((c) => c.normId === 'GGE-2015-13h');
      expect(assistance?.normTitle).toBe('Answer requests for help');
      expect(assistance?.conditions).toContain('consent');
      expect(v2.envelope.payloadType).toBe(DOCTRINE_PAYLOAD_TYPE);
      expect(v2.ledger).toMatchObject({ kind: 'statement', salt: null });
      // The "verified in the ledger" badge: the public entry holds the very envelope.
      const entry = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/entries/${v2.ledger.index}`,
      });
      expect(entry.statusCode).toBe(200);
      expect(entry.json<{ record: { envelope: Envelope } }>().record.envelope).toEqual(v2.envelope);
      const missing = await get(`${API}/${estonia.participantId}/versions/9`);
      expect(missing.statusCode).toBe(404);
      expect(missing.headers['content-type']).toContain('application/problem+json');
      const nobody = await get(`${API}/00000000-0000-4000-8000-000000000000/versions`);
      expect(nobody.statusCode).toBe(404);
      const badVersion = await get(`${API}/${estonia.participantId}/versions/zero`);
      expect(badVersion.statusCode).toBe(400);
      expect(badVersion.json<Problem>().errors?.[0]?.field).toBe('version');
    });

    it('diffs two versions field by field', async () => {
      const res = await get(`${API}/${estonia.participantId}/diff?from=1&to=2`);
      expect(res.statusCode).toBe(200);
      const d = res.json<{
        title: { changed: boolean };
        summary: { changed: boolean; diff: { op: string; text: string }[] };
        redLines: { added: string[]; removed: string[]; reworded: { from: string; to: string }[] };
        commitments: { added: { normId: string }[]; removed: unknown[]; unchanged: string[] };
      }>();
      expect(d.title.changed).toBe(true);
      expect(d.summary.changed).toBe(true);
      expect(
        d.summary.diff
          .filter((p) => p.op === 'insert')
          .map((p) => p.text)
          .join(''),
      ).toContain('escalate');
      expect(d.redLines.added).toEqual([
        'No operation that disrupts the general availability of the public core of the internet.',
      ]);
      expect(d.redLines.reworded.map((r) => r.to)).toEqual([
        'No operation against the technical integrity of electoral systems or voter registers.',
      ]);
      expect(d.redLines.removed).toEqual([]);
      expect(d.commitments.added.map((c) => c.normId)).toEqual(['CONCORD-R7', 'GGE-2015-13j']);
      expect(d.commitments.removed).toEqual([]);
      expect(d.commitments.unchanged).toHaveLength(5);
      const missing = await get(`${API}/${estonia.participantId}/diff?from=1&to=7`);
      expect(missing.statusCode).toBe(404);
      const bad = await get(`${API}/${estonia.participantId}/diff?from=1`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.field).toBe('to');
    });
  });

  describe('publishing', () => {
    it('refuses those who do not publish for a state, changing nothing', async () => {
      const before = await snapshot(t.deps);
      const cases: [Session, string, string][] = [
        [observer, 'civil-society', 'observer of a civil-society participant'],
        [analyst, 'cert', 'a CERT'],
        [admin, 'secretariat', 'the secretariat'],
      ];
      for (const [session, slug] of cases) {
        const res = await publish(
          session,
          signAs(slug, { ...kenyaDoc(), participantId: session.participantId, version: 1 }),
        );
        expect(res.statusCode).toBe(403);
        expect(res.json<Problem>().code).toBe('FORBIDDEN');
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('refuses envelopes not signed by one of the caller’s own active keys, changing nothing', async () => {
      const before = await snapshot(t.deps);
      const byEstonia = await publish(kenya, signAs('estonia', kenyaDoc()));
      expect(byEstonia.statusCode).toBe(403);
      expect(byEstonia.json<Problem>().code).toBe('KEY_NOT_OF_PARTICIPANT');
      const unknownKey = await publish(kenya, signAs('nobody', kenyaDoc()));
      expect(unknownKey.statusCode).toBe(422);
      expect(unknownKey.json<Problem>().code).toBe('UNKNOWN_KEY');
      const good = signAs('kenya', kenyaDoc());
      const tampered = {
        ...good,
        payload: signAs('kenya', kenyaDoc({ title: 'Something else' })).payload,
      };
      const forged = await publish(kenya, tampered);
      expect(forged.statusCode).toBe(422);
      expect(forged.json<Problem>().code).toBe('BAD_SIGNATURE');
      const malformed = await publish(kenya, { ...good, payload: '!!!' });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<Problem>().code).toBe('MALFORMED_ENVELOPE');
      const noSignatures = await publish(kenya, { ...good, signatures: [] });
      expect(noSignatures.statusCode).toBe(400);
      expect(noSignatures.json<Problem>().errors?.[0]?.field).toBe('envelope.signatures');
      const extra = await t.app.inject({
        method: 'POST',
        url: API,
        headers: kenya.headers(),
        payload: { envelope: good, visibility: 'public' },
      });
      expect(extra.statusCode).toBe(400);
      expect(extra.json<Problem>().errors?.[0]?.field).toBe('visibility');
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('rejects an invalid signed document with 422 naming the field, changing nothing', async () => {
      const before = await snapshot(t.deps);
      const cases: [Record<string, unknown>, string][] = [
        [kenyaDoc({ redLines: [] }), 'redLines'],
        [kenyaDoc({ redLines: ['ok', 'x'.repeat(2001)] }), 'redLines.1'],
        [kenyaDoc({ redLines: Array.from({ length: 51 }, (_, i) => `line ${i}`) }), 'redLines'],
        [
          kenyaDoc({
            commitments: [
              { normId: 'GGE-2015-13f', statement: 'Yes.' },
              { normId: 'GGE-2015-13z', statement: 'No such norm.' },
            ],
          }),
          'commitments.1.normId',
        ],
        [kenyaDoc({ participantId: estonia.participantId }), 'participantId'],
        [kenyaDoc({ previousVersion: 5 }), 'previousVersion'],
        [kenyaDoc({ visibility: 'secret' }), 'visibility'],
        [kenyaDoc({ colour: 'green' }), 'colour'],
      ];
      for (const [payload, field] of cases) {
        const res = await publish(kenya, signAs('kenya', payload));
        expect(res.statusCode, field).toBe(422);
        expect(res.headers['content-type']).toContain('application/problem+json');
        const problem = res.json<Problem>();
        expect(problem.code).toBe('INVALID_DOCTRINE');
        expect(problem.errors?.map((e) => e.field)).toContain(field);
      }
      const wrongType = await publish(
        kenya,
        signAs('kenya', kenyaDoc(), 'application/vnd.concord.statement+json'),
      );
      expect(wrongType.statusCode).toBe(422);
      expect(wrongType.json<Problem>().errors?.[0]?.field).toBe('envelope.payloadType');
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('wants exactly the latest version + 1 (409 DOCTRINE_VERSION_CONFLICT), changing nothing', async () => {
      const before = await snapshot(t.deps);
      for (const version of [1, 3]) {
        const { previousVersion: _p, ...doc } = kenyaDoc({ version });
        const res = await publish(kenya, signAs('kenya', doc));
        expect(res.statusCode).toBe(409);
        expect(res.json()).toMatchObject({
          code: 'DOCTRINE_VERSION_CONFLICT',
          latestVersion: 1,
          errors: [{ field: 'version' }],
        });
      }
      expect(await snapshot(t.deps)).toEqual(before);
    });

    it('publishes a public version: stored, audited, and logged in full in the ledger', async () => {
      const envelope = signAs('kenya', kenyaDoc());
      const res = await publish(kenya, envelope);
      expect(res.statusCode).toBe(201);
      const v = res.json<Version>();
      expect(v).toMatchObject({
        participant: { id: kenya.participantId },
        version: 2,
        previousVersion: 1,
        visibility: 'public',
        envelope,
        keyId: envelope.signatures[0]!.keyid,
        publishedByUser: kenya.userId,
        ledger: { kind: 'statement', index: null, salt: null },
      });
      expect(v.commitments).toEqual([
        expect.objectContaining({ normId: 'GGE-2015-13f', conditions: null }),
        expect.objectContaining({
          normId: 'CONCORD-R7',
          conditions: 'If the other party consults within 48 hours.',
        }),
      ]);
      expect(
        await count(
          t.deps,
          'audit_events',
          `action = 'doctrine.publish' and subject_id = '${v.id}'`,
        ),
      ).toBe(1);
      await drainLedger(t.deps);
      const shown = (await get(`${API}/${kenya.participantId}/versions/2`)).json<Version>();
      expect(shown.ledger.index).toEqual(expect.any(Number));
      const entry = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/entries/${shown.ledger.index}`,
      });
      expect(entry.json()).toMatchObject({
        kind: 'statement',
        payloadType: DOCTRINE_PAYLOAD_TYPE,
        participantId: kenya.participantId,
        subjectType: 'doctrine_version',
        subjectId: v.id,
        record: { envelope },
      });
      // Immutable: no way to change or remove a version.
      for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
        const r = await t.app.inject({
          method,
          url: `${API}/${kenya.participantId}/versions/2`,
          headers: kenya.headers(),
          payload: {},
        });
        expect(r.statusCode).toBe(404);
      }
    });
  });

  describe('community-only versions', () => {
    const singaporeDoc = (version: number, visibility: string, title: string) => ({
      participantId: singapore.participantId,
      version,
      previousVersion: version - 1,
      title,
      summary: `${title}: operational commitments.`,
      redLines: ['No ICT operation that impairs critical information infrastructure.'],
      thresholds: [],
      permissibleDefence: [],
      commitments: [{ normId: 'CONCORD-R9', statement: 'We control intrusion capabilities.' }],
      visibility,
    });

    it('enter the public ledger only as a salted commitment that members can open', async () => {
      const envelope = signAs(
        'singapore',
        singaporeDoc(2, 'community', 'Confidential operational annex'),
      );
      const res = await publish(singapore, envelope);
      expect(res.statusCode).toBe(201);
      const communityV2 = res.json<Version>();
      expect(communityV2.ledger.kind).toBe('commitment');
      expect(communityV2.ledger.salt).toEqual(expect.any(String));
      await drainLedger(t.deps);
      const shown = (await get(`${API}/${singapore.participantId}/versions/2`)).json<Version>();
      const entry = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/entries/${shown.ledger.index}`,
      });
      expect(entry.statusCode).toBe(200);
      expect(entry.body).not.toContain('Confidential operational annex');
      expect(entry.body).not.toContain(envelope.payload);
      const record = entry.json<{ record: { kind: string; commitment: string } }>().record;
      expect(record.kind).toBe('commitment');
      expect(() =>
        verifyCommitment(
          record.commitment,
          base64ToBytes(shown.ledger.salt!),
          DOCTRINE_PAYLOAD_TYPE,
          envelope,
        ),
      ).not.toThrow();
      // The demo's community version too.
      const v1 = (await get(`${API}/${singapore.participantId}/versions/1`)).json<Version>();
      const demoEntry = await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/entries/${v1.ledger.index}`,
      });
      expect(demoEntry.json<{ record: { kind: string } }>().record.kind).toBe('commitment');
      expect(demoEntry.body).not.toContain(v1.title);
    });

    it('never reach the public: portal list, version, matrix, CSV, per-norm view and export', async () => {
      // Singapore has only community versions (1 and 2): the public sees nothing of them.
      const hidden = await publicDoctrines(t.deps);
      expect(hidden.items.map((d) => d.participant.id)).not.toContain(singapore.participantId);
      const hiddenMatrix = await commitmentsMatrix(t.deps, null);
      expect(hiddenMatrix.participants.find((p) => p.id === singapore.participantId)?.version).toBe(
        null,
      );
      for (const row of hiddenMatrix.rows) {
        expect(row.cells.find((c) => c.participantId === singapore.participantId)?.status).toBe(
          'none',
        );
      }
      expect(await commitmentsForNorm(t.deps, null, 'CONCORD-R9')).toEqual([]);
      // The CSV's Singapore column (cells are the last columns of each line) is all `none`.
      const [header, ...lines] = (await matrixCsv(t.deps, null)).split('\r\n').slice(0, -1);
      const headings = header!.split(',');
      const fromEnd = headings.length - headings.indexOf('Singapore (SGP)');
      expect(fromEnd).toBeLessThan(headings.length);
      expect(new Set(lines.map((l) => l.split(',').at(-fromEnd)))).toEqual(new Set(['none']));
      const memberView = await commitmentsForNorm(t.deps, systemContext(), 'CONCORD-R9');
      expect(memberView.map((c) => c.version)).toEqual([2]);

      // Then Singapore publishes public v3, then community v4.
      const v3 = await publish(
        singapore,
        signAs('singapore', singaporeDoc(3, 'public', 'Public summary of commitments')),
      );
      expect(v3.statusCode).toBe(201);
      const v4 = await publish(
        singapore,
        signAs('singapore', singaporeDoc(4, 'community', 'Restricted update')),
      );
      expect(v4.statusCode).toBe(201);

      const members = await collectPages<Summary>(t.app, API, { cookie: observer.cookie });
      expect(members.find((d) => d.participant.id === singapore.participantId)?.version).toBe(4);

      const portal = await publicDoctrines(t.deps);
      expect(portal.items.every((d) => d.visibility === 'public')).toBe(true);
      expect(portal.items.find((d) => d.participant.id === singapore.participantId)).toMatchObject({
        version: 3,
        title: 'Public summary of commitments',
      });
      expect(JSON.stringify(portal)).not.toContain('Restricted update');
      expect((await publicDoctrines(t.deps, { q: 'Restricted' })).items).toEqual([]);
      expect((await publicDoctrines(t.deps, { visibility: 'community' } as never)).items).toEqual(
        [],
      );
      for (const version of [1, 2, 4]) {
        await expect(
          publicDoctrineVersion(t.deps, singapore.participantId, version),
        ).rejects.toMatchObject({ code: 'NOT_FOUND' });
      }
      expect((await publicDoctrineVersion(t.deps, singapore.participantId, 3)).version).toBe(3);

      const publicMatrix = await commitmentsMatrix(t.deps, null);
      const sgp = publicMatrix.participants.find((p) => p.id === singapore.participantId);
      expect(sgp?.version).toBe(3);
      const memberMatrix = await commitmentsMatrix(t.deps, systemContext());
      expect(memberMatrix.participants.find((p) => p.id === singapore.participantId)?.version).toBe(
        4,
      );

      const r9 = await commitmentsForNorm(t.deps, null, 'CONCORD-R9');
      expect(r9.map((c) => [c.participant.id, c.version, c.visibility])).toEqual([
        [singapore.participantId, 3, 'public'],
      ]);
      const r9Members = await commitmentsForNorm(t.deps, systemContext(), 'CONCORD-R9');
      expect(r9Members.map((c) => c.version)).toEqual([4]);
      const g = await commitmentsForNorm(t.deps, null, 'GGE-2015-13g');
      expect(g.map((c) => c.participant.id)).not.toContain(singapore.participantId);

      const csv = await matrixCsv(t.deps, null);
      const exported = await exportMatrix(t.deps, systemContext('cli', 'cli'), {
        format: 'json',
        publicOnly: true,
      });
      const parsed = JSON.parse(exported) as Matrix & { publicOnly: boolean };
      expect(parsed.publicOnly).toBe(true);
      expect(parsed.participants.find((p) => p.id === singapore.participantId)?.version).toBe(3);
      expect(csv).toBe(
        await exportMatrix(t.deps, systemContext(), { format: 'csv', publicOnly: true }),
      );
      await expect(commitmentsForNorm(t.deps, null, 'NOPE-1')).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });
  });

  describe('commitments matrix', () => {
    const cell = (m: Matrix, normId: string, participantId: string) =>
      m.rows.find((r) => r.normId === normId)?.cells.find((c) => c.participantId === participantId)
        ?.status;

    it('shows norms × states with committed, conditional and none from the latest versions', async () => {
      const res = await get(`${API}/matrix`, observer);
      expect(res.statusCode).toBe(200);
      const m = res.json<Matrix>();
      expect(m.norms.length).toBe(await count(t.deps, 'norms'));
      expect(m.participants.length).toBe(
        await count(t.deps, 'participants', `kind in ('state','regional_organisation')`),
      );
      expect(cell(m, 'GGE-2015-13f', estonia.participantId)).toBe('committed');
      expect(cell(m, 'GGE-2015-13h', estonia.participantId)).toBe('conditional');
      expect(cell(m, 'CONCORD-R2', estonia.participantId)).toBe('none');
      // Estonia's v2 added CONCORD-R7; Kenya's v2 made it conditional.
      expect(cell(m, 'CONCORD-R7', estonia.participantId)).toBe('committed');
      expect(cell(m, 'CONCORD-R7', kenya.participantId)).toBe('conditional');
      expect(cell(m, 'GGE-2015-13a', kenya.participantId)).toBe('none');
      for (const row of m.rows) expect(row.cells.length).toBe(m.participants.length);
    });

    it('filters by category, pillar, norm, status and participant kind', async () => {
      const m = async (q: string) => (await get(`${API}/matrix?${q}`)).json<Matrix>();
      const prohibitions = await m('category=prohibition');
      expect(prohibitions.norms.length).toBeGreaterThan(0);
      expect(prohibitions.norms.every((n) => n.category === 'prohibition')).toBe(true);
      expect((await m('pillar=4')).norms.map((n) => n.id)).toEqual([
        'GGE-2015-13d',
        'GGE-2015-13h',
      ]);
      expect((await m('normId=CONCORD-R7')).rows.map((r) => r.normId)).toEqual(['CONCORD-R7']);
      expect((await m('status=retired')).norms).toEqual([]);
      const orgs = await m('participantKind=regional_organisation');
      expect(orgs.participants).toEqual([]);
      expect(orgs.rows.every((r) => r.cells.length === 0)).toBe(true);
      const bad = await get(`${API}/matrix?pillar=11`);
      expect(bad.statusCode).toBe(400);
      expect(bad.json<Problem>().errors?.[0]?.field).toBe('pillar');
    });

    it('exports the same cells as RFC 4180 CSV, quoting where needed', async () => {
      const json = (await get(`${API}/matrix?category=restraint`)).json<Matrix>();
      const res = await get(`${API}/matrix.csv?category=restraint`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toContain('text/csv');
      const lines = res.body.split('\r\n');
      expect(lines.at(-1)).toBe('');
      expect(lines[0]).toMatch(/^norm_id,title,category,pillar,status,/);
      expect(lines[0]).toContain('Estonia (EST)');
      expect(lines.length - 2).toBe(json.norms.length);
      json.rows.forEach((row, i) => {
        const line = lines[i + 1]!;
        expect(line.startsWith(`${row.normId},`)).toBe(true);
        expect(line.endsWith(`,${row.cells.map((c) => c.status).join(',')}`)).toBe(true);
      });
      const all = (await get(`${API}/matrix.csv`)).body.split('\r\n');
      expect(all.find((l) => l.startsWith('CONCORD-R6,'))).toMatch(
        /^CONCORD-R6,"Disclose responsibly, and never punish those who do",cooperation_duty,3,adopted,/,
      );
    });
  });
});
