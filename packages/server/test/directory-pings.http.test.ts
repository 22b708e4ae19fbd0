import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
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
import { systemContext } from '../src/auth/actor';
import { DomainError } from '../src/errors';
import { runDirectoryJobs, settleDirectoryDeliveries } from '../src/modules/directory';
import { launchRound } from '../src/modules/directory/ping-service';
import { createContact } from '../src/modules/directory/contact-service';
import { changeParticipant, createParticipant } from '../src/modules/participants/service';
import { verifySignature } from '../src/modules/directory/webhook';

const API = '/api/v1/directory';
const MINUTE = 60_000;
const VENDOR = 'psirt@gridworks.example';

interface Problem {
  code: string;
  errors?: { field: string }[];
}
interface Round {
  id: string;
  status: string;
  tasks: number;
  acknowledged: number;
  closedAt: string | null;
  launchedAt: string;
}
interface Task {
  id: string;
  round: { id: string };
  participant: { id: string; name: string };
  contact: { id: string; name: string };
  status: string;
  responseSeconds: number | null;
  remindersSent: number;
  delivery: { email: string | null; webhook: string | null } | null;
}
interface Summary {
  tasks: number;
  acknowledged: number;
  overdue: number;
  missed: number;
  responseRate: number | null;
  medianResponseSeconds: number | null;
}
interface Contact {
  id: string;
  name: string;
  participant: { id: string; name: string };
  channels: { email: string | null };
}

/** RFC 2047 encoded words (as nodemailer writes long or quoted subjects) back to text. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([qb])\?([^?]*)\?=/gi, (_m, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** A local SMTP server that keeps what it is sent. */
async function startSmtp() {
  const mails: { to: string[]; subject: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeHeader(
            /^Subject: (.*(?:\r\n[ \t].*)*)/m.exec(raw)?.[1]?.replace(/\r\n[ \t]/g, ' ') ?? '',
          ),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A local webhook receiver answering with `status`. */
async function startHooks() {
  const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const state = { status: 204 };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      hits.push({ headers: req.headers, body });
      res.statusCode = state.status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/concord`,
    hits,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe(`directory: ping tests (${dialectName})`, () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let hooks: Awaited<ReturnType<typeof startHooks>>;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  let observer: Session;
  let vendor: Session;
  let secret: string;
  let round: Round;
  let current: Contact[];

  const get = (s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s.headers() });
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers(), ...(payload ? { payload } : {}) });
  const myTasks = async (s: Session, query = '') =>
    collectPages<Task>(t.app, `${API}/ping-tasks/mine?limit=2${query}`, s.headers());
  /** Uses every session once, so the idle-time bookkeeping of a moved clock is done. */
  const touchSessions = () =>
    Promise.all([admin, estonia, kenya, observer, vendor].map((s) => get(s, '/api/v1/auth/me')));
  const roundTasks = async () =>
    (await get(admin, `${API}/ping-rounds/${round.id}`))
      .json<{ participants: { items: Task[] }[] }>()
      .participants.flatMap((p) => p.items);

  beforeAll(async () => {
    [smtp, hooks] = await Promise.all([startSmtp(), startHooks()]);
    t = await createTestApp({
      config: {
        smtpUrl: smtp.url,
        sessionIdleMinutes: 60 * 24 * 30,
        webhookTimeoutMs: 2000,
        webhookAllowPrivate: true,
      },
    });
    [admin, estonia, kenya, observer, vendor] = await Promise.all([
      login(t.app, ADMIN),
      login(t.app, ESTONIA),
      login(t.app, KENYA),
      login(t.app, OBSERVER),
      login(t.app, VENDOR),
    ]);
    current = await collectPages<Contact>(t.app, `${API}/contacts?current=true`, admin.headers());
    const settings = await t.app.inject({
      method: 'PUT',
      url: `${API}/settings/mine`,
      headers: estonia.headers(),
      payload: { webhookUrl: hooks.url },
    });
    secret = settings.json<{ webhookSecret: string }>().webhookSecret;
  });
  afterAll(async () => {
    await settleDirectoryDeliveries();
    await t.close();
    await Promise.all([smtp.close(), hooks.close()]);
  });

  it('lets only the secretariat’s administrators and coordinators launch a round', async () => {
    const before = await snapshot(t.deps);
    for (const s of [estonia, vendor, observer, kenya]) {
      const res = await post(s, `${API}/ping-rounds`, { title: 'Unofficial', dueInHours: 24 });
      expect(res.statusCode).toBe(403);
      expect(res.json<Problem>().code).toBe('FORBIDDEN');
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('refuses a bad launch naming the field', async () => {
    const before = await snapshot(t.deps);
    const cases: [object, string][] = [
      [{ title: 'X', dueInHours: 0 }, 'dueInHours'],
      [{ title: 'X', dueInHours: 1.5 }, 'dueInHours'],
      [{ title: 'X', dueInHours: '24' }, 'dueInHours'],
      [{ title: 'X', dueInHours: 24, reminderIntervalMinutes: 1 }, 'reminderIntervalMinutes'],
      [{ dueInHours: 24 }, 'title'],
      [{ title: 'X', dueInHours: 24, audience: 'states' }, 'audience'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(admin, `${API}/ping-rounds`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json<Problem>().errors?.map((e) => e.field)).toContain(field);
    }
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('gives every current contact a task, announced by e-mail and by a signed webhook', async () => {
    const res = await post(admin, `${API}/ping-rounds`, {
      title: 'Communications check, third quarter',
      dueInHours: 24,
      reminderIntervalMinutes: 60,
    });
    expect(res.statusCode).toBe(201);
    round = res.json<Round>();
    expect(round).toMatchObject({ status: 'open', tasks: current.length, acknowledged: 0 });
    expect(
      await count(
        t.deps,
        'audit_events',
        `action = 'ping_round.launch' and subject_id = '${round.id}'`,
      ),
    ).toBe(1);
    await settleDirectoryDeliveries();

    const emails = current.flatMap((c) => (c.channels.email ? [c.channels.email] : []));
    expect(smtp.mails.flatMap((m) => m.to).sort()).toEqual([...emails].sort());
    expect(smtp.mails[0]?.subject).toContain(
      'Concord ping test "Communications check, third quarter"',
    );

    const estoniaContacts = current.filter((c) => c.participant.id === estonia.participantId);
    expect(hooks.hits).toHaveLength(estoniaContacts.length);
    for (const hit of hooks.hits) {
      expect(hit.headers['concord-event']).toBe('ping.task');
      expect(hit.headers['content-type']).toBe('application/json');
      const signature = hit.headers['concord-signature'] as string;
      expect(verifySignature(secret, hit.body, signature, t.clock.now())).toBe(true);
      expect(verifySignature('whsec_wrong', hit.body, signature, t.clock.now())).toBe(false);
      const body = JSON.parse(hit.body) as { event: string; task: { participantId: string } };
      expect(body.event).toBe('ping.task');
      expect(body.task.participantId).toBe(estonia.participantId);
    }

    const tasks = await roundTasks();
    expect(tasks).toHaveLength(current.length);
    for (const task of tasks) {
      const contact = current.find((c) => c.id === task.contact.id) as Contact;
      const webhook = task.participant.id === estonia.participantId ? 'delivered' : null;
      const email = contact.channels.email ? 'sent' : null;
      expect(task.delivery, contact.name).toEqual(webhook || email ? { email, webhook } : null);
      expect(task.status).toBe('pending');
    }
  });

  it('lists each participant’s own tasks, paginated and filtered', async () => {
    const open = await myTasks(kenya, '&status=open');
    expect(open).toHaveLength(3);
    expect(open.every((x) => x.participant.id === kenya.participantId)).toBe(true);
    expect(open.every((x) => x.round.id === round.id)).toBe(true);
    // The demo's two closed rounds: three contacts, each acknowledged twice.
    expect(await myTasks(kenya, '&status=acknowledged')).toHaveLength(6);
    expect(await myTasks(kenya, `&round=${round.id}`)).toHaveLength(3);
    expect(await myTasks(kenya)).toHaveLength(9);
    const bad = await get(kenya, `${API}/ping-tasks/mine?status=late`);
    expect(bad.statusCode).toBe(400);
  });

  it('records an acknowledgement once, timed, and only from the participant’s own users', async () => {
    const [first, second] = await myTasks(kenya, '&status=open');
    t.clock.advance(10 * MINUTE);
    const res = await post(kenya, `${API}/ping-tasks/${first?.id}/acknowledge`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Task>()).toMatchObject({ status: 'acknowledged', responseSeconds: 600 });
    expect(
      await count(
        t.deps,
        'audit_events',
        `action = 'ping_task.acknowledge' and subject_id = '${first?.id}'`,
      ),
    ).toBe(1);

    const [observersTask] = await myTasks(observer, '&status=open');
    expect(observersTask).toBeDefined();
    await touchSessions();
    const before = await snapshot(t.deps);
    const again = await post(kenya, `${API}/ping-tasks/${first?.id}/acknowledge`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('ALREADY_ACKNOWLEDGED');
    const other = await post(estonia, `${API}/ping-tasks/${second?.id}/acknowledge`);
    expect(other.statusCode).toBe(403);
    const secretariat = await post(admin, `${API}/ping-tasks/${second?.id}/acknowledge`);
    expect(secretariat.statusCode).toBe(403);
    const byObserver = await post(observer, `${API}/ping-tasks/${observersTask?.id}/acknowledge`);
    expect(byObserver.statusCode).toBe(403);
    const missing = await post(
      kenya,
      `${API}/ping-tasks/00000000-0000-4000-8000-000000000000/acknowledge`,
    );
    expect(missing.statusCode).toBe(404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('reminds unacknowledged contacts once per interval, even with several processes', async () => {
    const unacknowledged = current.length - 1;
    expect(await runDirectoryJobs(t.deps)).toEqual({ reminders: 0, messagesDelivered: 0 });
    smtp.mails.length = 0;
    hooks.hits.length = 0;
    t.clock.advance(50 * MINUTE); // an hour after the launch
    const runs = await Promise.all([runDirectoryJobs(t.deps), runDirectoryJobs(t.deps)]);
    expect(runs[0].reminders + runs[1].reminders).toBe(unacknowledged);
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ reminders: 0 });

    const tasks = await roundTasks();
    expect(tasks.filter((x) => x.remindersSent === 1)).toHaveLength(unacknowledged);
    expect(tasks.filter((x) => x.status === 'acknowledged').map((x) => x.remindersSent)).toEqual([
      0,
    ]);
    const withEmail = tasks.filter(
      (x) => x.remindersSent === 1 && current.find((c) => c.id === x.contact.id)?.channels.email,
    );
    expect(smtp.mails).toHaveLength(withEmail.length);
    expect(smtp.mails.every((m) => m.subject.startsWith('Reminder: '))).toBe(true);
    expect(hooks.hits.map((h) => h.headers['concord-event'])).toEqual([
      'ping.reminder',
      'ping.reminder',
      'ping.reminder',
    ]);

    t.clock.advance(59 * MINUTE);
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ reminders: 0 });
    t.clock.advance(1 * MINUTE);
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ reminders: unacknowledged });
  });

  it('stores a failed webhook delivery on the task', async () => {
    hooks.state.status = 500;
    t.clock.advance(60 * MINUTE);
    await runDirectoryJobs(t.deps);
    hooks.state.status = 204;
    const estoniaTasks = (await roundTasks()).filter(
      (x) => x.participant.id === estonia.participantId,
    );
    expect(estoniaTasks.map((x) => x.delivery)).toEqual(
      estoniaTasks.map(() => ({ email: 'sent', webhook: 'failed' })),
    );
  });

  it('shows the round per participant: rate, median time and overdue tasks', async () => {
    t.clock.advance(24 * 60 * MINUTE); // past the due time
    const detail = (await get(observer, `${API}/ping-rounds/${round.id}`)).json<{
      summary: Summary;
      participants: ({ participant: { id: string }; items: Task[] } & Summary)[];
    }>();
    expect(detail.summary).toMatchObject({
      tasks: current.length,
      acknowledged: 1,
      overdue: current.length - 1,
      medianResponseSeconds: 600,
    });
    const kenyaRow = detail.participants.find((p) => p.participant.id === kenya.participantId);
    expect(kenyaRow).toMatchObject({
      tasks: 3,
      acknowledged: 1,
      overdue: 2,
      responseRate: 0.3333,
      medianResponseSeconds: 600,
    });
    expect(kenyaRow?.items.map((x) => x.status).sort()).toEqual([
      'acknowledged',
      'overdue',
      'overdue',
    ]);
  });

  it('keeps the round history, newest first, paginated and filtered by status', async () => {
    const all = await collectPages<Round>(t.app, `${API}/ping-rounds?limit=1`, kenya.headers());
    expect(all).toHaveLength(3);
    expect(all[0]?.id).toBe(round.id);
    const launched = all.map((r) => r.launchedAt);
    expect(launched).toEqual([...launched].sort().reverse());
    const open = (await get(kenya, `${API}/ping-rounds?status=open`)).json<{ items: Round[] }>();
    expect(open.items.map((r) => r.id)).toEqual([round.id]);
    const closed = (await get(kenya, `${API}/ping-rounds?status=closed`)).json<{
      items: Round[];
    }>();
    expect(closed.items.every((r) => r.closedAt !== null)).toBe(true);
    expect(closed.items).toHaveLength(2);
  });

  it('summarises rates over time, per participant, overdue tasks and stale contacts', async () => {
    const stats = (await get(kenya, `${API}/ping-stats`)).json<{
      rounds: (Summary & { id: string; launchedAt: string })[];
      participants: (Summary & { participant: { id: string } })[];
      overdueTasks: Task[];
      staleContacts: {
        contact: { name: string };
        participant: { name: string };
        reasons: string[];
      }[];
    }>();
    expect(stats.rounds.map((r) => r.id).at(-1)).toBe(round.id);
    expect(stats.rounds).toHaveLength(3);
    expect(stats.rounds.map((r) => r.launchedAt)).toEqual(
      stats.rounds.map((r) => r.launchedAt).sort(),
    );
    expect(stats.rounds.at(-1)).toMatchObject({ tasks: current.length, acknowledged: 1 });
    expect(stats.overdueTasks).toHaveLength(current.length - 1);
    expect(stats.overdueTasks.every((x) => x.status === 'overdue')).toBe(true);
    const kenyaRow = stats.participants.find((p) => p.participant.id === kenya.participantId);
    expect(kenyaRow).toMatchObject({ tasks: 9, acknowledged: 7 });
    const stale = Object.fromEntries(
      stats.staleContacts.map((s) => [`${s.participant.name}: ${s.contact.name}`, s.reasons]),
    );
    // Digital Peace Watch has only an observer, who may not acknowledge.
    expect(stale['Digital Peace Watch: Tom Okafor']).toEqual(['missed_last_two_rounds']);
    expect(stale['Federative Republic of Brazil: Luana Ferreira']).toContain('expiring');
    const only2 = await get(kenya, `${API}/ping-stats?rounds=2`);
    expect(only2.json<{ rounds: unknown[] }>().rounds).toHaveLength(2);
    expect((await get(kenya, `${API}/ping-stats?rounds=1`)).statusCode).toBe(400);
  });

  it('closes a round: no more acknowledgements or reminders; only the secretariat may', async () => {
    await touchSessions();
    const before = await snapshot(t.deps);
    const refused = await post(estonia, `${API}/ping-rounds/${round.id}/close`);
    expect(refused.statusCode).toBe(403);
    expect(await snapshot(t.deps)).toEqual(before);

    const res = await post(admin, `${API}/ping-rounds/${round.id}/close`);
    expect(res.statusCode).toBe(200);
    expect(res.json<Round>()).toMatchObject({ status: 'closed' });
    const after = await snapshot(t.deps);
    const again = await post(admin, `${API}/ping-rounds/${round.id}/close`);
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().code).toBe('ROUND_CLOSED');
    const [late] = (await myTasks(kenya, `&round=${round.id}`)).filter(
      (x) => x.status !== 'acknowledged',
    );
    const ack = await post(kenya, `${API}/ping-tasks/${late?.id}/acknowledge`);
    expect(ack.statusCode).toBe(409);
    expect(ack.json<Problem>().code).toBe('ROUND_CLOSED');
    expect(await snapshot(t.deps)).toEqual(after);

    t.clock.advance(120 * MINUTE);
    expect(await runDirectoryJobs(t.deps)).toMatchObject({ reminders: 0 });
    expect(await myTasks(kenya, '&status=open')).toEqual([]);
    const statuses = (await roundTasks()).map((x) => x.status);
    expect(new Set(statuses)).toEqual(new Set(['acknowledged', 'missed']));
  });

  it('answers 404 for a round that does not exist', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await get(kenya, `${API}/ping-rounds/${id}`)).statusCode).toBe(404);
    expect((await post(admin, `${API}/ping-rounds/${id}/close`)).statusCode).toBe(404);
  });
});

describe(`directory: a ping round needs contacts (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ demo: false });
  });
  afterAll(() => t.close());

  it('refuses to launch with nobody to ping', async () => {
    const before = await snapshot(t.deps);
    const err = await launchRound(t.deps, systemContext(), { title: 'Empty', dueInHours: 1 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('NO_CURRENT_CONTACTS');
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('leaves out the contacts of a suspended participant', async () => {
    const ctx = systemContext();
    const p = await createParticipant(t.deps, ctx, { name: 'Island CSIRT', kind: 'cert' });
    await createContact(t.deps, ctx, {
      participantId: p.id,
      kind: 'technical',
      designation: 'primary',
      name: 'Duty desk',
      role: 'Incident handling',
      languages: ['en'],
      channels: { email: 'duty@csirt.island.example' },
      availability: '24/7',
    });
    await changeParticipant(t.deps, ctx, p.id, { status: 'suspended' });
    const err = await launchRound(t.deps, ctx, { title: 'Check', dueInHours: 1 }).catch(
      (e: unknown) => e,
    );
    expect((err as DomainError).code).toBe('NO_CURRENT_CONTACTS');
    await changeParticipant(t.deps, ctx, p.id, { status: 'active' });
    const round = await launchRound(t.deps, ctx, { title: 'Check', dueInHours: 1 });
    expect(round.tasks).toBe(1);
  });
});
