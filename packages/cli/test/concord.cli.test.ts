/**
 * The `concord` command line and the `concord serve` process, run as an operator runs them:
 * real child processes, each with its own data folder and loopback port, JSON logs.
 *
 * Starting a process costs seconds (TypeScript via tsx, PGlite), so independent suites run
 * concurrently; the steps of a story that shares one data folder run in order (`step`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_COMMUNITY, DEMO_PASSWORD } from '../../server/src/demo/community.data';
import {
  copyDataDir,
  freePort,
  killAllChildren,
  lines,
  listAll,
  lockFile,
  login,
  LOOPBACK,
  newDataDir,
  probe,
  readLock,
  removeTempDirs,
  request,
  runCli,
  startServe,
  tryLogin,
  waitFor,
  type CliResult,
  type HttpResponse,
  type ServeProcess,
} from './support/cli';
import { createFreshDatabase } from './support/postgres';

const ADMIN = 'admin@secretariat.example';
const GENERATED_ADMIN = 'admin@concord.localhost';
const TOKEN_LINE = /^concord_pat_[A-Za-z0-9_-]{43}\n$/;
/** Generous: a test may wait for a process slot while other suites run. */
const TIMEOUT = 150_000;

/** Steps of one story: they share state and run in order, while other suites run alongside. */
const step = it.sequential;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/** `concord demo` into an empty folder, once per file; other suites copy the result. */
let demoRun: Promise<{ dir: string; result: CliResult }> | null = null;
function demoTemplate(): Promise<{ dir: string; result: CliResult }> {
  demoRun ??= (async () => {
    const dir = newDataDir();
    const result = await runCli(['demo'], { env: { CONCORD_DATA_DIR: dir }, timeoutMs: 90_000 });
    return { dir, result };
  })();
  return demoRun;
}

async function demoCopy(): Promise<string> {
  const { dir, result } = await demoTemplate();
  if (result.code !== 0) throw new Error(`concord demo failed (${result.code}): ${result.stderr}`);
  return copyDataDir(dir);
}

/** Starts serve, waits until ready, runs `fn`, then stops it with SIGTERM and expects exit 0. */
async function withServer<T>(
  args: string[],
  options: { env?: Record<string, string> },
  fn: (server: ServeProcess) => Promise<T>,
): Promise<T> {
  const server = await startServe(args, options);
  try {
    await server.ready(90_000);
    const result = await fn(server);
    expect(await server.stop(), `exit after SIGTERM\n${server.describe()}`).toEqual({
      code: 0,
      signal: null,
    });
    return result;
  } finally {
    if (!server.hasExited) await server.kill();
  }
}

afterAll(async () => {
  await killAllChildren();
  removeTempDirs();
});

describe.concurrent('concord CLI and server process', () => {
  describe('one embedded data folder across server lifetimes: lock, graceful shutdown, crash', () => {
    let dir: string;
    let first: ServeProcess;
    let second: ServeProcess;
    let third: ServeProcess | undefined;
    const attempted = new Set<string>();
    const acknowledged = new Set<string>();

    beforeAll(async () => {
      dir = await demoCopy();
    }, TIMEOUT);

    afterAll(async () => {
      for (const s of [first, second, third]) if (s && !s.hasExited) await s.kill();
    });

    step(
      'serve --demo on a folder with participants keeps them, starts, and holds the folder lock',
      async () => {
        first = await startServe(['--demo'], { env: { CONCORD_DATA_DIR: dir } });
        await first.ready();
        expect(first.stdout).toContain(
          'Demo community not loaded: the database already has participants.',
        );
        expect(readLock(dir)).toMatchObject({ pid: first.pid, host: os.hostname() });
      },
      TIMEOUT,
    );

    step(
      'a second serve on the same folder exits non-zero quickly, saying the folder is in use by that pid',
      async () => {
        const port = await freePort();
        // It must give up at once, not wait for the folder to become free: the owner never
        // lets go during this step, so waiting would hang until the timeout. (The bound on
        // `ms` is loose because a loaded machine needs seconds just to load the CLI.)
        const other = await runCli(['serve', '--data-dir', dir, '--port', String(port)], {
          env: { HOST: LOOPBACK },
          timeoutMs: 60_000,
        });
        expect(other.code).toBe(1);
        expect(other.ms).toBeLessThan(30_000);
        const err = lines(other.stderr);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(
          /^concord: The data folder .* is in use by another Concord process \(pid \d+\)/,
        );
        expect(err[0]).toContain(`pid ${first.pid}`);
        expect(err[0]).toContain(dir);
        expect(other.stdout).not.toContain('Concord is running');
        expect(await probe(port, '/readyz')).toBe('ECONNREFUSED');
        // The owner keeps its lock and keeps serving.
        expect(readLock(dir)?.pid).toBe(first.pid);
        expect(await probe(first.port, '/readyz')).toBe('ok 200');
      },
      TIMEOUT,
    );

    step(
      'SIGTERM: an in-flight request completes, readiness goes away, the process exits 0 and releases the lock',
      async () => {
        const requestId = `inflight-${crypto.randomBytes(6).toString('hex')}`;
        const body = JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD });
        const half = Math.floor(body.length / 2);
        const req = http.request({
          host: LOOPBACK,
          port: first.port,
          method: 'POST',
          path: '/api/v1/auth/login',
          agent: false,
          headers: {
            'content-type': 'application/json',
            'content-length': String(Buffer.byteLength(body)),
            'x-request-id': requestId,
            connection: 'close',
          },
        });
        const response = new Promise<HttpResponse>((resolve, reject) => {
          req.on('error', reject);
          req.on('response', (res) => {
            let text = '';
            res.setEncoding('utf8');
            res.on('data', (d: string) => (text += d));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: text,
                json: <T>() => JSON.parse(text) as T,
              }),
            );
          });
        });
        // Send the headers and half the body, and wait until the server has routed the request.
        req.write(body.slice(0, half));
        await waitFor('the server to receive the request', () =>
          first.logs().some((l) => l.reqId === requestId && l.msg === 'incoming request'),
        );

        first.child.kill('SIGTERM');
        await waitFor('the server to begin shutting down', () =>
          first.logs().some((l) => l.msg === 'shutting down'),
        );
        expect(['ok 503', 'ECONNREFUSED']).toContain(await probe(first.port, '/readyz'));
        expect(first.hasExited).toBe(false);

        req.end(body.slice(half));
        const res = await response;
        expect(res.status, res.body).toBe(200);
        expect(res.json<{ user: { email: string } }>().user.email).toBe(ADMIN);

        expect(await first.waitExit(20_000)).toEqual({ code: 0, signal: null });
        expect(fs.existsSync(lockFile(dir))).toBe(false);
        expect(await probe(first.port, '/readyz')).toBe('ECONNREFUSED');
      },
      TIMEOUT,
    );

    step(
      'starts again on the same folder: the data is still there and demo users sign in',
      async () => {
        second = await startServe(['--data-dir', dir]);
        await second.ready(90_000);
        expect(readLock(dir)?.pid).toBe(second.pid);
        expect(second.stdout).not.toContain('Created the first administrator');
        for (const email of [ADMIN, 'diplomat@kenya.example', 'analyst@cert.example']) {
          const s = await login(second.port, email, DEMO_PASSWORD);
          expect(s.user.email).toBe(email);
        }
      },
      TIMEOUT,
    );

    step(
      'SIGKILL while participant creations are in flight leaves a stale lock behind',
      async () => {
        const admin = await login(second.port, ADMIN, DEMO_PASSWORD);
        const unexpected: string[] = [];
        let stop = false;
        const writer = async (w: number) => {
          for (let i = 0; !stop; i++) {
            const name = `Crash CERT ${w}-${i}`;
            attempted.add(name);
            try {
              const res = await request(second.port, 'POST', '/api/v1/participants', {
                headers: admin.headers(),
                body: { name, kind: 'cert' },
              });
              if (res.status === 201) acknowledged.add(name);
              else unexpected.push(`${name}: ${res.status} ${res.body}`);
            } catch {
              return; // the server went away
            }
          }
        };
        // Every writer always has one request outstanding, so the kill lands mid-flight.
        const writers = Array.from({ length: 24 }, (_, w) => writer(w));
        await waitFor(
          'some creations to be acknowledged',
          () => acknowledged.size >= 15 || unexpected.length > 0,
          { timeoutMs: 30_000 },
        );
        second.child.kill('SIGKILL');
        stop = true;
        const exit = await second.waitExit(10_000);
        await Promise.all(writers);

        expect(unexpected).toEqual([]);
        expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
        expect(acknowledged.size).toBeGreaterThanOrEqual(15);
        expect(attempted.size).toBeGreaterThan(acknowledged.size);
        expect(readLock(dir)?.pid).toBe(second.pid);
      },
      TIMEOUT,
    );

    step(
      'the next start takes over the stale lock, and every participant has exactly one participant.create audit event',
      async () => {
        third = await startServe(['--data-dir', dir]);
        await third.ready(90_000);
        expect(readLock(dir)?.pid).toBe(third.pid);

        const admin = await login(third.port, ADMIN, DEMO_PASSWORD);
        type P = { id: string; name: string; kind: string };
        type E = { subjectId: string | null; details: { name?: string } };
        const certs = await listAll<P>(
          third.port,
          '/api/v1/participants?kind=cert&limit=200',
          admin.headers(),
        );
        const everyone = await listAll<P>(
          third.port,
          '/api/v1/participants?limit=200',
          admin.headers(),
        );
        const events = await listAll<E>(
          third.port,
          '/api/v1/audit?action=participant.create&limit=200',
          admin.headers(),
        );

        const eventsBySubject = new Map<string, E[]>();
        for (const e of events)
          eventsBySubject.set(String(e.subjectId), [
            ...(eventsBySubject.get(String(e.subjectId)) ?? []),
            e,
          ]);
        const halfApplied = everyone
          .filter((p) => eventsBySubject.get(p.id)?.length !== 1)
          .map(
            (p) => `${p.name}: ${eventsBySubject.get(p.id)?.length ?? 0} participant.create events`,
          );
        const ids = new Set(everyone.map((p) => p.id));
        const orphanEvents = events
          .filter((e) => !ids.has(String(e.subjectId)))
          .map((e) => `event for missing participant ${e.subjectId} (${e.details.name})`);
        expect([...halfApplied, ...orphanEvents]).toEqual([]);
        for (const p of everyone) expect(eventsBySubject.get(p.id)?.[0]?.details.name).toBe(p.name);

        // Acknowledged creations survived the crash; nothing appeared that was never requested.
        const crashNames = certs.map((p) => p.name).filter((n) => n.startsWith('Crash CERT '));
        const survivors = new Set(crashNames);
        expect([...acknowledged].filter((n) => !survivors.has(n))).toEqual([]);
        expect(crashNames.filter((n) => !attempted.has(n))).toEqual([]);
        expect(crashNames.length).toBe(survivors.size);

        expect(await third.stop()).toEqual({ code: 0, signal: null });
        expect(fs.existsSync(lockFile(dir))).toBe(false);
      },
      TIMEOUT,
    );
  });

  describe('users and tokens created at the console, then used against the server', () => {
    let dir: string;
    const NEW_USER = 'new.analyst@kenya.example';
    const PIPED_USER = 'piped@kenya.example';
    const PIPED_PASSWORD = 'a piped passphrase for Kenya';
    let generatedPassword = '';
    let userToken = '';
    let readToken = '';

    beforeAll(async () => {
      dir = await demoCopy();
    }, TIMEOUT);

    step('users create prints the generated password once', async () => {
      const r = await runCli([
        'users',
        'create',
        '--data-dir',
        dir,
        '--email',
        'New.Analyst@Kenya.example',
        '--participant',
        'Republic of Kenya',
        '--role',
        'analyst',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Created ${NEW_USER} (analyst) in Republic of Kenya.\n`);
      const match = /^Password \(shown once\): (\S+)$/m.exec(r.stdout);
      expect(match, r.stdout).not.toBeNull();
      generatedPassword = match![1]!;
      expect(generatedPassword.length).toBeGreaterThanOrEqual(12);
      expect(occurrences(r.stdout, generatedPassword)).toBe(1);
    });

    step('tokens create for the new user prints only the token', async () => {
      const r = await runCli([
        'tokens',
        'create',
        '--data-dir',
        dir,
        '--email',
        NEW_USER,
        '--name',
        'ci pipeline',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(TOKEN_LINE);
      userToken = r.stdout.trim();
    });

    step(
      'users create --password-stdin takes the password from standard input and prints none',
      async () => {
        const r = await runCli(
          [
            'users',
            'create',
            '--data-dir',
            dir,
            '--email',
            PIPED_USER,
            '--participant',
            'Republic of Kenya',
            '--password-stdin',
          ],
          {
            input: `${PIPED_PASSWORD}\n`,
          },
        );
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(`Created ${PIPED_USER} (member) in Republic of Kenya.\n`);
      },
    );

    step('tokens create --scope read prints a read-only token', async () => {
      const r = await runCli([
        'tokens',
        'create',
        '--data-dir',
        dir,
        '--email',
        'analyst@cert.example',
        '--name',
        'dashboard',
        '--scope',
        'read',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(TOKEN_LINE);
      readToken = r.stdout.trim();
    });

    step(
      'serve: the token acts for its user, a read-only token may not POST, and both new passwords sign in',
      async () => {
        await withServer(['--data-dir', dir], {}, async (server) => {
          const me = await request(server.port, 'GET', '/api/v1/auth/me', {
            headers: { authorization: `Bearer ${userToken}` },
          });
          expect(me.status, me.body).toBe(200);
          expect(me.json()).toMatchObject({
            user: {
              email: NEW_USER,
              roles: ['analyst'],
              participant: { name: 'Republic of Kenya' },
            },
          });

          const readMe = await request(server.port, 'GET', '/api/v1/auth/me', {
            headers: { authorization: `Bearer ${readToken}` },
          });
          expect(readMe.status, readMe.body).toBe(200);
          expect(readMe.json()).toMatchObject({ user: { email: 'analyst@cert.example' } });

          const denied = await request(server.port, 'POST', '/api/v1/tokens', {
            headers: { authorization: `Bearer ${readToken}` },
            body: { name: 'more', scopes: ['read'] },
          });
          expect(denied.status, denied.body).toBe(403);
          expect(denied.json()).toMatchObject({ code: 'INSUFFICIENT_SCOPE' });

          const allowed = await request(server.port, 'POST', '/api/v1/tokens', {
            headers: { authorization: `Bearer ${userToken}` },
            body: { name: 'more', scopes: ['read'] },
          });
          expect(allowed.status, allowed.body).toBe(201);

          expect((await login(server.port, NEW_USER, generatedPassword)).user.email).toBe(NEW_USER);
          expect((await login(server.port, PIPED_USER, PIPED_PASSWORD)).user.roles).toEqual([
            'member',
          ]);
          // The newline that ended the piped input is not part of the password.
          expect((await tryLogin(server.port, PIPED_USER, `${PIPED_PASSWORD}\n`)).status).toBe(401);
        });
      },
      TIMEOUT,
    );
  });

  describe('console commands that must refuse', () => {
    it(
      'users create with an e-mail that exists (in any letter case) fails: already registered',
      async () => {
        const dir = await demoCopy();
        const r = await runCli([
          'users',
          'create',
          '--data-dir',
          dir,
          '--email',
          'Diplomat@Kenya.example',
          '--participant',
          'Republic of Kenya',
        ]);
        expect(r.code).not.toBe(0);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^concord: .*already registered/);
      },
      TIMEOUT,
    );

    it(
      'users create in an unknown participant fails with one line',
      async () => {
        const dir = await demoCopy();
        const r = await runCli([
          'users',
          'create',
          '--data-dir',
          dir,
          '--email',
          'someone@atlantis.example',
          '--participant',
          'Republic of Atlantis',
        ]);
        expect(r.code).not.toBe(0);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^concord: .*Republic of Atlantis/);
      },
      TIMEOUT,
    );

    it(
      'tokens create for an unknown e-mail fails with one line',
      async () => {
        const dir = await demoCopy();
        const r = await runCli([
          'tokens',
          'create',
          '--data-dir',
          dir,
          '--email',
          'nobody@nowhere.example',
          '--name',
          'x',
        ]);
        expect(r.code).not.toBe(0);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^concord: .*nobody@nowhere\.example/);
      },
      TIMEOUT,
    );
  });

  describe('serve on an empty node creates the first administrator', () => {
    it(
      'without CONCORD_ADMIN_*: prints a generated password once, and it signs in as admin@concord.localhost',
      async () => {
        await withServer(['--data-dir', newDataDir()], {}, async (server) => {
          expect(server.stdout).toContain(`Created the first administrator: ${GENERATED_ADMIN}\n`);
          const match = /password \(shown once, change it after signing in\): (\S+)/.exec(
            server.stdout,
          );
          expect(match, server.stdout).not.toBeNull();
          const password = match![1]!;
          expect(occurrences(server.stdout, password)).toBe(1);
          expect(server.stderr).not.toContain(password);
          const s = await login(server.port, GENERATED_ADMIN, password);
          expect(s.user.isPlatformAdmin).toBe(true);
          expect(
            (await tryLogin(server.port, GENERATED_ADMIN, 'not the generated password')).status,
          ).toBe(401);
        });
      },
      TIMEOUT,
    );

    it(
      'with CONCORD_ADMIN_EMAIL/PASSWORD: creates that account, prints no password, and it signs in',
      async () => {
        const password = 'chief administrator passphrase';
        const env = { CONCORD_ADMIN_EMAIL: 'Chief@Example.org', CONCORD_ADMIN_PASSWORD: password };
        await withServer(['--data-dir', newDataDir()], { env }, async (server) => {
          expect(server.stdout).toContain('Created the first administrator: chief@example.org\n');
          expect(server.stdout).not.toContain('shown once');
          expect(server.stdout + server.stderr).not.toContain(password);
          const s = await login(server.port, 'chief@example.org', password);
          expect(s.user.isPlatformAdmin).toBe(true);
          expect((await tryLogin(server.port, GENERATED_ADMIN, password)).status).toBe(401);
        });
      },
      TIMEOUT,
    );
  });

  describe('migrate', () => {
    it(
      'migrates an empty folder and creates the first administrator from CONCORD_ADMIN_*; run again, creates none',
      async () => {
        const dir = newDataDir();
        const password = 'root administrator passphrase';
        const first = await runCli(['migrate'], {
          env: {
            CONCORD_DATA_DIR: dir,
            CONCORD_ADMIN_EMAIL: 'Root@Example.org',
            CONCORD_ADMIN_PASSWORD: password,
          },
        });
        expect(first.stderr).toBe('');
        expect(first.code).toBe(0);
        expect(first.stdout).toBe(
          `Migrated embedded database in ${dir}.\nCreated the first administrator: root@example.org\n`,
        );
        expect(fs.existsSync(path.join(dir, 'pgdata', 'PG_VERSION'))).toBe(true);
        expect(fs.existsSync(lockFile(dir))).toBe(false);

        // Another address this time: there is an administrator already, so none is created.
        const again = await runCli(['migrate', '--data-dir', dir], {
          env: {
            CONCORD_ADMIN_EMAIL: 'second@example.org',
            CONCORD_ADMIN_PASSWORD: 'another administrator passphrase',
          },
        });
        expect(again.stderr).toBe('');
        expect(again.code).toBe(0);
        expect(again.stdout).toBe(`Migrated embedded database in ${dir}.\n`);
      },
      TIMEOUT,
    );

    it.each([
      { args: ['serve'], variable: 'PORT', value: 'abc' },
      {
        args: ['migrate'],
        variable: 'DATABASE_URL',
        value: 'mysql://concord:s3cret@127.0.0.1/concord',
      },
    ])(
      '$args.0 with $variable=$value exits 2 with one line naming $variable, touching nothing',
      async ({ args, variable, value }) => {
        const dir = newDataDir();
        const r = await runCli(args, { env: { [variable]: value, CONCORD_DATA_DIR: dir } });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err).toHaveLength(1);
        expect(err[0]).toMatch(/^concord: invalid configuration: /);
        // The operator set an environment variable: the message must name it, not a flag they never typed.
        expect(err[0]).toMatch(new RegExp(`\\b${variable}\\b`));
        expect(r.stderr).not.toContain('s3cret');
        expect(fs.existsSync(dir)).toBe(false);
      },
      TIMEOUT,
    );
  });

  describe('demo', () => {
    it(
      'loads the demo community into an empty folder and prints every login',
      async () => {
        const { dir, result } = await demoTemplate();
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        expect(result.stdout).toContain(`Demo logins (password for all: ${DEMO_PASSWORD}):\n`);
        for (const p of DEMO_COMMUNITY) {
          for (const u of p.users) {
            expect(result.stdout).toMatch(
              new RegExp(
                `^ +${escapeRe(u.email)} +${escapeRe(u.roles.join(', '))} +${escapeRe(p.name)}$`,
                'm',
              ),
            );
          }
        }
        expect(fs.existsSync(lockFile(dir))).toBe(false);
      },
      TIMEOUT,
    );

    it(
      'refuses to load it into a folder that already has participants',
      async () => {
        const dir = await demoCopy();
        const r = await runCli(['demo', '--data-dir', dir]);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(lines(r.stderr)).toEqual([
          'concord: demo community not loaded: the database already has participants',
        ]);
      },
      TIMEOUT,
    );
  });

  describe('help and usage errors', () => {
    it.each([
      {
        args: ['--help'],
        usage: 'concord [options] [command]',
        mentions: [
          'serve',
          'migrate',
          'demo',
          'users',
          'tokens',
          'PORT',
          'DATABASE_URL',
          'CONCORD_DATA_DIR',
          'CONCORD_ADMIN_PASSWORD',
        ],
      },
      {
        args: ['serve', '--help'],
        usage: 'concord serve [options]',
        mentions: [
          '--demo',
          '--port <port>',
          '--host <host>',
          '--data-dir <dir>',
          '--database-url <url>',
          'CONCORD_ADMIN_EMAIL',
        ],
      },
      {
        args: ['migrate', '--help'],
        usage: 'concord migrate [options]',
        mentions: ['--data-dir <dir>', '--database-url <url>'],
      },
      {
        args: ['demo', '--help'],
        usage: 'concord demo [options]',
        mentions: ['--data-dir <dir>', '--database-url <url>'],
      },
      {
        args: ['users', 'create', '--help'],
        usage: 'concord users create [options]',
        mentions: [
          '--email <email>',
          '--participant <name-or-id>',
          '--role <role>',
          '--name <display-name>',
          '--password-stdin',
          '--data-dir <dir>',
        ],
      },
      {
        args: ['tokens', 'create', '--help'],
        usage: 'concord tokens create [options]',
        mentions: [
          '--email <email>',
          '--name <label>',
          '--scope <scope>',
          '--expires-in-days <days>',
          '--data-dir <dir>',
        ],
      },
    ])(
      'concord $args exits 0 and describes its options',
      async ({ args, usage, mentions }) => {
        const dir = newDataDir();
        const r = await runCli(args, { env: { CONCORD_DATA_DIR: dir } });
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.startsWith(`Usage: ${usage}\n`)).toBe(true);
        for (const m of mentions) expect(r.stdout).toContain(m);
        expect(fs.existsSync(dir)).toBe(false);
      },
      TIMEOUT,
    );

    it.each([
      { args: ['frobnicate'], error: /^error: unknown command 'frobnicate'/ },
      { args: ['migrate', '--frobnicate'], error: /^error: unknown option '--frobnicate'/ },
      {
        args: ['tokens', 'create', '--email', 'a@b.example'],
        error: /^error: required option '--name <label>' not specified/,
      },
      {
        args: [
          'users',
          'create',
          '--email',
          'a@b.example',
          '--participant',
          'Republic of Kenya',
          '--role',
          'wizard',
        ],
        error:
          /^concord: --role: 'wizard' is not a role \(admin, member, analyst, coordinator, assessor, observer\)$/,
        oneLine: true,
      },
      {
        args: ['tokens', 'create', '--email', 'a@b.example', '--name', 'x', '--scope', 'superuser'],
        error: /^concord: --scope: 'superuser' is not a scope \(read, write, admin\)$/,
        oneLine: true,
      },
    ])(
      'concord $args exits 2 with an error on stderr, touching nothing',
      async ({ args, error, oneLine }) => {
        const dir = newDataDir();
        const r = await runCli(args, { env: { CONCORD_DATA_DIR: dir } });
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err[0]).toMatch(error);
        if (oneLine) expect(err).toHaveLength(1);
        expect(fs.existsSync(dir)).toBe(false);
      },
      TIMEOUT,
    );
  });

  describe.skipIf(!process.env.DATABASE_URL)('PostgreSQL (DATABASE_URL)', () => {
    it(
      'migrate creates the first administrator from CONCORD_ADMIN_* once, and serve then creates none',
      async () => {
        const db = await createFreshDatabase();
        try {
          const password = 'postgres administrator passphrase';
          const env = {
            DATABASE_URL: db.url,
            CONCORD_ADMIN_EMAIL: 'pg-admin@example.org',
            CONCORD_ADMIN_PASSWORD: password,
          };
          const first = await runCli(['migrate'], { env });
          expect(first.stderr).toBe('');
          expect(first.code).toBe(0);
          expect(first.stdout).toMatch(
            /^Migrated PostgreSQL at .*\.\nCreated the first administrator: pg-admin@example\.org\n$/,
          );
          expect(first.stdout).not.toContain(password);
          const again = await runCli(['migrate'], { env });
          expect(again.code).toBe(0);
          expect(again.stdout).not.toContain('Created the first administrator');
          await withServer([], { env: { DATABASE_URL: db.url } }, async (server) => {
            expect(server.stdout).not.toContain('Created the first administrator');
            expect(
              (await login(server.port, 'pg-admin@example.org', password)).user.isPlatformAdmin,
            ).toBe(true);
          });
        } finally {
          await db.drop();
        }
      },
      TIMEOUT,
    );

    it(
      'two servers starting together on an empty database create exactly one first administrator',
      async () => {
        const db = await createFreshDatabase();
        try {
          const servers = [
            await startServe([], { env: { DATABASE_URL: db.url } }),
            await startServe([], { env: { DATABASE_URL: db.url } }),
          ];
          try {
            await Promise.all(servers.map((s) => s.ready(90_000)));
            const created = servers.filter((s) =>
              s.stdout.includes('Created the first administrator'),
            );
            expect(created).toHaveLength(1);
            const password = /password \(shown once, change it after signing in\): (\S+)/.exec(
              created[0]!.stdout,
            )?.[1];
            expect(password).toBeDefined();
            for (const s of servers)
              expect((await login(s.port, GENERATED_ADMIN, password!)).user.isPlatformAdmin).toBe(
                true,
              );
            for (const s of servers) expect(await s.stop()).toEqual({ code: 0, signal: null });
          } finally {
            for (const s of servers) if (!s.hasExited) await s.kill();
          }
        } finally {
          await db.drop();
        }
      },
      TIMEOUT,
    );
  });
});
