/**
 * The commitments matrix on the public portal: no sign-in needed, and only public doctrine
 * versions count, whoever asks — a community version's commitments never reach it, in the
 * JSON or in the CSV.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ed25519StatementSigner, signStatement } from '@concord/ledger';
import { KENYA, createTestApp, login, type Session, type TestApp } from './support/app';
import { dialectName } from './support/database';
import { DOCTRINE_PAYLOAD_TYPE } from '../src/modules/doctrines';

const seedOf = (slug: string) =>
  new Uint8Array(createHash('sha256').update(`concord-demo-key:${slug}`).digest());
const signAs = (slug: string, payload: unknown) =>
  signStatement(DOCTRINE_PAYLOAD_TYPE, payload, ed25519StatementSigner(seedOf(slug)));

interface Matrix {
  norms: { id: string; category: string; pillar: number; status: string }[];
  participants: { id: string; name: string; kind: string; version: number | null }[];
  rows: { normId: string; cells: { participantId: string; status: string }[] }[];
}
interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

/** RFC 4180 records, enough for the matrix: quoted fields may hold commas and doubled quotes. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  for (const line of text.split('\r\n').slice(0, -1)) {
    const fields: string[] = [];
    let i = 0;
    while (i <= line.length) {
      if (line[i] === '"') {
        let value = '';
        i += 1;
        while (i < line.length) {
          if (line[i] === '"' && line[i + 1] === '"') {
            value += '"';
            i += 2;
          } else if (line[i] === '"') {
            i += 1;
            break;
          } else {
            value += line[i];
            i += 1;
          }
        }
        fields.push(value);
        i += 1; // the comma
      } else {
        const end = line.indexOf(',', i);
        fields.push(line.slice(i, end === -1 ? line.length : end));
        i = end === -1 ? line.length + 1 : end + 1;
      }
    }
    records.push(fields);
  }
  return records;
}

const MATRIX = '/api/v1/public/doctrines/matrix';
const CSV = '/api/v1/public/doctrines/matrix.csv';
/** Singapore's community version commits to this; no public version does (see below). */
const COMMUNITY_NORM = 'CONCORD-R6';
/** Kenya's new public version commits to this, with conditions. */
const PUBLIC_NORM = 'CONCORD-R9';

describe(`public commitments matrix (${dialectName})`, () => {
  let t: TestApp;
  let kenya: Session;
  let singapore: Session;
  const anonymous = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  const cell = (m: Matrix, normId: string, participantId: string) =>
    m.rows.find((r) => r.normId === normId)?.cells.find((c) => c.participantId === participantId)
      ?.status;
  /** The CSV cell of a norm's row in a participant's column (the header names the column). */
  const csvCell = (csv: string, m: Matrix, normId: string, participantId: string) => {
    const [header, ...lines] = parseCsv(csv);
    const offset = header!.length - m.participants.length;
    const column = offset + m.participants.findIndex((p) => p.id === participantId);
    return lines.find((l) => l[0] === normId)?.[column];
  };

  beforeAll(async () => {
    t = await createTestApp();
    kenya = await login(t.app, KENYA);
    singapore = await login(t.app, 'diplomat@singapore.example');
    const publish = async (s: Session, slug: string, doc: Record<string, unknown>) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/doctrines',
        headers: s.headers(),
        payload: { envelope: signAs(slug, { participantId: s.participantId, ...doc }) },
      });
      if (res.statusCode !== 201) throw new Error(`publish ${slug}: ${res.body}`);
    };
    const base = {
      version: 2,
      previousVersion: 1,
      redLines: ['No ICT operation that impairs critical information infrastructure.'],
      thresholds: [],
      permissibleDefence: [],
    };
    // Public: Kenya's version 2 adds a conditional commitment.
    await publish(kenya, 'kenya', {
      ...base,
      title: 'Kenya national statement (public)',
      summary: 'Kenya’s public commitments.',
      commitments: [
        { normId: 'GGE-2015-13f', statement: 'Kenya will not damage critical infrastructure.' },
        {
          normId: PUBLIC_NORM,
          statement: 'Kenya controls intrusion capabilities.',
          conditions: 'Once the export-control bill is enacted.',
        },
      ],
      visibility: 'public',
    });
    // Community: Singapore's version 2, shared with members only.
    await publish(singapore, 'singapore', {
      ...base,
      title: 'Singapore operational annex (community)',
      summary: 'For the community only.',
      commitments: [
        { normId: COMMUNITY_NORM, statement: 'Singapore will disclose responsibly.' },
        { normId: PUBLIC_NORM, statement: 'Singapore controls intrusion capabilities.' },
      ],
      visibility: 'community',
    });
  });
  afterAll(() => t.close());

  it('answers an anonymous request, in JSON and in CSV', async () => {
    const res = await anonymous(MATRIX);
    expect(res.statusCode).toBe(200);
    const m = res.json<Matrix>();
    expect(m.norms.length).toBeGreaterThan(10);
    expect(m.participants.length).toBeGreaterThan(0);
    for (const row of m.rows) expect(row.cells.length).toBe(m.participants.length);

    const csv = await anonymous(CSV);
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('attachment');
    expect(parseCsv(csv.body).length - 1).toBe(m.norms.length);

    // The signed-in matrix still wants a session: only the portal's routes are open.
    expect((await anonymous('/api/v1/doctrines/matrix')).statusCode).toBe(401);
  });

  it('ignores a stale session cookie instead of refusing the reader', async () => {
    const res = await anonymous(MATRIX, { cookie: 'concord_session=not-a-session' });
    expect(res.statusCode).toBe(200);
  });

  it('counts public versions only, never a community version’s commitments', async () => {
    const m = (await anonymous(MATRIX)).json<Matrix>();
    // Kenya's public version 2 is there, with its conditional commitment.
    expect(m.participants.find((p) => p.id === kenya.participantId)?.version).toBe(2);
    expect(cell(m, PUBLIC_NORM, kenya.participantId)).toBe('conditional');
    // Singapore has only community versions: a column with no doctrine and no commitments.
    expect(m.participants.find((p) => p.id === singapore.participantId)?.version).toBeNull();
    for (const row of m.rows) {
      expect(row.cells.find((c) => c.participantId === singapore.participantId)?.status).toBe(
        'none',
      );
    }

    const csv = (await anonymous(CSV)).body;
    expect(csvCell(csv, m, PUBLIC_NORM, kenya.participantId)).toBe('conditional');
    expect(csvCell(csv, m, COMMUNITY_NORM, singapore.participantId)).toBe('none');
    expect(csvCell(csv, m, PUBLIC_NORM, singapore.participantId)).toBe('none');

    // Members do see the community version, so the public view above is a real difference.
    const member = (
      await anonymous('/api/v1/doctrines/matrix', { cookie: kenya.cookie })
    ).json<Matrix>();
    expect(cell(member, COMMUNITY_NORM, singapore.participantId)).toBe('committed');
  });

  it('is the public view even for a signed-in member', async () => {
    const m = (await anonymous(MATRIX, { cookie: kenya.cookie })).json<Matrix>();
    expect(m.participants.find((p) => p.id === singapore.participantId)?.version).toBeNull();
    expect(cell(m, COMMUNITY_NORM, singapore.participantId)).toBe('none');
    const csv = (await anonymous(CSV, { cookie: kenya.cookie })).body;
    expect(csvCell(csv, m, COMMUNITY_NORM, singapore.participantId)).toBe('none');
  });

  it('filters by category, pillar, status, norm, participant kind and participant', async () => {
    const m = async (query: string) => (await anonymous(`${MATRIX}?${query}`)).json<Matrix>();
    const prohibitions = await m('category=prohibition');
    expect(prohibitions.norms.length).toBeGreaterThan(0);
    expect(prohibitions.norms.every((n) => n.category === 'prohibition')).toBe(true);
    expect((await m('pillar=4')).norms.map((n) => n.id)).toEqual(['GGE-2015-13d', 'GGE-2015-13h']);
    expect((await m('status=retired')).norms).toEqual([]);
    const one = await m(`normId=${PUBLIC_NORM}`);
    expect(one.rows.map((r) => r.normId)).toEqual([PUBLIC_NORM]);
    expect(cell(one, PUBLIC_NORM, kenya.participantId)).toBe('conditional');
    expect(cell(one, PUBLIC_NORM, singapore.participantId)).toBe('none');
    const orgs = await m('participantKind=regional_organisation');
    expect(orgs.participants).toEqual([]);
    expect(orgs.rows.every((r) => r.cells.length === 0)).toBe(true);
    const states = await m('participantKind=state');
    expect(states.participants.every((p) => p.kind === 'state')).toBe(true);
    const onlyKenya = await m(`participantId=${kenya.participantId}`);
    expect(onlyKenya.participants.map((p) => p.id)).toEqual([kenya.participantId]);

    // The CSV takes the same filters: one line per norm that matched.
    const csv = parseCsv((await anonymous(`${CSV}?category=prohibition`)).body);
    expect(csv.slice(1).map((l) => l[0])).toEqual(prohibitions.norms.map((n) => n.id));
    expect(csv.slice(1).every((l) => l[2] === 'prohibition')).toBe(true);
  });

  it('refuses a bad filter with 400 naming the field', async () => {
    for (const url of [`${MATRIX}?pillar=11`, `${CSV}?pillar=11`]) {
      const res = await anonymous(url);
      expect(res.statusCode).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe('pillar');
    }
    const kind = await anonymous(`${MATRIX}?participantKind=vendor`);
    expect(kind.statusCode).toBe(400);
    expect(kind.json<Problem>().errors?.[0]?.field).toBe('participantKind');
  });

  it('is documented as needing no credentials', async () => {
    const doc = (await anonymous('/api/openapi.json')).json<{
      paths: Record<string, { get: { security?: unknown[]; tags: string[] } }>;
    }>();
    for (const path of [MATRIX, CSV]) {
      expect(doc.paths[path]?.get.security).toEqual([]);
      expect(doc.paths[path]?.get.tags).toEqual(['doctrines']);
    }
  });
});
