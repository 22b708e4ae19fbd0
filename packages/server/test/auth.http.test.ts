import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTestApp,
  DEMO_PASSWORD,
  ESTONIA,
  KENYA,
  login,
  sessionCookie,
  snapshot,
  count,
  type TestApp,
} from './support/app';
import { dialectName } from './support/database';

describe(`authentication (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      config: { loginMaxFailures: 3, loginLockoutMinutes: 15, loginRatePerIp: 1000 },
    });
  });
  afterAll(() => t.close());

  it('logs in with e-mail and password and sets an HttpOnly SameSite session cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'Admin@Secretariat.example', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'concord_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json<{
      user: { email: string; isPlatformAdmin: boolean };
      csrfToken: string;
    }>();
    expect(body.user.email).toBe(ADMIN);
    expect(body.user.isPlatformAdmin).toBe(true);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    expect(res.body).not.toContain('passwordHash');
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: sessionCookie(res) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json<{ user: { email: string }; csrfToken: string }>()).toMatchObject({
      user: { email: ADMIN },
      csrfToken: body.csrfToken,
    });
  });

  it('stores passwords as argon2id hashes', async () => {
    const r = await t.deps.database.db.execute(
      sql`select password_hash from users where email = ${ADMIN}`,
    );
    const rows = (r as { rows: { password_hash: string }[] }).rows;
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('refuses a wrong password with INVALID_CREDENTIALS and the same answer for an unknown account', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: KENYA, password: 'not-the-password' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'nobody@nowhere.example', password: 'not-the-password' },
    });
    for (const res of [wrong, unknown]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
      expect(res.cookies.find((c) => c.name === 'concord_session')).toBeUndefined();
    }
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
  });

  it('locks an account after repeated failures, even for the right password, until the lock-out ends', async () => {
    const email = 'diplomat@brazil.example';
    for (let i = 0; i < 3; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: `wrong-${i}-password` },
      });
      expect(r.json<{ code: string }>().code).toBe('INVALID_CREDENTIALS');
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(locked.statusCode).toBe(423);
    expect(locked.json()).toMatchObject({ code: 'ACCOUNT_LOCKED' });
    expect(await count(t.deps, 'audit_events', `action = 'auth.account_locked'`)).toBe(1);
    t.clock.advance(16 * 60_000);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: DEMO_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('requires the CSRF header on cookie-authenticated changes, and changes nothing without it', async () => {
    const s = await login(t.app, ESTONIA);
    const before = await snapshot(t.deps);
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: s.cookie },
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': 'forged' },
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(wrong.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID' });
    expect(await snapshot(t.deps)).toEqual(before);
    const good = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: s.headers(),
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(good.statusCode).toBe(201);
  });

  it('expires idle sessions with SESSION_EXPIRED', async () => {
    const s = await login(t.app, KENYA);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } }))
        .statusCode,
    ).toBe(200);
    t.clock.advance((t.deps.config.sessionIdleMinutes + 1) * 60_000);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'SESSION_EXPIRED' });
    expect(res.cookies.find((c) => c.name === 'concord_session')?.value).toBe('');
  });

  it('logs out: the session no longer works', async () => {
    const s = await login(t.app, KENYA);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: s.headers(),
    });
    expect(out.statusCode).toBe(204);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: s.cookie },
    });
    expect(me.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('changes the password, signs out other sessions and keeps this one', async () => {
    const a = await login(t.app, 'diplomat@singapore.example');
    const b = await login(t.app, 'diplomat@singapore.example');
    const weak = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers(),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({
      code: 'WEAK_PASSWORD',
      errors: [{ field: 'newPassword' }],
    });
    const wrongCurrent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers(),
      payload: { currentPassword: 'not-my-password', newPassword: 'a much better passphrase' },
    });
    expect(wrongCurrent.json()).toMatchObject({
      code: 'INVALID_CREDENTIALS',
      errors: [{ field: 'currentPassword' }],
    });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: a.headers(),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: 'a much better passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: a.cookie } }))
        .statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: b.cookie } }))
        .statusCode,
    ).toBe(401);
    await expect(login(t.app, 'diplomat@singapore.example')).rejects.toThrow(/401/);
    await login(t.app, 'diplomat@singapore.example', 'a much better passphrase');
  });

  it('answers UNAUTHENTICATED to requests without credentials', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/participants' });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({
      code: 'UNAUTHENTICATED',
      type: '/api/problems/unauthenticated',
    });
  });
});

describe(`login rate limiting (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginRatePerIp: 3, loginRateWindowSeconds: 60 } });
  });
  afterAll(() => t.close());

  it('throttles login attempts per address with 429 and Retry-After, across accounts', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: `user${i}@nowhere.example`, password: 'whatever-password' },
      });
      codes.push(r.statusCode);
      if (r.statusCode === 429) {
        expect(r.json()).toMatchObject({ code: 'RATE_LIMITED' });
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(codes).toEqual([401, 401, 401, 429]);
    // Even the right password is throttled until the window passes.
    const blocked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN, password: DEMO_PASSWORD },
    });
    expect(blocked.statusCode).toBe(429);
    t.clock.advance(61_000);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: ADMIN, password: DEMO_PASSWORD },
    });
    expect(ok.statusCode).toBe(200);
  });
});

describe(`login with a stale session cookie (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('signs in again without needing the old session’s CSRF token, and issues a new session', async () => {
    const first = await login(t.app, ADMIN);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { cookie: first.cookie },
      payload: { email: ADMIN, password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(sessionCookie(res)).not.toBe(first.cookie);
  });
});
