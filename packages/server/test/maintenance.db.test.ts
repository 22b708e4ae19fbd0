import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, count, createTestApp, login, type TestApp } from './support/app';
import { meStatus } from './support/app';
import { dialectName } from './support/database';
import { runMaintenance } from '../src/maintenance';

describe(`maintenance (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { loginRateWindowSeconds: 60 } });
  });
  afterAll(() => t.close());

  it('deletes long-expired sessions and old rate-limit windows, and keeps current ones', async () => {
    await login(t.app, ADMIN);
    const old = await login(t.app, ADMIN);
    expect(await count(t.deps, 'sessions')).toBe(2);
    expect(await count(t.deps, 'rate_limits')).toBe(1);
    // Nothing is old yet.
    expect(await runMaintenance(t.deps)).toEqual({ sessions: 0, rateLimits: 0 });
    t.clock.advance((t.deps.config.sessionMaxHours + 31 * 24) * 3_600_000);
    const fresh = await login(t.app, ADMIN);
    expect(await runMaintenance(t.deps)).toEqual({ sessions: 2, rateLimits: 1 });
    expect(await count(t.deps, 'sessions')).toBe(1);
    expect(await meStatus(t.app, { cookie: fresh.cookie })).toBe(200);
    expect(await meStatus(t.app, { cookie: old.cookie })).toBe(401);
  });
});
