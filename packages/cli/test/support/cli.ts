/**
 * Runs the real `concord` binary as a child process (node + packages/cli/bin/concord.mjs), the
 * way an operator does: its own environment, its own data folder, its own port. Every child is
 * tracked so a test file can kill whatever is left in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BIN = path.join(REPO_ROOT, 'packages/cli/bin/concord.mjs');
export const LOOPBACK = '127.0.0.1';

type Env = Record<string, string | undefined>;

/**
 * The parent's environment without anything that configures Concord (so a developer's
 * DATABASE_URL or PORT cannot leak into a test), JSON logs, and the given overrides.
 */
export function cliEnv(overrides: Env = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('CONCORD_') || ['DATABASE_URL', 'PORT', 'HOST', 'NODE_OPTIONS'].includes(k))
      continue;
    env[k] = v;
  }
  env.CONCORD_LOG_FORMAT = 'json';
  env.NO_COLOR = '1';
  for (const [k, v] of Object.entries(overrides)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

const children = new Set<ChildProcess>();

/**
 * Starting a process is CPU-bound (TypeScript via tsx, PGlite's WebAssembly); many at once on
 * a small machine only thrash. At most this many children are starting or running a command
 * at a time; a server gives its slot back once it is ready.
 */
const SLOTS = Math.max(2, Math.min(5, os.availableParallelism() + 1));
let slotsInUse = 0;
const slotQueue: (() => void)[] = [];

async function acquireSlot(): Promise<() => void> {
  if (slotsInUse >= SLOTS) await new Promise<void>((resolve) => slotQueue.push(resolve));
  else slotsInUse++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = slotQueue.shift();
    if (next) next();
    else slotsInUse--;
  };
}

function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** Kills every child still running (SIGKILL) and waits for them to go; for afterAll. */
export async function killAllChildren(): Promise<void> {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

const tempDirs: string[] = [];

/** A fresh, empty temporary folder (removed by removeTempDirs). */
export function tempDir(label = 'concord-cli-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), label));
  tempDirs.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A data folder path inside a fresh temporary folder; the folder itself does not exist yet. */
export function newDataDir(): string {
  return path.join(tempDir(), 'data');
}

/** Copies a data folder that no process has open. */
export function copyDataDir(from: string): string {
  const to = newDataDir();
  fs.cpSync(from, to, { recursive: true });
  return to;
}

export function lockFile(dataDir: string): string {
  return path.join(dataDir, 'concord.lock');
}

export function readLock(dataDir: string): { pid: number; host: string } | null {
  try {
    return JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as { pid: number; host: string };
  } catch {
    return null;
  }
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** How long the command ran, in milliseconds. */
  ms: number;
}

/**
 * Runs `concord <args>` to completion. Standard input gets `input` (or is closed at once);
 * a command still running after `timeoutMs` is killed and the promise rejects.
 */
export async function runCli(
  args: string[],
  options: { env?: Env; input?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const release = await acquireSlot();
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    env: cliEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  child.stdin.on('error', () => undefined);
  child.stdin.end(options.input ?? '');
  child.once('exit', release);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `concord ${args.join(' ')} still running after ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      release();
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Date.now() - started });
    });
  });
}

/** The lines of a command's stderr, without the empty last one. */
export const lines = (text: string): string[] => text.split('\n').filter((l) => l !== '');

/** Polls `check` until it returns a value other than undefined/false, or throws at the deadline. */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  { timeoutMs = 30_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** A TCP port on the loopback interface that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/**
 * One HTTP request on its own connection (no keep-alive pool, so a server going away cannot
 * hand us a stale socket). Rejects with the socket error (e.g. ECONNREFUSED).
 */
export function request(
  port: number,
  method: string,
  urlPath: string,
  options: { headers?: Record<string, string>; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: LOOPBACK,
        port,
        method,
        path: urlPath,
        agent: false,
        headers: {
          connection: 'close',
          ...(payload !== undefined
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              }
            : {}),
          ...options.headers,
        },
        timeout: options.timeoutMs ?? 20_000,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body,
            json: <T>() => JSON.parse(body) as T,
          }),
        );
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${urlPath} timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** The error code of a failed request (ECONNREFUSED, ECONNRESET…), or 'ok <status>' when it answered. */
export async function probe(port: number, urlPath: string): Promise<string> {
  try {
    const res = await request(port, 'GET', urlPath, { timeoutMs: 5_000 });
    return `ok ${res.status}`;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? String(err);
  }
}

export interface Session {
  cookie: string;
  csrf: string;
  user: { id: string; email: string; isPlatformAdmin: boolean; roles: string[] };
  headers(extra?: Record<string, string>): Record<string, string>;
}

export async function tryLogin(
  port: number,
  email: string,
  password: string,
): Promise<HttpResponse> {
  return request(port, 'POST', '/api/v1/auth/login', { body: { email, password } });
}

/** Signs in and returns the session cookie and CSRF token; throws unless the login answers 200. */
export async function login(port: number, email: string, password: string): Promise<Session> {
  const res = await tryLogin(port, email, password);
  if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${res.body}`);
  const setCookie = res.headers['set-cookie'] ?? [];
  const session = setCookie
    .map((c) => c.split(';')[0] ?? '')
    .find((c) => c.startsWith('concord_session='));
  if (!session) throw new Error(`login ${email}: no concord_session cookie`);
  const body = res.json<{ csrfToken: string; user: Session['user'] }>();
  return {
    cookie: session,
    csrf: body.csrfToken,
    user: body.user,
    headers: (extra = {}) => ({ cookie: session, 'x-csrf-token': body.csrfToken, ...extra }),
  };
}

/** Every item of a paginated list endpoint ({ items, nextCursor }). */
export async function listAll<T>(
  port: number,
  urlPath: string,
  headers: Record<string, string>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const sep = urlPath.includes('?') ? '&' : '?';
    const res = await request(
      port,
      'GET',
      cursor ? `${urlPath}${sep}cursor=${encodeURIComponent(cursor)}` : urlPath,
      { headers },
    );
    if (res.status !== 200) throw new Error(`GET ${urlPath}: ${res.status} ${res.body}`);
    const body = res.json<{ items: T[]; nextCursor: string | null }>();
    items.push(...body.items);
    cursor = body.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`GET ${urlPath}: too many pages`);
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A running `concord serve`. */
export class ServeProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<Exit>;
  private exitInfo: Exit | null = null;

  constructor(
    readonly child: ChildProcess,
    readonly port: number,
    private readonly releaseSlot: () => void = () => undefined,
  ) {
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.releaseSlot();
        this.exitInfo = { code, signal };
        resolve(this.exitInfo);
      });
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  get hasExited(): boolean {
    return this.exitInfo !== null;
  }

  /** The JSON log lines written so far (other stdout lines are the human-readable banner). */
  logs(): Record<string, unknown>[] {
    const out: Record<string, unknown>[] = [];
    for (const line of this.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      try {
        out.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // a line still being written
      }
    }
    return out;
  }

  describe(): string {
    return `pid ${this.pid} port ${this.port}\n--- stdout\n${this.stdout}\n--- stderr\n${this.stderr}`;
  }

  /** Polls GET /readyz until it answers 200; fails at once if the process exits. */
  async ready(timeoutMs = 90_000): Promise<this> {
    try {
      await this.waitReady(timeoutMs);
    } finally {
      this.releaseSlot();
    }
    return this;
  }

  private async waitReady(timeoutMs: number): Promise<void> {
    await waitFor(
      `concord serve on port ${this.port} to be ready`,
      async () => {
        if (this.hasExited)
          throw new Error(
            `concord serve exited before it was ready (${JSON.stringify(this.exitInfo)})\n${this.describe()}`,
          );
        return (await probe(this.port, '/readyz')) === 'ok 200';
      },
      { timeoutMs, intervalMs: 100 },
    );
  }

  /** Waits for the process to exit, killing it (SIGKILL) and failing after the deadline. */
  async waitExit(timeoutMs = 30_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new Error(`concord serve did not exit within ${timeoutMs} ms\n${this.describe()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGTERM and wait for the exit (the usual way to stop a server at the end of a test). */
  async stop(timeoutMs = 30_000): Promise<Exit> {
    if (!this.hasExited) this.child.kill('SIGTERM');
    return this.waitExit(timeoutMs);
  }

  async kill(): Promise<Exit> {
    if (!this.hasExited) this.child.kill('SIGKILL');
    return this.waitExit(10_000);
  }
}

/** Starts `concord serve` on a free loopback port (not yet ready: call .ready()). */
export async function startServe(
  args: string[],
  options: { env?: Env; port?: number } = {},
): Promise<ServeProcess> {
  const release = await acquireSlot();
  let port: number;
  try {
    port = options.port ?? (await freePort());
  } catch (err) {
    release();
    throw err;
  }
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    cwd: REPO_ROOT,
    env: cliEnv({ HOST: LOOPBACK, PORT: String(port), ...options.env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  return new ServeProcess(child, port, release);
}
