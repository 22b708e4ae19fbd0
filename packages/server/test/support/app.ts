import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app';
import { testConfig, type Config } from '../../src/config';
import type { Deps } from '../../src/deps';
import type { App } from '../../src/http/types';
import { FakeClock } from '../../src/platform/clock';
import { systemRandom } from '../../src/platform/random';
import { demoKeyPair, loadDemoCommunity } from '../../src/demo/community';
import { DEMO_PASSWORD } from '../../src/demo/community.data';
import { createTestDatabase } from './database';
import { initLedger, sequenceBatch, testIdentity } from '../../src/modules/ledger';
import { seedCatalogue } from '../../src/modules/norms/seed';

export const ADMIN = 'admin@secretariat.example';
export const ESTONIA = 'diplomat@estonia.example';
export const KENYA = 'diplomat@kenya.example';
export const OBSERVER = 'observer@peacewatch.example';
export const ANALYST = 'analyst@cert.example';
export { DEMO_PASSWORD };

export interface TestApp {
  app: App;
  deps: Deps;
  clock: FakeClock;
  close(): Promise<void>;
}

/** An in-process app on a fresh database with the demo community; no port is opened. */
export async function createTestApp(
  options: { config?: Partial<Config>; demo?: boolean } = {},
): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  const clock = new FakeClock(new Date());
  const deps: Deps = {
    database,
    config: testConfig(options.config),
    clock,
    random: systemRandom,
    log: testIdentity(),
  };
  await initLedger(deps);
  await seedCatalogue(deps);
  if (options.demo !== false) await loadDemoCommunity(deps);
  const { app } = await buildApp(deps, { webDir: null });
  await app.ready();
  return {
    app,
    deps,
    clock,
    async close() {
      await app.close();
      await drop();
    },
  };
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
  participantId: string;
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function login(app: App, email: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password },
  });
  if (res.statusCode !== 200)
    throw new Error(`login ${email} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ csrfToken: string; user: { id: string; participant: { id: string } } }>();
  const cookie = sessionCookie(res);
  return {
    cookie,
    csrf: body.csrfToken,
    userId: body.user.id,
    participantId: body.user.participant.id,
    headers: (extra = {}) => ({ cookie, 'x-csrf-token': body.csrfToken, ...extra }),
  };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'concord_session');
  if (!c) throw new Error('no session cookie');
  return `concord_session=${c.value}`;
}

/** Every row of every table: "nothing changed" means two snapshots are equal. */
export async function snapshot(deps: Deps): Promise<Record<string, unknown[]>> {
  const tables = await deps.database.db.execute(
    sql.raw(
      `select table_name as name from information_schema.tables
       where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
    ),
  );
  const out: Record<string, unknown[]> = {};
  for (const { name } of (tables as { rows: { name: string }[] }).rows) {
    const r = await deps.database.db.execute(sql.raw(`select * from "${name}" order by 1`));
    out[name] = (r as { rows: unknown[] }).rows;
  }
  return out;
}

export async function count(deps: Deps, table: string, where = 'true'): Promise<number> {
  const r = await deps.database.db.execute(
    sql.raw(`select count(*)::int as n from ${table} where ${where}`),
  );
  return Number((r as { rows: { n: number }[] }).rows[0]?.n);
}

/** The status of GET /auth/me with these headers: 200 while the credentials work. */
export async function meStatus(app: App, headers: Record<string, string>): Promise<number> {
  return (await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })).statusCode;
}

/** Follows `nextCursor` from `url` to the last page and returns every item in order. */
export async function collectPages<T>(
  app: App,
  url: string,
  headers: Record<string, string>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = url.includes('?') ? '&' : '?';
    const res: LightMyRequestResponse = await app.inject({
      method: 'GET',
      url: cursor ? `${url}${sep}cursor=${cursor}` : url,
      headers,
    });
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body}`);
    const page: { items: T[]; nextCursor: string | null } = res.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Sequences everything queued (tests run no background sequencer). */
export async function drainLedger(deps: Deps): Promise<void> {
  while (await sequenceBatch(deps, deps.log)) {
    /* until the queue is empty */
  }
}

/** Registers a deterministic demo Ed25519 key for the session's participant (one ledger entry). */
export async function registerKey(
  app: App,
  session: Session,
  seed: string,
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: `/api/v1/participants/${session.participantId}/keys`,
    headers: session.headers(),
    payload: { label: seed, publicKey: demoKeyPair(seed).publicKeyRaw.toString('base64') },
  });
}
