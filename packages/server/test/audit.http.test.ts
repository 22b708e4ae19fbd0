import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  type Session,
  type TestApp,
} from './support/app';
import { collectPages } from './support/app';
import { dialectName } from './support/database';

interface Event {
  id: number;
  action: string;
  actor: { label: string; participantId: string | null };
  via: string;
  subjectParticipantId: string | null;
  ip: string | null;
  requestId: string | null;
  occurredAt: string;
}

describe(`audit trail (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, ADMIN);
    estonia = await login(t.app, ESTONIA);
  });
  afterAll(() => t.close());

  it('records who, what, when and from where for every mutation', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/participants/${estonia.participantId}`,
      headers: { ...estonia.headers(), 'x-request-id': 'req-audit-1', 'user-agent': 'audit-test' },
      payload: { website: 'https://mfa.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).toBe('req-audit-1');
    const trail = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=participant.update',
      headers: { cookie: admin.cookie },
    });
    const [event] = trail.json<{
      items: (Event & { details: { changes: unknown }; userAgent: string })[];
    }>().items;
    expect(event).toMatchObject({
      action: 'participant.update',
      via: 'session',
      actor: { label: ESTONIA, participantId: estonia.participantId },
      subjectParticipantId: estonia.participantId,
      requestId: 'req-audit-1',
      userAgent: 'audit-test',
      ip: '127.0.0.1',
      details: { changes: { website: { from: null, to: 'https://mfa.example' } } },
    });
    expect(Date.parse(event!.occurredAt)).not.toBeNaN();
  });

  it('filters by action prefix, participant and time, newest first, with pagination', async () => {
    const prefix = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?action=auth.&limit=200',
      headers: { cookie: admin.cookie },
    });
    const actions = prefix.json<{ items: Event[] }>().items.map((e) => e.action);
    expect(actions.length).toBeGreaterThanOrEqual(2);
    expect(actions.every((a) => a.startsWith('auth.'))).toBe(true);
    const ids = (
      await collectPages<Event>(t.app, '/api/v1/audit?limit=7', { cookie: admin.cookie })
    ).map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    const future = new Date(t.clock.now().getTime() + 3_600_000).toISOString();
    const none = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?since=${encodeURIComponent(future)}`,
      headers: { cookie: admin.cookie },
    });
    expect(none.json<{ items: Event[] }>().items).toEqual([]);
  });

  it("shows a participant's admin only their own participant's events", async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit?limit=200',
      headers: { cookie: estonia.cookie },
    });
    expect(res.statusCode).toBe(200);
    const items = res.json<{ items: Event[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every(
        (e) =>
          e.actor.participantId === estonia.participantId ||
          e.subjectParticipantId === estonia.participantId,
      ),
    ).toBe(true);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/audit?participantId=${admin.participantId}`,
      headers: { cookie: estonia.cookie },
    });
    expect(other.json()).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses the trail to non-administrators', async () => {
    const kenya = await login(t.app, KENYA);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit',
      headers: { cookie: kenya.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
