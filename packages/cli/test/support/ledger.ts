/**
 * Helpers for the ledger CLI tests: reading a node's log head, appending entries by
 * registering real Ed25519 keys, and editing a stopped node's embedded database by hand.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../../server/src/index';
import { LOOPBACK, request, waitFor, type Session } from './cli';

export interface LedgerHead {
  origin: string;
  verifierKey: string;
  size: number;
  root: string;
  checkpoint: string;
  /** Submissions committed but not yet sequenced into the log. */
  pending: number;
}

export async function ledgerHead(port: number): Promise<LedgerHead> {
  const res = await request(port, 'GET', '/api/v1/ledger', { timeoutMs: 10_000 });
  if (res.status !== 200) throw new Error(`GET /api/v1/ledger: ${res.status} ${res.body}`);
  return res.json<LedgerHead>();
}

/** Polls the log head until it has at least `size` entries. */
export function waitForLedgerSize(port: number, size: number): Promise<LedgerHead> {
  return waitFor(
    `the ledger on port ${port} to reach ${size} entries`,
    async () => {
      const head = await ledgerHead(port);
      return head.size >= size ? head : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100 },
  );
}

/**
 * Polls the log head until the node has settled: nothing is waiting to be sequenced, so the
 * checkpoint covers everything committed (at start, the norms catalogue, the demo community's
 * key registrations and its regime statements, whose number is not fixed). Two readings in a
 * row must agree, as the head's size and queue length are not read in one transaction.
 */
export function waitForSettledLedger(port: number): Promise<LedgerHead> {
  let previous: LedgerHead | undefined;
  return waitFor(
    `the ledger on port ${port} to settle (nothing pending)`,
    async () => {
      const head = await ledgerHead(port);
      const settled = head.pending === 0 && previous?.pending === 0 && previous.size === head.size;
      previous = head;
      return settled ? head : undefined;
    },
    { timeoutMs: 30_000, intervalMs: 100 },
  );
}

export interface EntrySummary {
  index: number;
  kind: 'statement' | 'commitment';
  payloadType: string;
  participantId: string | null;
  subjectType: string | null;
  subjectId: string | null;
  leafHash: string;
}

/** Every entry of the log (as the node summarises them), oldest first, page by page. */
export async function listEntries(port: number): Promise<EntrySummary[]> {
  const out: EntrySummary[] = [];
  for (let before: number | null = null; ;) {
    const query: string = before === null ? '' : `&before=${before}`;
    const res = await request(port, 'GET', `/api/v1/ledger/entries?limit=200${query}`);
    if (res.status !== 200)
      throw new Error(`GET /api/v1/ledger/entries: ${res.status} ${res.body}`);
    const page = res.json<{ items: EntrySummary[]; nextBefore: number | null }>();
    out.push(...page.items);
    if (page.nextBefore === null) return out.reverse();
    before = page.nextBefore;
  }
}

/** The raw 32-byte public key of a fresh Ed25519 key pair, base64. */
export function newPublicKey(): string {
  const { publicKey } = crypto.generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x;
  if (!x) throw new Error('no raw public key');
  return Buffer.from(x, 'base64url').toString('base64');
}

/** The participant of a signed-in user, from GET /api/v1/auth/me. */
export async function participantOf(port: number, session: Session): Promise<string> {
  const res = await request(port, 'GET', '/api/v1/auth/me', { headers: session.headers() });
  if (res.status !== 200) throw new Error(`GET /api/v1/auth/me: ${res.status} ${res.body}`);
  return res.json<{ user: { participant: { id: string } } }>().user.participant.id;
}

export interface Registered {
  keyId: string;
  index: number;
}

/** Registers one new key; the answer's `ledgerIndex` is the acknowledged log index. */
export async function registerKey(
  port: number,
  session: Session,
  participantId: string,
  label: string,
): Promise<Registered> {
  const res = await request(port, 'POST', `/api/v1/participants/${participantId}/keys`, {
    headers: session.headers(),
    body: { label, publicKey: newPublicKey() },
  });
  if (res.status !== 201) throw new Error(`register key: ${res.status} ${res.body}`);
  const body = res.json<{ id: string; ledgerIndex?: number | null }>();
  if (typeof body.ledgerIndex !== 'number') throw new Error(`register key: ${res.body}`);
  return { keyId: body.id, index: body.ledgerIndex };
}

/** Runs `fn` over `items` with at most `concurrency` calls at once. */
export async function pool<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return out;
}

export async function registerKeys(
  port: number,
  session: Session,
  participantId: string,
  count: number,
): Promise<Registered[]> {
  const labels = Array.from({ length: count }, (_, i) => `ledger test key ${i}`);
  return pool(labels, 12, (label) => registerKey(port, session, participantId, label));
}

/** Runs SQL statements against a stopped node's embedded database (it takes the folder lock). */
export async function editDatabase(dataDir: string, statements: string[]): Promise<void> {
  const database = await openDatabase({ kind: 'pglite', dataDir });
  try {
    for (const statement of statements) await database.db.execute(sql.raw(statement));
  } finally {
    await database.close();
  }
}

export function readJson<T = Record<string, unknown>>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export interface StateFileJson {
  version: number;
  logs: Record<string, { verifierKey: string; size: string; root: string; url: string }>;
}

/**
 * Rewrites one proxied answer: returns the body to send, a status to answer with instead, or
 * 'drop' to close the connection without an answer (a network failure).
 */
export type Rewrite = (path: string, body: Buffer) => Buffer | number | 'drop';

/**
 * A loopback HTTP proxy in front of a node that alters some answers, standing for a node (or
 * anything between it and the client) that serves data other than what it signed. The first
 * path segment names the rewrite to apply, so one proxy serves several base URLs:
 * `http://127.0.0.1:<port>/<name>/ledger/checkpoint` → `/ledger/checkpoint` on the node.
 */
export async function startTamperingProxy(
  targetPort: number,
  rewrites: Record<string, Rewrite>,
): Promise<{ url(name: string): string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const [, name = '', ...rest] = (req.url ?? '/').split('/');
    const rewrite = rewrites[name];
    const path = `/${rest.join('/')}`;
    const upstream = http.get(
      { host: LOOPBACK, port: targetPort, path, agent: false },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          const body = Buffer.concat(chunks);
          const out = rewrite && answer.statusCode === 200 ? rewrite(path, body) : body;
          if (out === 'drop') {
            req.socket.destroy();
            return;
          }
          if (typeof out === 'number') {
            res.writeHead(out, { 'content-type': 'text/plain' }).end('altered by the test proxy');
            return;
          }
          const headers = { ...answer.headers, 'content-length': String(out.length) };
          delete headers['transfer-encoding'];
          res.writeHead(answer.statusCode ?? 502, headers).end(out);
        });
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => server.listen(0, LOOPBACK, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (name) => `http://${LOOPBACK}:${port}/${name}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
