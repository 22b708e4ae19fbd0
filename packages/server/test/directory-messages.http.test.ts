import http from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { runDirectoryJobs, settleDirectoryDeliveries } from '../src/modules/directory';
import { verifySignature } from '../src/modules/directory/webhook';

const API = '/api/v1/directory';
const HOUR = 3_600_000;
const BRAZIL = 'diplomat@brazil.example';

interface Problem {
  code: string;
  errors?: { field: string }[];
}
interface Message {
  id: string;
  threadId: string;
  template: string;
  subject: string;
  fields: Record<string, string>;
  body: string;
  from: { participantId: string };
  to: { participantId: string };
  direction: string;
  deliveredAt: string | null;
  readAt: string | null;
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  overdue: boolean;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const incident = {
  template: 'incident_notification',
  subject: 'Ransomware at a hospital network, staged from your territory',
  fields: {
    incidentSummary: 'Ransomware encrypted patient records at two hospitals.',
    detectedAt: '2026-03-02T06:40:00+02:00',
    affectedSystems: 'Hospital information systems',
    severity: 'critical',
    requestedAction: 'Identify and isolate the staging servers; preserve logs.',
  },
};

describe(`directory: messages (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  let brazil: Session;
  let observer: Session;
  let sent: Message;

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s.headers() });
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers(), ...(payload ? { payload } : {}) });
  const box = async (s: Session, query: string) =>
    collectPages<Message>(t.app, `${API}/messages?limit=2&${query}`, s.headers());
  const touchSessions = () =>
    Promise.all([admin, estonia, kenya, brazil, observer].map((s) => get(s, '/api/v1/auth/me')));

  beforeAll(async () => {
    t = await createTestApp({ config: { sessionIdleMinutes: 60 * 24 * 30 } });
    [admin, estonia, kenya, brazil, observer] = await Promise.all([
      login(t.app, ADMIN),
      login(t.app, ESTONIA),
      login(t.app, KENYA),
      login(t.app, BRAZIL),
      login(t.app, OBSERVER),
    ]);
  });
  afterAll(async () => {
    await settleDirectoryDeliveries();
    await t.close();
  });

  it('offers the four templates with their fields', async () => {
    const res = await get(observer, `${API}/message-templates`);
    const items = res.json<{
      items: { id: string; fields: { name: string; required: boolean }[] }[];
    }>().items;
    expect(items.map((x) => x.id)).toEqual([
      'request_for_information',
      'incident_notification',
      'assistance_request',
      'consultation_request',
    ]);
    const required = items
      .find((x) => x.id === 'incident_notification')
      ?.fields.filter((f) => f.required)
      .map((f) => f.name);
    expect(required).toEqual([
      'incidentSummary',
      'detectedAt',
      'affectedSystems',
      'severity',
      'requestedAction',
    ]);
  });

  it('sends a structured message, delivered once stored, with an acknowledgement deadline', async () => {
    const res = await post(estonia, `${API}/messages`, {
      ...incident,
      to: kenya.participantId,
      body: 'Our duty officer is available around the clock.',
      ackDueInHours: 2,
    });
    expect(res.statusCode).toBe(201);
    sent = res.json<Message>();
    const now = t.clock.now().getTime();
    expect(sent).toMatchObject({
      threadId: sent.id,
      direction: 'sent',
      from: { participantId: estonia.participantId },
      to: { participantId: kenya.participantId },
      deliveredAt: new Date(now).toISOString(),
      readAt: null,
      ackDueAt: new Date(now + 2 * HOUR).toISOString(),
      overdue: false,
    });
    expect(
      await count(t.deps, 'audit_events', `action = 'message.send' and subject_id = '${sent.id}'`),
    ).toBe(1);
    expect((await box(kenya, 'box=inbox&unread=true')).map((m) => m.id)).toContain(sent.id);
    expect((await box(estonia, 'box=sent')).map((m) => m.id)).toContain(sent.id);
  });

  it('refuses a message with missing or unknown template fields, naming each, and changes nothing', async () => {
    const before = await snapshot(t.deps);
    const cases: [object, string[]][] = [
      [
        { fields: { severity: 'high' } },
        [
          'fields.incidentSummary',
          'fields.detectedAt',
          'fields.affectedSystems',
          'fields.requestedAction',
        ],
      ],
      [{ fields: { ...incident.fields, severity: 'apocalyptic' } }, ['fields.severity']],
      [{ fields: { ...incident.fields, detectedAt: 'yesterday' } }, ['fields.detectedAt']],
      [{ fields: { ...incident.fields, mood: 'tense' } }, ['fields.mood']],
      [{ template: 'gossip' }, ['template']],
      [{ template: 'reply' }, ['template']],
      [{ to: estonia.participantId }, ['to']],
      [{ to: '00000000-0000-4000-8000-000000000000' }, ['to']],
      [{ ackDueInHours: 0 }, ['ackDueInHours']],
      [{ subject: '' }, ['subject']],
      [{ cc: kenya.participantId }, ['cc']],
    ];
    for (const [over, fields] of cases) {
      const res = await post(estonia, `${API}/messages`, {
        ...incident,
        to: kenya.participantId,
        ...over,
      });
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const named = res.json<Problem>().errors?.map((e) => e.field) ?? [];
      for (const f of fields) expect(named, JSON.stringify(over)).toContain(f);
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('hides a message from every other participant: 404, and absent from their lists', async () => {
    await touchSessions();
    const before = await snapshot(t.deps);
    for (const s of [brazil, admin, observer]) {
      for (const res of [
        await get(s, `${API}/messages/${sent.id}`),
        await get(s, `${API}/threads/${sent.threadId}`),
        await post(s, `${API}/messages/${sent.id}/reply`, { body: 'Listening in' }),
        await post(s, `${API}/messages/${sent.id}/acknowledge`),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(res.json<Problem>().code).toBe('NOT_FOUND');
      }
      for (const query of [
        'box=inbox',
        'box=sent',
        'box=inbox&unread=true',
        'box=sent&template=incident_notification',
      ]) {
        expect((await box(s, query)).map((m) => m.id)).not.toContain(sent.id);
      }
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('records the read receipt when the receiver first opens it, not when the sender does', async () => {
    const bySender = await get(estonia, `${API}/messages/${sent.id}`);
    expect(bySender.json<Message>().readAt).toBeNull();
    t.clock.advance(HOUR / 2);
    const opened = await get(kenya, `${API}/messages/${sent.id}`);
    expect(opened.statusCode).toBe(200);
    const readAt = t.clock.now().toISOString();
    expect(opened.json<Message>()).toMatchObject({ direction: 'inbox', readAt });
    t.clock.advance(HOUR / 4);
    const again = await get(kenya, `${API}/messages/${sent.id}`);
    expect(again.json<Message>().readAt).toBe(readAt);
    expect(
      await count(t.deps, 'audit_events', `action = 'message.read' and subject_id = '${sent.id}'`),
    ).toBe(1);
    expect((await get(estonia, `${API}/messages/${sent.id}`)).json<Message>().readAt).toBe(readAt);
    expect((await box(kenya, 'box=inbox&unread=true')).map((m) => m.id)).not.toContain(sent.id);
    expect((await box(kenya, 'box=inbox&unread=false')).map((m) => m.id)).toContain(sent.id);
  });

  it('flags a missed acknowledgement deadline; only the receiver acknowledges, once', async () => {
    t.clock.advance(2 * HOUR);
    const overdue = await box(kenya, 'box=inbox&overdue=true');
    expect(overdue.map((m) => m.id)).toEqual([sent.id]);
    expect(overdue[0]?.overdue).toBe(true);
    expect((await box(estonia, 'box=sent&overdue=true')).map((m) => m.id)).toEqual([sent.id]);

    await touchSessions();
    const before = await snapshot(t.deps);
    const bySender = await post(estonia, `${API}/messages/${sent.id}/acknowledge`);
    expect(bySender.statusCode).toBe(403);
    expect(await snapshot(t.deps)).toEqual(before);

    const res = await post(kenya, `${API}/messages/${sent.id}/acknowledge`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Message>()).toMatchObject({
      acknowledgedAt: t.clock.now().toISOString(),
      overdue: false,
    });
    const late = await count(
      t.deps,
      'audit_events',
      `action = 'message.acknowledge' and subject_id = '${sent.id}' and details->>'late' = 'true'`,
    );
    expect(late).toBe(1);
    const again = await post(kenya, `${API}/messages/${sent.id}/acknowledge`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('ALREADY_ACKNOWLEDGED');
    expect(await box(kenya, 'box=inbox&overdue=true')).toEqual([]);
  });

  it('threads replies between the two parties; opening the thread reads it', async () => {
    t.clock.advance(HOUR);
    const reply = await post(kenya, `${API}/messages/${sent.id}/reply`, {
      body: 'Both servers are isolated; logs follow.',
      ackDueInHours: 24,
    });
    expect(reply.statusCode).toBe(201);
    const r = reply.json<Message>();
    expect(r).toMatchObject({
      threadId: sent.threadId,
      template: 'reply',
      subject: `Re: ${incident.subject}`,
      from: { participantId: kenya.participantId },
      to: { participantId: estonia.participantId },
      fields: {},
    });
    t.clock.advance(60_000); // one after the other, so the thread's order is certain
    const answer = await post(estonia, `${API}/messages/${r.id}/reply`, { body: 'Thank you.' });
    expect(answer.json<Message>()).toMatchObject({
      subject: `Re: ${incident.subject}`,
      to: { participantId: kenya.participantId },
    });
    expect((await post(kenya, `${API}/messages/${r.id}/reply`, { body: '   ' })).statusCode).toBe(
      400,
    );

    const thread = await get(estonia, `${API}/threads/${sent.threadId}`);
    expect(thread.statusCode).toBe(200);
    const view = thread.json<{ messages: Message[]; participants: { id: string }[] }>();
    expect(view.messages.map((m) => m.template)).toEqual([
      'incident_notification',
      'reply',
      'reply',
    ]);
    expect(view.participants.map((p) => p.id)).toEqual([
      estonia.participantId,
      kenya.participantId,
    ]);
    // Estonia received the first reply: the thread view is its first opening.
    expect(view.messages[1]?.readAt).toBe(t.clock.now().toISOString());
    expect(view.messages[2]?.readAt).toBeNull();
    expect((await get(brazil, `${API}/threads/${sent.threadId}`)).statusCode).toBe(404);
  });

  it('lets an observer read its participant’s messages but not send, reply or acknowledge', async () => {
    const toCivil = await post(estonia, `${API}/messages`, {
      to: observer.participantId,
      template: 'request_for_information',
      subject: 'Your report on election interference',
      fields: { topic: 'Sources', questions: 'Which datasets?', purpose: 'Verification' },
      ackDueInHours: 48,
    });
    expect(toCivil.statusCode).toBe(201);
    const m = toCivil.json<Message>();
    const read = await get(observer, `${API}/messages/${m.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<Message>().readAt).not.toBeNull();

    await touchSessions();
    const before = await snapshot(t.deps);
    for (const res of [
      await post(observer, `${API}/messages`, { ...incident, to: estonia.participantId }),
      await post(observer, `${API}/messages/${m.id}/reply`, { body: 'Here are our sources.' }),
      await post(observer, `${API}/messages/${m.id}/acknowledge`),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json<Problem>().code).toBe('FORBIDDEN');
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('filters by template and pages through a box without repeats', async () => {
    for (let i = 0; i < 3; i++) {
      await post(brazil, `${API}/messages`, {
        to: kenya.participantId,
        template: 'assistance_request',
        subject: `Forensics support ${i}`,
        fields: {
          assistanceType: 'forensics',
          situation: 'Compromised mail server',
          requestedSupport: 'Memory analysis',
          urgency: 'priority',
        },
      });
      t.clock.advance(1000);
    }
    const inbox = await box(kenya, 'box=inbox');
    expect(new Set(inbox.map((m) => m.id)).size).toBe(inbox.length);
    const sentAt = inbox.map((m) => m.id);
    expect(sentAt.length).toBeGreaterThanOrEqual(5);
    const assistance = await box(kenya, 'box=inbox&template=assistance_request');
    expect(assistance.map((m) => m.subject)).toEqual([
      'Forensics support 2',
      'Forensics support 1',
      'Forensics support 0',
    ]);
    const page = (await get(kenya, `${API}/messages?template=assistance_request&limit=2`)).json<
      Page<Message>
    >();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).not.toBeNull();
    const bad = await get(kenya, `${API}/messages?box=outbox`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Problem>().errors?.[0]?.field).toBe('box');
  });
});

describe(`directory: messages pushed to a webhook (${dialectName})`, () => {
  let t: TestApp;
  let estonia: Session;
  let kenya: Session;
  let server: http.Server;
  const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const state = { status: 503 };

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        hits.push({ headers: req.headers, body });
        res.statusCode = state.status;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    t = await createTestApp({
      config: { sessionIdleMinutes: 60 * 24 * 30, webhookAllowPrivate: true },
    });
    [estonia, kenya] = await Promise.all([login(t.app, ESTONIA), login(t.app, KENYA)]);
  });
  afterAll(async () => {
    await settleDirectoryDeliveries();
    await t.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('marks a message delivered when the receiver’s webhook accepts it, retrying until it does', async () => {
    const port = (server.address() as AddressInfo).port;
    const settings = await t.app.inject({
      method: 'PUT',
      url: `${API}/settings/mine`,
      headers: estonia.headers(),
      payload: { webhookUrl: `http://127.0.0.1:${port}/inbox` },
    });
    const secret = settings.json<{ webhookSecret: string }>().webhookSecret;

    const res = await t.app.inject({
      method: 'POST',
      url: `${API}/messages`,
      headers: kenya.headers(),
      payload: { ...incident, to: estonia.participantId },
    });
    expect(res.statusCode).toBe(201);
    const m = res.json<Message>();
    expect(m.deliveredAt).toBeNull();
    await settleDirectoryDeliveries();
    expect(hits).toHaveLength(1);

    const undelivered = await t.app.inject({
      method: 'GET',
      url: `${API}/messages/${m.id}`,
      headers: kenya.headers(),
    });
    expect(undelivered.json<Message>().deliveredAt).toBeNull();

    state.status = 200;
    t.clock.advance(5 * 60_000);
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ messagesDelivered: 1 });
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ messagesDelivered: 0 });
    expect(hits).toHaveLength(2);
    const hit = hits[1];
    expect(hit?.headers['concord-event']).toBe('message.received');
    expect(hit?.headers['concord-delivery']).toBe(m.id);
    expect(hits[0]?.headers['concord-delivery']).toBe(m.id);
    expect(
      verifySignature(
        secret,
        hit?.body ?? '',
        String(hit?.headers['concord-signature']),
        t.clock.now(),
      ),
    ).toBe(true);
    const payload = JSON.parse(hit?.body ?? '{}') as { message: Message };
    expect(payload.message).toMatchObject({
      id: m.id,
      direction: 'inbox',
      fields: incident.fields,
    });

    const delivered = await t.app.inject({
      method: 'GET',
      url: `${API}/messages/${m.id}`,
      headers: kenya.headers(),
    });
    expect(delivered.json<Message>().deliveredAt).toBe(t.clock.now().toISOString());
  });
});
