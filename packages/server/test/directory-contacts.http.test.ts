import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
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

interface Contact {
  id: string;
  participant: { id: string; name: string };
  kind: string;
  designation: string;
  name: string;
  languages: string[];
  channels: { email: string | null; phone: string | null; secureHandle: string | null };
  availability: string;
  hours: string | null;
  timeZone: string | null;
  validFrom: string;
  validUntil: string | null;
  current: boolean;
}

interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

const API = '/api/v1/directory';
/** Contacts the demo gives its ten participants. */
const DEMO_CONTACTS = 23;

const day = (d: Date, plus = 0) =>
  new Date(d.getTime() + plus * 86_400_000).toISOString().slice(0, 10);

const newContact = (over: Record<string, unknown> = {}) => ({
  kind: 'technical',
  designation: 'alternate',
  name: 'Liis Saar',
  role: 'Night-shift incident handler',
  languages: ['et', 'EN'],
  channels: { email: 'liis.saar@cert.estonia.example', phone: '+3725550199' },
  availability: 'hours',
  hours: 'Mon–Sun 20:00–08:00',
  timeZone: 'Europe/Tallinn',
  ...over,
});

describe(`directory: points of contact (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  let observer: Session;
  let today: string;

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s.headers() });
  const send = (s: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) =>
    t.app.inject({ method, url, headers: s.headers(), payload });

  beforeAll(async () => {
    // Sessions outlive the days this suite moves the clock by.
    t = await createTestApp({ config: { sessionIdleMinutes: 60 * 24 * 30 } });
    [admin, estonia, kenya, observer] = await Promise.all([
      login(t.app, ADMIN),
      login(t.app, ESTONIA),
      login(t.app, KENYA),
      login(t.app, OBSERVER),
    ]);
    today = day(t.clock.now());
  });
  afterAll(() => t.close());

  async function estoniaContacts(): Promise<Contact[]> {
    return collectPages<Contact>(
      t.app,
      `${API}/contacts?participant=${estonia.participantId}`,
      estonia.headers(),
    );
  }

  it('lists the whole directory to any member, in directory order, across pages', async () => {
    const all = await collectPages<Contact>(t.app, `${API}/contacts?limit=4`, observer.headers());
    expect(all).toHaveLength(DEMO_CONTACTS);
    expect(new Set(all.map((c) => c.id)).size).toBe(DEMO_CONTACTS);
    const keys = all.map((c) => [
      c.participant.name.toLowerCase(),
      c.kind,
      c.designation === 'alternate' ? 1 : 0,
    ]);
    expect(keys).toEqual(
      [...keys].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    const kenyaFirst = all.filter((c) => c.participant.id === kenya.participantId);
    expect(kenyaFirst.map((c) => `${c.kind}/${c.designation}`)).toEqual([
      'diplomatic/primary',
      'technical/primary',
      'technical/alternate',
    ]);
  });

  it('filters by participant, kind, language, text and current validity', async () => {
    const items = async (query: string) =>
      (await get(kenya, `${API}/contacts?${query}`)).json<{ items: Contact[] }>().items;
    expect((await items(`participant=${estonia.participantId}`)).map((c) => c.name)).toEqual([
      'Kadri Tamm',
      'Mart Kask',
      'CERT-EE duty officer',
    ]);
    const technical = await items('kind=technical&limit=200');
    expect(technical.every((c) => c.kind === 'technical')).toBe(true);
    expect(technical).toHaveLength(12);
    // Swahili: Kenya's three contacts and the researcher's two.
    const swahili = await items('language=sw&limit=200');
    expect(swahili).toHaveLength(5);
    expect(await items('language=SW')).toHaveLength(5);
    expect((await items('q=ke-cirt')).map((c) => c.name)).toEqual(['KE-CIRT/CC duty desk']);
    expect((await items('q=republic%20of%20kenya')).length).toBe(3);
    const current = await items('current=true&limit=200');
    expect(current).toHaveLength(DEMO_CONTACTS);
    expect(current.every((c) => c.current)).toBe(true);
  });

  it('refuses bad filters naming the parameter', async () => {
    for (const [query, field] of [
      ['language=english!', 'language'],
      ['kind=military', 'kind'],
      ['participant=not-a-uuid', 'participant'],
      ['cursor=garbage', 'cursor'],
      ['limit=0', 'limit'],
    ]) {
      const res = await get(kenya, `${API}/contacts?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
    }
  });

  it('refuses anonymous callers', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${API}/contacts` });
    expect(res.statusCode).toBe(401);
  });

  it('lets a participant add its own contact, canonicalised and audited in the same transaction', async () => {
    const res = await send(estonia, 'POST', `${API}/contacts`, newContact());
    expect(res.statusCode).toBe(201);
    const c = res.json<Contact>();
    expect(c).toMatchObject({
      participant: { id: estonia.participantId, name: 'Republic of Estonia' },
      languages: ['et', 'en'],
      validFrom: today,
      validUntil: null,
      current: true,
      timeZone: 'Europe/Tallinn',
    });
    expect(
      await count(t.deps, 'audit_events', `action = 'contact.create' and subject_id = '${c.id}'`),
    ).toBe(1);
    const fetched = await get(kenya, `${API}/contacts/${c.id}`);
    expect(fetched.json()).toEqual(c);
  });

  it('refuses a second primary of a kind whose validity overlaps, naming the dates', async () => {
    const before = await snapshot(t.deps);
    const res = await send(
      estonia,
      'POST',
      `${API}/contacts`,
      newContact({ designation: 'primary', validFrom: day(t.clock.now(), 30) }),
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json<Problem>();
    expect(problem.code).toBe('CONTACT_VALIDITY_OVERLAP');
    expect(problem.errors?.map((e) => e.field)).toEqual(['validFrom', 'validUntil']);
    expect(await snapshot(t.deps)).toEqual(before);
    // A primary of the other kind, or an alternate, is fine; so is one that starts later.
    const primary = (await estoniaContacts()).find(
      (c) => c.kind === 'technical' && c.designation === 'primary',
    );
    const retired = await send(estonia, 'POST', `${API}/contacts/${primary?.id}/retire`, {
      validUntil: day(t.clock.now(), 29),
    });
    expect(retired.statusCode).toBe(200);
    const successor = await send(
      estonia,
      'POST',
      `${API}/contacts`,
      newContact({ designation: 'primary', validFrom: day(t.clock.now(), 30) }),
    );
    expect(successor.statusCode).toBe(201);
    expect(successor.json<Contact>().current).toBe(false);
    // Moving the successor's start a day earlier makes the two overlap again.
    const moved = await send(estonia, 'PATCH', `${API}/contacts/${successor.json<Contact>().id}`, {
      validFrom: day(t.clock.now(), 29),
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json<Problem>().code).toBe('CONTACT_VALIDITY_OVERLAP');
  });

  it('refuses bad contacts with a problem naming each field, and changes nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ channels: {} }, ['channels']],
      [{ channels: { phone: '0712 345 678' } }, ['channels.phone']],
      [{ channels: { email: 'nobody' } }, ['channels.email']],
      [{ channels: { secureHandle: 'whatsapp' } }, ['channels.secureHandle']],
      [{ timeZone: 'Mars/Olympus_Mons' }, ['timeZone']],
      [{ hours: undefined }, ['hours']],
      [{ availability: '24/7' }, ['hours', 'timeZone']],
      [{ languages: ['en', 'english!'] }, ['languages.1']],
      [{ languages: [] }, ['languages']],
      [{ validFrom: '2026-06-10', validUntil: '2026-06-09' }, ['validUntil']],
      [{ validFrom: '2026-02-30' }, ['validFrom']],
      [{ validFrom: '10/06/2026' }, ['validFrom']],
      [{ kind: 'military' }, ['kind']],
      [{ nickname: 'Liis' }, ['nickname']],
      [{ name: 42 }, ['name']],
    ];
    const before = await snapshot(t.deps);
    for (const [over, fields] of cases) {
      const res = await send(estonia, 'POST', `${API}/contacts`, newContact(over));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const errors = res.json<Problem>().errors?.map((e) => e.field) ?? [];
      for (const f of fields) expect(errors, JSON.stringify(over)).toContain(f);
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('lets only the participant’s own admins and members edit its contacts', async () => {
    const target = (await estoniaContacts())[0] as Contact;
    const before = await snapshot(t.deps);
    const attempts = [
      // Another state's member.
      send(kenya, 'PATCH', `${API}/contacts/${target.id}`, { role: 'Changed by Kenya' }),
      send(kenya, 'POST', `${API}/contacts/${target.id}/retire`, {}),
      send(kenya, 'POST', `${API}/contacts`, newContact({ participantId: estonia.participantId })),
      // The secretariat reads everything but edits nobody else's entries.
      send(admin, 'PATCH', `${API}/contacts/${target.id}`, { role: 'Changed by the secretariat' }),
      send(admin, 'POST', `${API}/contacts`, newContact({ participantId: estonia.participantId })),
      // An observer changes nothing, not even its own participant's entries.
      send(observer, 'POST', `${API}/contacts`, newContact()),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(403);
      expect(res.json<Problem>().code).toBe('FORBIDDEN');
    }
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await get(admin, `${API}/contacts/${target.id}`)).statusCode).toBe(200);
  });

  it('changes a contact, records what changed, and does nothing for an unchanged patch', async () => {
    const target = (await estoniaContacts()).find((c) => c.name === 'Mart Kask') as Contact;
    const res = await send(estonia, 'PATCH', `${API}/contacts/${target.id}`, {
      availability: '24/7',
      channels: { secureHandle: 'signal:+37255512345' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json<Contact>()).toMatchObject({
      availability: '24/7',
      hours: null,
      timeZone: null,
      channels: { email: null, phone: null, secureHandle: 'signal:+37255512345' },
    });
    const where = `action = 'contact.update' and subject_id = '${target.id}'`;
    expect(await count(t.deps, 'audit_events', where)).toBe(1);
    const before = await snapshot(t.deps);
    const same = await send(estonia, 'PATCH', `${API}/contacts/${target.id}`, {
      availability: '24/7',
    });
    expect(same.statusCode).toBe(200);
    expect(await snapshot(t.deps)).toEqual(before);
    const empty = await send(estonia, 'PATCH', `${API}/contacts/${target.id}`, {});
    expect(empty.statusCode).toBe(400);
  });

  it('retires a contact from today by default; it stays listed, no longer current tomorrow', async () => {
    const created = (
      await send(estonia, 'POST', `${API}/contacts`, newContact({ name: 'Short-lived' }))
    ).json<Contact>();
    const res = await send(estonia, 'POST', `${API}/contacts/${created.id}/retire`, {});
    expect(res.statusCode).toBe(200);
    expect(res.json<Contact>()).toMatchObject({ validUntil: today, current: true });
    const before = await snapshot(t.deps);
    const again = await send(estonia, 'POST', `${API}/contacts/${created.id}/retire`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('CONTACT_ENDED');
    const early = await send(estonia, 'POST', `${API}/contacts/${created.id}/retire`, {
      validUntil: day(t.clock.now(), -1),
    });
    expect(early.statusCode).toBe(400);
    expect(early.json<Problem>().errors?.[0]?.field).toBe('validUntil');
    expect(await snapshot(t.deps)).toEqual(before);

    t.clock.advance(86_400_000);
    const later = (await get(kenya, `${API}/contacts/${created.id}`)).json<Contact>();
    expect(later.current).toBe(false);
    const current = await collectPages<Contact>(
      t.app,
      `${API}/contacts?current=true&participant=${estonia.participantId}`,
      kenya.headers(),
    );
    expect(current.map((c) => c.id)).not.toContain(created.id);
    expect((await estoniaContacts()).map((c) => c.id)).toContain(created.id);
    t.clock.advance(-86_400_000);
  });

  it('answers 404 for a contact that does not exist', async () => {
    const res = await get(kenya, `${API}/contacts/00000000-0000-4000-8000-000000000000`);
    expect(res.statusCode).toBe(404);
    expect(res.json<Problem>().code).toBe('NOT_FOUND');
  });
});

describe(`directory: delivery settings (${dialectName})`, () => {
  let t: TestApp;
  let estonia: Session;
  let kenya: Session;
  beforeAll(async () => {
    t = await createTestApp();
    [estonia, kenya] = await Promise.all([login(t.app, ESTONIA), login(t.app, KENYA)]);
  });
  afterAll(() => t.close());

  const put = (s: Session, payload: object) =>
    t.app.inject({
      method: 'PUT',
      url: `${API}/settings/mine`,
      headers: s.headers(),
      payload,
    });

  it('shows the webhook secret once, when issued or rotated, and never stores it in the audit trail', async () => {
    const initial = await t.app.inject({
      method: 'GET',
      url: `${API}/settings/mine`,
      headers: estonia.headers(),
    });
    expect(initial.json()).toMatchObject({ webhookUrl: null, webhookSecretSet: false });

    const set = await put(estonia, { webhookUrl: 'https://hooks.mfa.estonia.example/concord' });
    expect(set.statusCode).toBe(200);
    const secret = set.json<{ webhookSecret: string }>().webhookSecret;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const read = await t.app.inject({
      method: 'GET',
      url: `${API}/settings/mine`,
      headers: estonia.headers(),
    });
    const settings = read.json<Record<string, unknown>>();
    expect(Object.keys(settings).sort()).toEqual([
      'participantId',
      'updatedAt',
      'webhookSecretSet',
      'webhookUrl',
    ]);
    expect(settings).toMatchObject({
      participantId: estonia.participantId,
      webhookUrl: 'https://hooks.mfa.estonia.example/concord',
      webhookSecretSet: true,
    });

    const moved = await put(estonia, { webhookUrl: 'https://hooks2.mfa.estonia.example/concord' });
    expect(moved.json()).not.toHaveProperty('webhookSecret');
    const rotated = await put(estonia, {
      webhookUrl: 'https://hooks2.mfa.estonia.example/concord',
      rotateSecret: true,
    });
    expect(rotated.json<{ webhookSecret: string }>().webhookSecret).not.toBe(secret);

    const trail = (await snapshot(t.deps)).audit_events as { details: unknown }[];
    expect(JSON.stringify(trail)).not.toContain(secret);
    expect(await count(t.deps, 'audit_events', `action = 'directory.settings.update'`)).toBe(3);

    const removed = await put(estonia, { webhookUrl: null });
    expect(removed.json()).toMatchObject({ webhookUrl: null, webhookSecretSet: false });
  });

  it('accepts https to public hosts only (private addresses are refused by default), naming the field', async () => {
    const before = await snapshot(t.deps);
    for (const webhookUrl of [
      'http://hooks.mfa.estonia.example/concord',
      'https://user:pw@hooks.example/',
      'ftp://hooks.example/',
      'not a url',
      'http://127.0.0.1:9/hook',
      'https://10.0.0.5/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/hook',
    ]) {
      const res = await put(estonia, { webhookUrl });
      expect(res.statusCode, webhookUrl).toBe(400);
      expect(res.json<Problem>().errors?.[0]?.field).toBe('webhookUrl');
    }
    expect((await put(estonia, { webhookUrl: null, rotateSecret: true })).statusCode).toBe(400);
    expect(await snapshot(t.deps)).toEqual(before);
    expect((await put(estonia, { webhookUrl: 'https://203.0.114.9/hook' })).statusCode).toBe(200);
  });

  it('lets only the participant’s administrators change them', async () => {
    const before = await snapshot(t.deps);
    const res = await put(kenya, { webhookUrl: 'https://hooks.mfa.kenya.example/' });
    expect(res.statusCode).toBe(403);
    expect(res.json<Problem>().code).toBe('FORBIDDEN');
    expect(await snapshot(t.deps)).toEqual(before);
    const mine = await t.app.inject({
      method: 'GET',
      url: `${API}/settings/mine`,
      headers: kenya.headers(),
    });
    expect(mine.json()).toMatchObject({ participantId: kenya.participantId, webhookUrl: null });
  });
});
