/**
 * Runs the real `concord` binary as a child process (node + packages/cli/bin/concord.mjs), the
 * way an operator does: its own environment, its own data folder, its own port. Every child is
 * tracked so a test file can kill whatever is left in afterAll.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
export const BIN = path.join(REPO_ROOT, 'packages/cli/bin/concord.mjs');
export const LOOPBACK = '127.0.0.1';

export type Env = Record<string, string | undefined>;

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

export async function acquireSlot(): Promise<() => void> {
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

export function track(child: ChildProcess): void {
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

export * from './http';
export * from './serve';
