import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  collectPages,
  createTestApp,
  KENYA,
  login,
  type Session,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';
import { DEMO_COMMUNITY } from '../src/demo/community.data';

const API = '/api/v1/directory';

interface Contact {
  participant: { id: string; name: string };
  kind: string;
  designation: string;
  current: boolean;
  validUntil: string | null;
}
interface Round {
  id: string;
  status: string;
  launchedAt: string;
  closedAt: string | null;
}
interface Row {
  participant: { name: string };
  tasks: number;
  acknowledged: number;
  onTime: number;
  late: number;
  missed: number;
}
interface Message {
  id: string;
  threadId: string;
  template: string;
  readAt: string | null;
  acknowledgedAt: string | null;
}

describe(`directory demo (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let kenya: Session;
  beforeAll(async () => {
    t = await createTestApp();
    [admin, kenya] = await Promise.all([login(t.app, ADMIN), login(t.app, KENYA)]);
  });
  afterAll(() => t.close());

  const get = <T>(s: Session, url: string) =>
    t.app.inject({ method: 'GET', url, headers: s.headers() }).then((r) => r.json<T>());

  it('gives every participant a current diplomatic and technical primary; one ends soon', async () => {
    const contacts = await collectPages<Contact>(t.app, `${API}/contacts`, kenya.headers());
    const names = new Set(contacts.map((c) => c.participant.name));
    expect(names).toEqual(new Set(DEMO_COMMUNITY.map((p) => p.name)));
    for (const name of names) {
      const own = contacts.filter((c) => c.participant.name === name && c.current);
      for (const kind of ['diplomatic', 'technical']) {
        expect(
          own.filter((c) => c.kind === kind && c.designation === 'primary'),
          `${name} ${kind}`,
        ).toHaveLength(1);
      }
    }
    expect(contacts.filter((c) => c.designation === 'alternate').length).toBeGreaterThan(0);
    const in30 = new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(contacts.filter((c) => c.validUntil !== null && c.validUntil <= in30)).toHaveLength(1);
  });

  it('has a completed round in the past with one late and one silent participant, and an older one', async () => {
    const rounds = await collectPages<Round>(t.app, `${API}/ping-rounds`, kenya.headers());
    expect(rounds).toHaveLength(2);
    const now = t.clock.now().toISOString();
    expect(
      rounds.every((r) => r.status === 'closed' && r.closedAt !== null && r.closedAt < now),
    ).toBe(true);
    const latest = await get<{ participants: Row[] }>(kenya, `${API}/ping-rounds/${rounds[0]?.id}`);
    const late = latest.participants.filter((p) => p.late > 0).map((p) => p.participant.name);
    const silent = latest.participants
      .filter((p) => p.acknowledged === 0)
      .map((p) => p.participant.name);
    expect(late).toEqual(['Federative Republic of Brazil']);
    expect(silent).toEqual(['Digital Peace Watch']);
    const answered = latest.participants.filter((p) => p.acknowledged === p.tasks);
    expect(answered.length).toBe(latest.participants.length - 1);
    const stats = await get<{ rounds: { responseRate: number; medianResponseSeconds: number }[] }>(
      kenya,
      `${API}/ping-stats`,
    );
    expect(stats.rounds).toHaveLength(2);
    expect(new Set(stats.rounds.map((r) => r.medianResponseSeconds)).size).toBe(2);
    const [older, recent] = stats.rounds;
    expect(older?.responseRate).toBeLessThan(recent?.responseRate ?? 0);
  });

  it('has an acknowledged incident notification, an answered consultation and an unread RFI', async () => {
    const inbox = await collectPages<Message>(t.app, `${API}/messages?box=inbox`, kenya.headers());
    const notification = inbox.find((m) => m.template === 'incident_notification');
    expect(notification?.acknowledgedAt).not.toBeNull();
    const rfi = inbox.find((m) => m.template === 'request_for_information');
    expect(rfi?.readAt).toBeNull();
    const estonia = await login(t.app, 'diplomat@estonia.example');
    const sent = await collectPages<Message>(t.app, `${API}/messages?box=sent`, estonia.headers());
    const consultation = sent.find((m) => m.template === 'consultation_request');
    const thread = await get<{ messages: Message[] }>(
      estonia,
      `${API}/threads/${consultation?.threadId}`,
    );
    expect(thread.messages.map((m) => m.template)).toEqual(['consultation_request', 'reply']);
    // The secretariat is party to none of them.
    const secretariat = await collectPages<Message>(
      t.app,
      `${API}/messages?box=inbox`,
      admin.headers(),
    );
    expect(secretariat).toEqual([]);
  });

  it('documents every directory route under the one tag', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, { tags?: string[] }>>;
    }>();
    const ops = Object.entries(doc.paths)
      .filter(([p]) => p.startsWith('/api/v1/directory/'))
      .flatMap(([, methods]) => Object.values(methods));
    expect(ops.length).toBe(21);
    for (const op of ops) expect(op.tags).toEqual(['directory']);
  });
});
