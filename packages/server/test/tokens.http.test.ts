import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADMIN,
  createTestApp,
  ESTONIA,
  KENYA,
  login,
  OBSERVER,
  snapshot,
  type Session,
  type TestApp,
} from './support/app';
import { meStatus } from './support/app';
import { dialectName } from './support/database';

describe(`API tokens (${dialectName})`, () => {
  let t: TestApp;
  let estonia: Session;
  beforeAll(async () => {
    t = await createTestApp();
    estonia = await login(t.app, ESTONIA);
  });
  afterAll(() => t.close());

  const create = async (s: Session, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/tokens', headers: s.headers(), payload });

  it('creates a token shown once, stores only its hash, and authenticates bearer requests without CSRF', async () => {
    const res = await create(estonia, { name: 'sensor feed', scopes: ['read', 'write'] });
    expect(res.statusCode).toBe(201);
    const { token, secret } = res.json<{
      token: { id: string; prefix: string; scopes: string[] };
      secret: string;
    }>();
    expect(secret).toMatch(/^concord_pat_[A-Za-z0-9_-]{43}$/);
    expect(secret.startsWith(token.prefix)).toBe(true);
    const rows = (await snapshot(t.deps)).api_tokens as { token_hash: string }[];
    expect(JSON.stringify(rows)).not.toContain(secret);
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tokens',
      headers: { cookie: estonia.cookie },
    });
    expect(list.body).not.toContain(secret);
    expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toContain(token.id);

    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email: ESTONIA }, csrfToken: null });
    // A bearer mutation needs no CSRF header.
    const post = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'child', scopes: ['read'] },
    });
    expect(post.statusCode).toBe(201);
  });

  it('enforces scopes: a read token cannot change anything', async () => {
    const { secret } = (await create(estonia, { name: 'read only', scopes: ['read'] })).json<{
      secret: string;
    }>();
    const before = await snapshot(t.deps);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'x', scopes: ['read'] },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'write' });
    const after = await snapshot(t.deps);
    // Only last_used_at of the token may move.
    expect({ ...after, api_tokens: [] }).toEqual({ ...before, api_tokens: [] });
    expect(after.api_tokens!.length).toBe(before.api_tokens!.length);
  });

  it('needs the admin scope for administration even when the user is an admin', async () => {
    const admin = await login(t.app, ADMIN);
    const { secret } = (
      await create(admin, { name: 'automation', scopes: ['read', 'write'] })
    ).json<{ secret: string }>();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: { authorization: `Bearer ${secret}` },
      payload: { name: 'Some CERT', kind: 'cert' },
    });
    expect(res.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE', requiredScope: 'admin' });
    const { secret: adminSecret } = (
      await create(admin, { name: 'admin automation', scopes: ['read', 'write', 'admin'] })
    ).json<{ secret: string }>();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: { authorization: `Bearer ${adminSecret}` },
      payload: { name: 'Some CERT', kind: 'cert' },
    });
    expect(ok.statusCode).toBe(201);
  });

  it('refuses scopes wider than the user: admin scope for a non-admin, write for an observer', async () => {
    const kenya = await login(t.app, KENYA);
    const before = await snapshot(t.deps);
    expect((await create(kenya, { name: 'x', scopes: ['admin'] })).json()).toMatchObject({
      code: 'FORBIDDEN',
    });
    const observer = await login(t.app, OBSERVER);
    const afterLogin = await snapshot(t.deps);
    expect((await create(observer, { name: 'x', scopes: ['write'] })).json()).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await snapshot(t.deps)).api_tokens).toEqual(before.api_tokens);
    expect((await snapshot(t.deps)).audit_events).toEqual(afterLogin.audit_events);
  });

  it('revokes: the token stops working with TOKEN_REVOKED, and cannot be revoked twice', async () => {
    const { token, secret } = (
      await create(estonia, { name: 'to revoke', scopes: ['read'] })
    ).json<{ token: { id: string }; secret: string }>();
    const rev = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${token.id}/revoke`,
      headers: estonia.headers(),
    });
    expect(rev.statusCode).toBe(200);
    expect(rev.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'TOKEN_REVOKED' });
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${token.id}/revoke`,
      headers: estonia.headers(),
    });
    expect(again.json()).toMatchObject({ code: 'ALREADY_REVOKED', status: 409 });
  });

  it("hides other users' tokens: revoking one answers 404 and changes nothing", async () => {
    const { token } = (await create(estonia, { name: 'mine', scopes: ['read'] })).json<{
      token: { id: string };
    }>();
    const kenya = await login(t.app, KENYA);
    const before = await snapshot(t.deps);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tokens/${token.id}/revoke`,
      headers: kenya.headers(),
    });
    expect(res.statusCode).toBe(404);
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('expires tokens', async () => {
    const { secret } = (
      await create(estonia, { name: 'short', scopes: ['read'], expiresInDays: 1 })
    ).json<{ secret: string }>();
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(200);
    t.clock.advance(86_400_000 + 1000);
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${secret}` },
    });
    expect(res.json()).toMatchObject({ code: 'TOKEN_EXPIRED' });
    t.clock.advance(-(86_400_000 + 1000));
  });

  it('rejects malformed and unknown bearer tokens', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Basic abc' },
    });
    expect(bad.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    const unknown = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer concord_pat_nope' },
    });
    expect(unknown.json()).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
  });

  it("a disabled user's tokens stop working", async () => {
    const admin = await login(t.app, ADMIN);
    const kenya = await login(t.app, KENYA);
    const { secret } = (await create(kenya, { name: 'k', scopes: ['read'] })).json<{
      secret: string;
    }>();
    const dis = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/users/${kenya.userId}`,
      headers: admin.headers(),
      payload: { status: 'disabled' },
    });
    expect(dis.statusCode).toBe(200);
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${secret}` },
        })
      ).statusCode,
    ).toBe(401);
    expect(await meStatus(t.app, { cookie: kenya.cookie })).toBe(401);
  });
});
