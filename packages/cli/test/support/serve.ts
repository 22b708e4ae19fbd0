/** A `concord serve` child process: start, wait until ready, stop, kill. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Env } from './cli';
import { BIN, LOOPBACK, REPO_ROOT, acquireSlot, cliEnv, track, waitFor } from './cli';
import { freePort, probe } from './http';

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
