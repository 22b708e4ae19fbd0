import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ADMIN, createTestApp, login, snapshot, type Session, type TestApp } from './support/app';
import { dialectName } from './support/database';

describe(`bad input and failure (${dialectName})`, () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await createTestApp({ config: { bodyLimit: 4096 } });
    admin = await login(t.app, ADMIN);
    t.app.log.level = 'silent';
  });
  afterAll(() => t.close());

  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/participants',
      headers: admin.headers({ 'content-type': 'application/json', ...headers }),
      payload,
    });

  it('answers malformed JSON with MALFORMED_JSON and changes nothing', async () => {
    const before = await snapshot(t.deps);
    const res = await post('{"name": "Broken", "kind": ');
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      status: 400,
      type: '/api/problems/malformed-json',
    });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('answers wrong types and unknown fields naming every field', async () => {
    const res = await post({ name: 42, kind: 'cert', extra: true, nested: { a: 1 } });
    expect(res.statusCode).toBe(400);
    const body = res.json<{
      code: string;
      errors: { field: string; message: string }[];
      detail: string;
    }>();
    expect(body.code).toBe('VALIDATION_FAILED');
    const byField = Object.fromEntries(body.errors.map((e) => [e.field, e.message]));
    expect(byField.name).toMatch(/string/);
    expect(byField.extra).toBe('is not a known field');
    expect(byField.nested).toBe('is not a known field');
    expect(body.detail).toContain('name:');
  });

  it('rejects bodies over the limit with 413 BODY_TOO_LARGE', async () => {
    const before = await snapshot(t.deps);
    const res = await post({ name: 'Big', kind: 'cert', description: 'x'.repeat(10_000) });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'BODY_TOO_LARGE' });
    expect(await snapshot(t.deps)).toEqual(before);
  });

  it('rejects other media types with 415', async () => {
    const res = await post('name=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('refuses prototype pollution attempts', async () => {
    const res = await post('{"name":"Proto","kind":"cert","__proto__":{"admin":true}}');
    expect(res.statusCode).toBe(400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers unknown API routes with a ROUTE_NOT_FOUND problem', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/nope',
      headers: { cookie: admin.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND' });
  });

  it('validates query strings and path parameters', async () => {
    const limit = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants?limit=100000',
      headers: { cookie: admin.cookie },
    });
    expect(limit.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'limit' }] });
    const id = await t.app.inject({
      method: 'GET',
      url: '/api/v1/participants/1%27%20or%201=1',
      headers: { cookie: admin.cookie },
    });
    expect(id.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'id' }] });
  });

  it('keeps the database as it was when storage fails mid-transaction (disk full), answering 503', async () => {
    // The audit insert is the transaction's last statement: make it fail the way PostgreSQL
    // does when the disk is full (SQLSTATE 53100), after the participant row was written.
    await t.deps.database.db.execute(
      sql.raw(`
      create or replace function concord_test_disk_full() returns trigger language plpgsql as $$
      begin raise exception 'could not extend file: No space left on device' using errcode = '53100'; end $$`),
    );
    await t.deps.database.db.execute(
      sql.raw(`
      create trigger concord_test_disk_full before insert on audit_events
        for each row when (new.action = 'participant.create') execute function concord_test_disk_full()`),
    );
    try {
      const before = await snapshot(t.deps);
      const res = await post({ name: 'Doomed CERT', kind: 'cert' });
      expect(res.statusCode).toBe(503);
      const body = res.json<{ code: string; detail: string }>();
      expect(body.code).toBe('STORAGE_UNAVAILABLE');
      expect(body.detail).not.toContain('No space left');
      expect(await snapshot(t.deps)).toEqual(before);
    } finally {
      await t.deps.database.db.execute(
        sql.raw('drop trigger concord_test_disk_full on audit_events'),
      );
      await t.deps.database.db.execute(sql.raw('drop function concord_test_disk_full()'));
    }
    expect((await post({ name: 'Fine CERT', kind: 'cert' })).statusCode).toBe(201);
  });

  it('logs unknown errors with the request id and returns a generic 500 that leaks nothing', async () => {
    const lines: string[] = [];
    const { buildApp } = await import('../src/app');
    const pino = (await import('pino')).default;
    const logger = pino({ level: 'error' }, { write: (l: string) => void lines.push(l) });
    const { app } = await buildApp(t.deps, { webDir: null, logger });
    app.get('/api/v1/boom', { config: { auth: 'public' } }, () => {
      throw new Error('secret internal detail: password=hunter2');
    });
    await app.ready();
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/boom',
      headers: { 'x-request-id': 'boom-1' },
    });
    await app.close();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', requestId: 'boom-1' });
    expect(res.body).not.toContain('hunter2');
    expect(res.body).not.toContain('secret internal');
    expect(lines.join('\n')).toContain('boom-1');
    expect(lines.join('\n')).toContain('secret internal detail');
  });
});
