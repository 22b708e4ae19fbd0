/**
 * The one configuration module: environment variables and CLI flags, validated once at start.
 * A bad value stops the process with a message naming the variable.
 */
import path from 'node:path';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export type LogFormat = 'pretty' | 'json';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent the embedded PGlite database is used. */
  databaseUrl: string | null;
  dataDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: LogLevel;
  logFormat: LogFormat;
  publicUrl: string | null;
  /** Cookies get the Secure attribute (on by default when publicUrl is https). */
  secureCookies: boolean;
  trustProxy: boolean;
  bodyLimit: number;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  loginRatePerIp: number;
  loginRateWindowSeconds: number;
  shutdownTimeoutMs: number;
  webDir: string | null;
  /** The log's origin line (C2SP tlog-checkpoint) and the name of its note key. */
  ledgerOrigin: string;
  /** The node's note signer key (PRIVATE+KEY+…); null: kept in the data folder. */
  ledgerSignerKey: string | null;
  /** How long the sequencer waits to gather a batch. */
  ledgerBatchMs: number;
  /** Budget of each process's in-memory copy of the tree's hashes (0: proofs read the database). */
  ledgerNodeCacheMb: number;
  /** Witnesses to ask for cosignatures: C2SP tlog-witness URLs with their verifier keys. */
  witnessPeers: { url: string; verifierKey: string }[];
  /** Logs this node witnesses: their note verifier keys (the key name is the origin). */
  witnessedLogs: string[];
  /** Outgoing mail server (smtp:// or smtps://, credentials in the URL); null: no e-mail. */
  smtpUrl: string | null;
  /** The From address of the node's e-mail. */
  smtpFrom: string;
  /** How often the directory job sends ping reminders and retries webhook deliveries. */
  directoryJobIntervalSeconds: number;
  /** How long a webhook delivery may take before it counts as failed. */
  webhookTimeoutMs: number;
  /** Webhooks may point to private, loopback and reserved addresses (off: SSRF guard on). */
  webhookAllowPrivate: boolean;
  /** TAXII 2.1 max_content_length: the largest envelope a POST may carry, in bytes. */
  taxiiMaxContentBytes: number;
  /** Envelopes with more objects than this are processed in the background. */
  taxiiAsyncAbove: number;
}

/** Flags given on the command line; they win over the environment. */
export interface ConfigFlags {
  port?: string | number;
  host?: string;
  databaseUrl?: string;
  dataDir?: string;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_DIR = 'concord-data';
export const DEFAULT_BODY_LIMIT = 1024 * 1024;
export const DEFAULT_DIRECTORY_JOB_INTERVAL_SECONDS = 300;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5000;
export const DEFAULT_TAXII_MAX_CONTENT_BYTES = 32 * 1024 * 1024;
export const DEFAULT_TAXII_ASYNC_ABOVE = 2_000;

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | null {
  const v = env[name];
  return v === undefined || v.trim() === '' ? null : v.trim();
}

function int(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  raw?: string | number,
): number {
  const given = raw !== undefined ? String(raw) : str(env, name);
  if (given === null) return fallback;
  if (!/^\d+$/.test(given)) throw new ConfigError(name, `must be a whole number (got '${given}')`);
  const n = Number(given);
  if (n < min || n > max)
    throw new ConfigError(name, `must be between ${min} and ${max} (got ${n})`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const v = str(env, name);
  if (v === null) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(v.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(v.toLowerCase())) return false;
  throw new ConfigError(name, `must be true or false (got '${v}')`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(env, name);
  if (v === null) return fallback;
  if (!(allowed as readonly string[]).includes(v)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got '${v}')`);
  }
  return v as T;
}

function url(name: string, value: string | null, protocols: string[]): string | null {
  if (value === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, 'must be a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return value;
}

export function loadConfig(
  env: Env = process.env,
  flags: ConfigFlags = {},
  cwd = process.cwd(),
): Config {
  const databaseUrl = url(
    flags.databaseUrl !== undefined ? '--database-url' : 'DATABASE_URL',
    flags.databaseUrl ?? str(env, 'DATABASE_URL'),
    ['postgres:', 'postgresql:'],
  );
  const publicUrl = url('CONCORD_PUBLIC_URL', str(env, 'CONCORD_PUBLIC_URL'), ['http:', 'https:']);
  const adminEmail = str(env, 'CONCORD_ADMIN_EMAIL');
  if (adminEmail !== null && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('CONCORD_ADMIN_EMAIL', 'must be an e-mail address');
  }
  const adminPassword = env.CONCORD_ADMIN_PASSWORD ?? null;
  if (adminPassword !== null && adminPassword.length > 0 && adminPassword.length < 12) {
    throw new ConfigError('CONCORD_ADMIN_PASSWORD', 'must be at least 12 characters');
  }
  const ledgerOrigin =
    str(env, 'CONCORD_LEDGER_ORIGIN') ??
    (publicUrl ? `${new URL(publicUrl).host}/ledger` : 'concord.localhost/ledger');
  if (/[\s+]/.test(ledgerOrigin)) {
    throw new ConfigError('CONCORD_LEDGER_ORIGIN', 'must not contain spaces or "+"');
  }
  const witnessPeers = (str(env, 'CONCORD_WITNESS_PEERS') ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const at = p.indexOf('=');
      const peerUrl = at > 0 ? p.slice(0, at) : '';
      const verifierKey = at > 0 ? p.slice(at + 1) : '';
      if (!/^https?:\/\//.test(peerUrl) || !verifierKey) {
        throw new ConfigError(
          'CONCORD_WITNESS_PEERS',
          `entries are <url>=<verifier key>, comma-separated (got '${p}')`,
        );
      }
      return { url: peerUrl, verifierKey };
    });
  const smtpUrl = url('CONCORD_SMTP_URL', str(env, 'CONCORD_SMTP_URL'), ['smtp:', 'smtps:']);
  const smtpFrom =
    str(env, 'CONCORD_SMTP_FROM') ??
    `Concord <concord@${publicUrl ? new URL(publicUrl).hostname : 'concord.localhost'}>`;
  if (!/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/.test(smtpFrom)) {
    throw new ConfigError('CONCORD_SMTP_FROM', 'must be an e-mail address or "Name <address>"');
  }
  const logFormatDefault: LogFormat = process.stdout.isTTY ? 'pretty' : 'json';
  const webDir = str(env, 'CONCORD_WEB_DIR');
  return {
    port: int(
      env,
      flags.port !== undefined ? '--port' : 'PORT',
      DEFAULT_PORT,
      0,
      65535,
      flags.port,
    ),
    host: flags.host ?? str(env, 'HOST') ?? 'localhost',
    databaseUrl,
    dataDir: path.resolve(cwd, flags.dataDir ?? str(env, 'CONCORD_DATA_DIR') ?? DEFAULT_DATA_DIR),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword: adminPassword === '' ? null : adminPassword,
    logLevel: oneOf(
      env,
      'CONCORD_LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'info',
    ),
    logFormat: oneOf(env, 'CONCORD_LOG_FORMAT', ['pretty', 'json'], logFormatDefault),
    publicUrl,
    secureCookies: bool(env, 'CONCORD_SECURE_COOKIES', publicUrl?.startsWith('https:') ?? false),
    trustProxy: bool(env, 'CONCORD_TRUST_PROXY', false),
    bodyLimit: int(env, 'CONCORD_BODY_LIMIT', DEFAULT_BODY_LIMIT, 1024, 1024 * 1024 * 1024),
    sessionIdleMinutes: int(env, 'CONCORD_SESSION_IDLE_MINUTES', 120, 1, 60 * 24 * 30),
    sessionMaxHours: int(env, 'CONCORD_SESSION_MAX_HOURS', 24 * 7, 1, 24 * 365),
    loginMaxFailures: int(env, 'CONCORD_LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginLockoutMinutes: int(env, 'CONCORD_LOGIN_LOCKOUT_MINUTES', 15, 1, 60 * 24 * 30),
    loginRatePerIp: int(env, 'CONCORD_LOGIN_RATE_PER_IP', 30, 1, 100000),
    loginRateWindowSeconds: int(env, 'CONCORD_LOGIN_RATE_WINDOW_SECONDS', 300, 1, 86400),
    shutdownTimeoutMs: int(env, 'CONCORD_SHUTDOWN_TIMEOUT_MS', 10000, 0, 600000),
    webDir: webDir === null ? null : path.resolve(cwd, webDir),
    ledgerOrigin,
    ledgerSignerKey: str(env, 'CONCORD_LEDGER_SIGNER_KEY'),
    ledgerBatchMs: int(env, 'CONCORD_LEDGER_BATCH_MS', 100, 1, 60_000),
    ledgerNodeCacheMb: int(env, 'CONCORD_LEDGER_NODE_CACHE_MB', 256, 0, 65_536),
    witnessPeers,
    witnessedLogs: (str(env, 'CONCORD_WITNESSED_LOGS') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean),
    smtpUrl,
    smtpFrom,
    directoryJobIntervalSeconds: int(
      env,
      'CONCORD_DIRECTORY_JOB_SECONDS',
      DEFAULT_DIRECTORY_JOB_INTERVAL_SECONDS,
      5,
      86_400,
    ),
    webhookTimeoutMs: int(
      env,
      'CONCORD_WEBHOOK_TIMEOUT_MS',
      DEFAULT_WEBHOOK_TIMEOUT_MS,
      100,
      60_000,
    ),
    webhookAllowPrivate: bool(env, 'CONCORD_WEBHOOK_ALLOW_PRIVATE', false),
    taxiiMaxContentBytes: int(
      env,
      'CONCORD_TAXII_MAX_CONTENT_BYTES',
      DEFAULT_TAXII_MAX_CONTENT_BYTES,
      1024,
      1024 * 1024 * 1024,
    ),
    taxiiAsyncAbove: int(
      env,
      'CONCORD_TAXII_ASYNC_ABOVE',
      DEFAULT_TAXII_ASYNC_ABOVE,
      0,
      10_000_000,
    ),
  };
}

/** A config for tests and embedded use, with every default and the given overrides. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ CONCORD_LOG_LEVEL: 'silent' }, {}), ...overrides };
}

/** Documentation of every variable, printed by `concord serve --help` and kept in the README. */
export const CONFIG_VARIABLES: ReadonlyArray<[string, string]> = [
  ['PORT', `HTTP port (default ${DEFAULT_PORT})`],
  ['HOST', 'interface to listen on (default localhost; 0.0.0.0 for all)'],
  ['DATABASE_URL', 'postgres://… selects PostgreSQL; unset uses the embedded database'],
  ['CONCORD_DATA_DIR', `embedded database and node files (default ./${DEFAULT_DATA_DIR})`],
  ['CONCORD_ADMIN_EMAIL', 'first administrator e-mail, used when no administrator exists'],
  ['CONCORD_ADMIN_PASSWORD', 'first administrator password (at least 12 characters)'],
  ['CONCORD_PUBLIC_URL', 'external URL; https:// turns on Secure cookies'],
  ['CONCORD_SECURE_COOKIES', 'force the Secure cookie attribute on or off'],
  ['CONCORD_TRUST_PROXY', 'trust X-Forwarded-* from a reverse proxy (default false)'],
  ['CONCORD_LOG_LEVEL', 'fatal|error|warn|info|debug|trace|silent (default info)'],
  ['CONCORD_LOG_FORMAT', 'pretty|json (default pretty on a terminal, json otherwise)'],
  ['CONCORD_BODY_LIMIT', `largest request body in bytes (default ${DEFAULT_BODY_LIMIT})`],
  ['CONCORD_SESSION_IDLE_MINUTES', 'sign-out after this much inactivity (default 120)'],
  ['CONCORD_SESSION_MAX_HOURS', 'absolute session lifetime (default 168)'],
  ['CONCORD_LOGIN_MAX_FAILURES', 'failed logins before an account is locked (default 5)'],
  ['CONCORD_LOGIN_LOCKOUT_MINUTES', 'how long a locked account stays locked (default 15)'],
  ['CONCORD_LOGIN_RATE_PER_IP', 'login attempts allowed per address per window (default 30)'],
  ['CONCORD_LOGIN_RATE_WINDOW_SECONDS', 'the window for the above (default 300)'],
  ['CONCORD_SHUTDOWN_TIMEOUT_MS', 'how long SIGTERM waits for in-flight requests (default 10000)'],
  ['CONCORD_WEB_DIR', 'built web app to serve (default packages/web/dist)'],
  [
    'CONCORD_LEDGER_ORIGIN',
    'the log origin line (default <public host>/ledger or concord.localhost/ledger)',
  ],
  ['CONCORD_LEDGER_SIGNER_KEY', 'node signer key PRIVATE+KEY+… (default: kept in the data folder)'],
  ['CONCORD_LEDGER_BATCH_MS', 'longest wait to gather a ledger batch (default 100)'],
  [
    'CONCORD_LEDGER_NODE_CACHE_MB',
    'memory for the in-process copy of the tree that answers proofs (default 256, about 4 million entries; 0: off)',
  ],
  ['CONCORD_WITNESS_PEERS', 'witnesses to ask for cosignatures: <url>=<verifier key>,…'],
  ['CONCORD_WITNESSED_LOGS', 'logs this node witnesses: their verifier keys, comma-separated'],
  ['CONCORD_SMTP_URL', 'outgoing mail: smtp://user:pass@host:587 or smtps://…; unset sends none'],
  ['CONCORD_SMTP_FROM', 'From address of e-mail (default Concord <concord@<public host>>)'],
  [
    'CONCORD_DIRECTORY_JOB_SECONDS',
    `how often ping reminders and webhook retries run (default ${DEFAULT_DIRECTORY_JOB_INTERVAL_SECONDS})`,
  ],
  [
    'CONCORD_WEBHOOK_TIMEOUT_MS',
    `webhook delivery timeout (default ${DEFAULT_WEBHOOK_TIMEOUT_MS})`,
  ],
  [
    'CONCORD_TAXII_MAX_CONTENT_BYTES',
    `largest TAXII POST body in bytes (default ${DEFAULT_TAXII_MAX_CONTENT_BYTES})`,
  ],
  [
    'CONCORD_TAXII_ASYNC_ABOVE',
    `TAXII envelopes with more objects are processed in the background (default ${DEFAULT_TAXII_ASYNC_ABOVE})`,
  ],
  [
    'CONCORD_WEBHOOK_ALLOW_PRIVATE',
    'let webhooks reach private, loopback and reserved addresses (default 0: refused)',
  ],
];
