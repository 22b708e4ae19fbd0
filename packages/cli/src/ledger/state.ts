/**
 * The client's memory of the logs it has verified, keyed by log origin: the verifier key it
 * pinned and the last checkpoint it checked. Later checkpoints must be consistent with it,
 * which is what catches a node that rewrites history or shows different clients different logs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { base64ToBytes, bytesToBase64 } from '@concord/ledger';
import { CliError } from '../errors';

export interface RecordedLog {
  verifierKey: string;
  size: bigint;
  root: Uint8Array;
  /** The base URL the checkpoint was fetched from, for the operator's information. */
  url: string;
  verifiedAt: string;
}

interface StoredLog {
  verifierKey: string;
  /** Decimal: sizes are uint64. */
  size: string;
  root: string;
  url: string;
  verifiedAt: string;
}

interface StateFile {
  version: 1;
  logs: Record<string, StoredLog>;
}

/** `$XDG_CONFIG_HOME/concord/ledger-state.json`, by default `~/.config/concord/…`. */
export function defaultStatePath(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(config, 'concord', 'ledger-state.json');
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseLog(origin: string, value: unknown, file: string): RecordedLog {
  const bad = (why: string) =>
    new CliError(`state file ${file}: the entry for ${JSON.stringify(origin)} ${why}`);
  if (!isRecord(value)) throw bad('is not an object');
  const { verifierKey, size, root, url, verifiedAt } = value;
  if (typeof verifierKey !== 'string' || verifierKey === '') throw bad('has no verifierKey');
  if (typeof size !== 'string' || !/^(0|[1-9][0-9]{0,19})$/.test(size))
    throw bad('has no valid size');
  let rootBytes: Uint8Array;
  try {
    rootBytes = base64ToBytes(String(root));
  } catch {
    throw bad('has no valid root');
  }
  if (rootBytes.length !== 32) throw bad('has no valid root');
  return {
    verifierKey,
    size: BigInt(size),
    root: rootBytes,
    url: typeof url === 'string' ? url : '',
    verifiedAt: typeof verifiedAt === 'string' ? verifiedAt : '',
  };
}

export class LedgerState {
  private constructor(
    readonly file: string,
    private readonly logs: Record<string, StoredLog>,
  ) {}

  /** Reads the state file; a missing file is an empty state, a corrupt one an error. */
  static load(file: string): LedgerState {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new LedgerState(file, {});
      throw new CliError(`state file ${file}: ${(err as Error).message}`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new CliError(`state file ${file}: not valid JSON`);
    }
    if (!isRecord(parsed) || parsed.version !== 1 || !isRecord(parsed.logs))
      throw new CliError(`state file ${file}: not a Concord ledger state file (version 1)`);
    const logs = parsed.logs;
    // Check every entry now, so a damaged file is reported before anything is trusted.
    for (const [origin, value] of Object.entries(logs)) parseLog(origin, value, file);
    return new LedgerState(file, logs as Record<string, StoredLog>);
  }

  get(origin: string): RecordedLog | undefined {
    const value = Object.hasOwn(this.logs, origin) ? this.logs[origin] : undefined;
    return value === undefined ? undefined : parseLog(origin, value, this.file);
  }

  /** Records `log` for `origin` and writes the file atomically (temporary file + rename). */
  save(origin: string, log: RecordedLog): void {
    this.logs[origin] = {
      verifierKey: log.verifierKey,
      size: log.size.toString(),
      root: bytesToBase64(log.root),
      url: log.url,
      verifiedAt: log.verifiedAt,
    };
    const body: StateFile = { version: 1, logs: this.logs };
    const tmp = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
      fs.writeFileSync(tmp, JSON.stringify(body, null, 2) + '\n', { mode: 0o600 });
      fs.renameSync(tmp, this.file);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      throw new CliError(`state file ${this.file}: cannot write it (${(err as Error).message})`);
    }
  }
}
