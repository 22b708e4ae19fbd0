import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  ANALYST,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  snapshot,
  count,
  type Session,
  type TestApp,
} from './support/app';
import { collectPages } from './support/app';
import { meStatus } from './support/app';
import { dialectName } from './support/database';

interface User {
  id: string;
  email: string;
  roles: string[];
  status: string;
  participant: { id: string; name: string };
}

describe(`users (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  let estonia: Session;
  let kenya: Session;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await login(t.app, ADMIN);
    estonia = await login(t.app, ESTONIA);
    kenya = await login(t.app, KENYA);
  });
  afterAll(() => t.close());

  const newUser = (participantId: string, email: string, extra: object = {}) => ({
    participantId,
    email,
    displayName: 'New Person',
    roles: ['analyst'],
    password: 'correct horse battery staple',
    ...extra,
  });

  it('lets a participant admin create a user in their own participant, who can then log in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: estonia.headers(),
      payload: newUser(estonia.participantId, 'Analyst@Estonia.example'),
    });
    expect(res.statusCode).toBe(201);
    const u = res.json<User>();
    expect(u).toMatchObject({
      email: 'analyst@estonia.example',
      roles: ['analyst'],
      status: 'active',
      participant: { id: estonia.participantId },
    });
    expect(res.body).not.toContain('password');
    await login(t.app, 'analyst@estonia.example', 'correct horse battery staple');
    expect(
      await count(t.deps, 'audit_events', `action = 'user.create' and subject_id = '${u.id}'`),
    ).toBe(1);
  });

  it('refuses creating users in another participant, or by a non-admin, and nothing changes', async () => {
    const before = await snapshot(t.deps);
    const cross = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: estonia.headers(),
      payload: newUser(kenya.participantId, 'spy@kenya.example'),
    });
    expect(cross.json()).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const member = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: kenya.headers(),
      payload: newUser(kenya.participantId, 'friend@kenya.example'),
    });
    expect(member.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('validates each field and names it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers(),
      payload: {
        participantId: 'not-a-uuid',
        email: 'nope',
        displayName: '',
        roles: ['king'],
        password: 'x',
        shoeSize: 44,
      },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json<{ errors: { field: string }[] }>()
      .errors.map((e) => e.field)
      .sort();
    expect(fields).toEqual(
      expect.arrayContaining(['participantId', 'email', 'displayName', 'roles.0', 'shoeSize']),
    );
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers(),
      payload: newUser(kenya.participantId, 'weak@kenya.example', { password: 'short' }),
    });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', errors: [{ field: 'password' }] });
    const dup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers(),
      payload: newUser(kenya.participantId, KENYA),
    });
    expect(dup.json()).toMatchObject({
      code: 'EMAIL_TAKEN',
      status: 409,
      errors: [{ field: 'email' }],
    });
    const noParticipant = await t.app.inject({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers(),
      payload: newUser('00000000-0000-4000-8000-000000000000', 'x@y.example'),
    });
    expect(noParticipant.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'participantId' }],
    });
  });

  it('shows members only their own colleagues; other users are 404, not 403', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users',
      headers: { cookie: kenya.cookie },
    });
    const items = list.json<{ items: User[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((u) => u.participant.id === kenya.participantId)).toBe(true);
    const asked = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users?participantId=${estonia.participantId}`,
      headers: { cookie: kenya.cookie },
    });
    expect(asked.json<{ items: User[] }>().items).toEqual([]);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/v1/users/${estonia.userId}`,
      headers: { cookie: kenya.cookie },
    });
    expect(other.statusCode).toBe(404);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?limit=200',
      headers: { cookie: admin.cookie },
    });
    expect(
      new Set(all.json<{ items: User[] }>().items.map((u) => u.participant.id)).size,
    ).toBeGreaterThan(5);
  });

  it('filters users by role and search and paginates by e-mail', async () => {
    const byRole = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?role=assessor',
      headers: { cookie: admin.cookie },
    });
    expect(byRole.json<{ items: User[] }>().items.map((u) => u.email)).toEqual([
      'assessor@panel.example',
    ]);
    const q = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?q=gridworks',
      headers: { cookie: admin.cookie },
    });
    expect(q.json<{ items: User[] }>().items.map((u) => u.email)).toEqual([
      'psirt@gridworks.example',
    ]);
    const seen = (
      await collectPages<User>(t.app, '/api/v1/users?limit=4', { cookie: admin.cookie })
    ).map((u) => u.email);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(await count(t.deps, 'users'));
  });

  it('changes roles and status; disabling ends their sessions', async () => {
    const analyst = await login(t.app, ANALYST);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.userId}`,
      headers: admin.headers(),
      payload: { roles: ['analyst', 'coordinator'] },
    });
    expect(res.json()).toMatchObject({ roles: ['analyst', 'coordinator'] });
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${analyst.userId}`,
      headers: admin.headers(),
      payload: { status: 'disabled' },
    });
    expect(off.json()).toMatchObject({ status: 'disabled' });
    expect(await meStatus(t.app, { cookie: analyst.cookie })).toBe(401);
    const relogin = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ANALYST, password: 'concord-demo-2026' },
    });
    expect(relogin.json()).toMatchObject({ code: 'ACCOUNT_DISABLED' });
    expect(
      await count(
        t.deps,
        'audit_events',
        `action = 'user.disable' and subject_id = '${analyst.userId}'`,
      ),
    ).toBe(1);
  });

  it('keeps at least one secretariat administrator', async () => {
    const before = await snapshot(t.deps);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${admin.userId}`,
      headers: admin.headers(),
      payload: { roles: ['coordinator'] },
    });
    expect(res.json()).toMatchObject({ code: 'LAST_ADMIN', status: 409 });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('lets an admin reset a password, which signs the user out', async () => {
    const k = await login(t.app, KENYA);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/users/${k.userId}/password`,
      headers: admin.headers(),
      payload: { newPassword: 'a fresh temporary passphrase' },
    });
    expect(res.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: k.cookie } }))
        .statusCode,
    ).toBe(401);
    await login(t.app, KENYA, 'a fresh temporary passphrase');
  });
});
