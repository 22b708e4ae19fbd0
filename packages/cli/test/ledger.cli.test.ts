/**
 * `concord ledger verify | prove | check` against real `concord serve --demo` processes:
 * trust on first use and key pinning, consistency with the recorded checkpoint, tampering
 * with a stopped node's database, a node that rewrote history, and a log that must survive
 * SIGKILLs with every acknowledged entry at its acknowledged index.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  formatTilePath,
  generateSignerKey,
  MemoryTree,
  openCheckpoint,
  parseVerifierKey,
  proveInclusion,
  tilesForSize,
  verifyConsistency,
  type TileRef,
} from '../../ledger/src/index';
import { DEMO_PASSWORD } from '../../server/src/demo/community.data';
import {
  freePort,
  killAllChildren,
  lines,
  login,
  LOOPBACK,
  newDataDir,
  removeTempDirs,
  request,
  runCli,
  startServe,
  tempDir,
  type CliResult,
  type ServeProcess,
} from './support/cli';
import {
  editDatabase,
  ledgerHead,
  listEntries,
  participantOf,
  pool,
  readJson,
  registerKey,
  registerKeys,
  startTamperingProxy,
  waitForLedgerSize,
  waitForSettledLedger,
  type EntrySummary,
  type LedgerHead,
  type Registered,
  type StateFileJson,
} from './support/ledger';

const ADMIN = 'admin@secretariat.example';
const ORIGIN = 'concord.localhost/ledger';
const KEY_EVENT = 'application/vnd.concord.key-event+json';
/** Generous: a step may wait for a process slot while the other story runs. */
const TIMEOUT = 170_000;
const step = it.sequential;

const base = (server: ServeProcess) => `http://${LOOPBACK}:${server.port}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stateIn = (dir: string) => path.join(dir, 'ledger-state.json');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The tiles and entry bundles of a tree of `size` leaves (C2SP tlog-tiles), in fetch order. */
const tilesOf = (size: number): TileRef[] => [...tilesForSize(BigInt(size))];
/** "0/000.p/5", "1/000.p/1": a tile's path without its "tile/" prefix, as the CLI names it. */
const tileName = (tile: TileRef) => formatTilePath(tile).slice('tile/'.length);

/** The one error line of a failed command, or a failure showing everything it printed. */
function oneErrorLine(r: CliResult, code = 1): string {
  const err = lines(r.stderr);
  expect(r.code, `exit code\nstdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(code);
  expect(err, r.stderr).toHaveLength(1);
  return err[0]!;
}

function expectVerified(r: CliResult, head: { size: number; root: string }): void {
  expect(r.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`).toBe(0);
  expect(r.stdout).toMatch(/^Ledger verified\.$/m);
  expect(r.stdout).toMatch(new RegExp(`^ +origin: +${ORIGIN}$`, 'm'));
  expect(r.stdout).toMatch(new RegExp(`^ +size: +${head.size}$`, 'm'));
  expect(r.stdout).toContain(`root:         ${head.root}\n`);
  expect(r.stdout).toMatch(new RegExp(`^ +entries: +${head.size} verified`, 'm'));
  expect(r.stdout).toMatch(/^ +time: +[\d.]+ s, [\d.]+ MB at [\d.]+ MB\/s$/m);
}

/** Starts `concord serve` with the given arguments and waits until it is ready. */
async function serve(args: string[]): Promise<ServeProcess> {
  const server = await startServe(args);
  return server.ready(120_000);
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(err: unknown): void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

/**
 * Node A's state file as it was after its first verification (the settled demo log), for node
 * B's tests.
 */
const firstPin = deferred<string>();

afterAll(async () => {
  await killAllChildren();
  removeTempDirs();
});

describe.concurrent('concord ledger', () => {
  describe('verify and prove against a live node; then its database is tampered with', () => {
    const dirs = tempDir('concord-ledger-a-');
    const dataDir = path.join(dirs, 'data');
    const home = path.join(dirs, 'home');
    const pinned = path.join(home, '.config', 'concord', 'ledger-state.json');
    let a: ServeProcess | undefined;
    let head: LedgerHead;
    /** The settled demo log: its size is discovered, not fixed (catalogue, keys, regime). */
    let demo: LedgerHead;
    let entries: EntrySummary[];
    let vkey = '';

    afterAll(async () => {
      if (a && !a.hasExited) await a.kill();
    });

    beforeAll(async () => {
      try {
        a = await serve(['--demo', '--data-dir', dataDir]);
        demo = head = await waitForSettledLedger(a.port);
        entries = await listEntries(a.port);
        vkey = (await request(a.port, 'GET', '/ledger/vkey')).body.trim();
      } catch (err) {
        firstPin.reject(err);
        throw err;
      }
    }, TIMEOUT);

    step(
      'first verify trusts the served key with a warning, recomputes every entry of the demo log, and pins key and checkpoint in ~/.config',
      async () => {
        // The demo log holds every entry up to the checkpoint, among them the key registrations
        // of the 5 demo participants (key transparency).
        expect(entries.map((e) => e.index)).toEqual([...Array(demo.size).keys()]);
        const keyEvents = entries.filter((e) => e.payloadType === KEY_EVENT);
        expect(keyEvents).toHaveLength(5);
        for (const e of keyEvents) expect(e.subjectType).toBe('participant_key');
        const r = await runCli(['ledger', 'verify', base(a!), '--no-progress'], {
          env: { HOME: home, XDG_CONFIG_HOME: undefined },
        });
        if (r.code !== 0) firstPin.reject(new Error('node A: the first verify failed'));
        expectVerified(r, head);
        expect(r.stdout).toContain('(trusted on first use, now pinned)');
        expect(r.stdout).toContain('consistency:  first checkpoint recorded for this log');
        expect(r.stderr).toMatch(
          /^concord: warning: .*trusting the key the node serves on first use/,
        );
        expect(r.stderr).toContain(vkey);
        const state = readJson<StateFileJson>(pinned);
        expect(state).toMatchObject({
          version: 1,
          logs: { [ORIGIN]: { verifierKey: vkey, size: String(demo.size), root: demo.root } },
        });
        firstPin.resolve(fs.readFileSync(pinned, 'utf8'));
      },
      TIMEOUT,
    );

    step(
      'verify with --vkey (no warning), a wrong --vkey fails on the signature, a malformed one is a usage error',
      async () => {
        const fresh = stateIn(tempDir());
        const wrong = generateSignerKey(ORIGIN).verifierKey;
        const wrongState = stateIn(tempDir());
        const [ok, bad, malformed, again] = await Promise.all([
          runCli(['ledger', 'verify', base(a!), '--vkey', vkey, '--state', fresh]),
          runCli(['ledger', 'verify', base(a!), '--vkey', wrong, '--state', wrongState]),
          runCli(['ledger', 'verify', base(a!), '--vkey', 'not-a-key', '--state', wrongState]),
          runCli(['ledger', 'verify', base(a!), '--state', pinned]),
        ]);
        expectVerified(ok, head);
        expect(ok.stderr).toBe('');
        expect(ok.stdout).toContain('(given with --vkey)');
        expect(readJson<StateFileJson>(fresh).logs[ORIGIN]?.verifierKey).toBe(vkey);

        const wrongId = wrong.split('+')[1]!;
        expect(oneErrorLine(bad)).toBe(
          `concord: the checkpoint from ${base(a!)}/ledger/checkpoint has no signature by the key ${ORIGIN}+${wrongId}`,
        );
        expect(bad.stdout).toBe('');
        expect(fs.existsSync(wrongState)).toBe(false);
        expect(oneErrorLine(malformed, 2)).toMatch(/^concord: --vkey: not a note verifier key/);

        // The pinned key again, same size: nothing new, and still consistent.
        expectVerified(again, head);
        expect(again.stderr).toBe('');
        expect(again.stdout).toContain('(pinned)');
        expect(again.stdout).toContain(
          `consistency:  same as the recorded checkpoint (size ${demo.size})`,
        );
      },
      TIMEOUT,
    );

    step(
      'prove verifies the inclusion proof of a key registration; -1 and abc are usage errors; an index at the size is not in the log',
      async () => {
        const state = stateIn(tempDir());
        const index = entries.find((e) => e.payloadType === KEY_EVENT)!.index;
        const [ok, negative, word, beyond] = await Promise.all([
          runCli(['ledger', 'prove', base(a!), `${index}`, '--vkey', vkey, '--state', state]),
          runCli(['ledger', 'prove', base(a!), '-1', '--state', state]),
          runCli(['ledger', 'prove', base(a!), 'abc', '--state', state]),
          runCli(['ledger', 'prove', base(a!), `${demo.size}`, '--vkey', vkey, '--state', state]),
        ]);
        const entry = (await request(a!.port, 'GET', `/api/v1/ledger/entries/${index}`)).json<{
          subjectId: string;
          leafHash: string;
          proof: { hashes: string[] };
        }>();
        expect(ok.code, ok.stderr).toBe(0);
        expect(ok.stderr).toBe('');
        expect(ok.stdout).toMatch(new RegExp(`^entry: +${index}$`, 'm'));
        expect(ok.stdout).toContain(`participant_key ${entry.subjectId}`);
        expect(ok.stdout).toContain(`leaf hash:    ${entry.leafHash} (recomputed`);
        expect(ok.stdout).toContain(`size ${demo.size}, signed by ${vkey}`);
        // The path the pure library derives for this index in a tree of the demo's size, from
        // the leaf hashes (which recompute the signed root), is the one the node served.
        const tree = new MemoryTree();
        for (const e of entries) tree.appendLeafHash(base64ToBytes(e.leafHash));
        expect(bytesToBase64(tree.root())).toBe(demo.root);
        const expected = await proveInclusion(BigInt(index), BigInt(demo.size), tree);
        expect(expected.length).toBeGreaterThan(0);
        expect(entry.proof.hashes).toEqual(expected.map(bytesToBase64));
        for (const [i, h] of entry.proof.hashes.entries())
          expect(ok.stdout).toMatch(new RegExp(`^ +${i} +${escape(h)}$`, 'm'));
        expect(ok.stdout.endsWith('\nverified\n')).toBe(true);

        expect(oneErrorLine(negative, 2)).toBe(
          "concord: index: '-1' is not a non-negative integer",
        );
        expect(oneErrorLine(word, 2)).toBe("concord: index: 'abc' is not a non-negative integer");
        expect(oneErrorLine(beyond)).toBe(
          `concord: entry ${demo.size} is not in the log (GET ${base(a!)}/api/v1/ledger/entries/${demo.size}: 404)`,
        );
        expect(beyond.stdout).toBe('');
      },
      TIMEOUT,
    );

    step(
      'after 300 more entries (past the first full tile), verify checks them all and that the log extends the pinned checkpoint',
      async () => {
        const session = await login(a!.port, ADMIN, DEMO_PASSWORD);
        const participant = await participantOf(a!.port, session);
        const added = await registerKeys(a!.port, session, participant, 300);
        const indices = added.map((k) => k.index);
        expect(new Set(indices).size).toBe(300);
        expect(Math.min(...indices)).toBe(demo.size);
        expect(Math.max(...indices)).toBe(demo.size + 299);
        head = await waitForLedgerSize(a!.port, demo.size + 300);
        expect(head.size).toBe(demo.size + 300);
        const tiles = tilesOf(head.size);
        // Past the first full tile: a level-1 tile holds its subtree hash.
        expect(tiles.some((t) => t.level === 1)).toBe(true);

        const demoPin = stateIn(tempDir());
        fs.writeFileSync(demoPin, await firstPin.promise);
        const [r, proved] = await Promise.all([
          runCli(['ledger', 'verify', base(a!), '--state', pinned]),
          // prove checks the node's consistency proof from the pinned demo checkpoint.
          runCli(['ledger', 'prove', base(a!), `${demo.size + 299}`, '--state', demoPin]),
        ]);
        expectVerified(r, head);
        expect(r.stdout).toContain(
          `consistency:  extends the recorded checkpoint of size ${demo.size}`,
        );
        expect(r.stdout).toContain(`${head.size} verified (${tiles.length} tiles`);
        expect(readJson<StateFileJson>(pinned).logs[ORIGIN]).toMatchObject({
          size: String(head.size),
          root: head.root,
        });

        expect(proved.code, proved.stderr).toBe(0);
        expect(proved.stdout).toContain(
          `consistency:  consistent with the recorded checkpoint of size ${demo.size}`,
        );
        const last = added.find((k) => k.index === demo.size + 299)!;
        expect(proved.stdout).toContain(`participant_key ${last.keyId}`);
        expect(readJson<StateFileJson>(demoPin).logs[ORIGIN]?.size).toBe(String(head.size));
      },
      TIMEOUT,
    );

    step(
      'answers altered between node and client: verify and prove name the tile, signature, status or proof that does not match',
      async () => {
        const flipFirstByte = (body: Buffer) =>
          Buffer.concat([Buffer.from([body[0]! ^ 1]), body.subarray(1)]);
        const otherRoot = Buffer.alloc(32, 7).toString('base64');
        const tiles = tilesOf(head.size);
        const hashTiles = tiles.filter((t) => t.kind === 'hash');
        // The first level-1 tile (its hash 0 is recomputed from the full tile 0/000), and the
        // last level-0 tile.
        const upper = hashTiles.find((t) => t.level === 1)!;
        const lastLeaves = hashTiles.filter((t) => t.level === 0).at(-1)!;
        expect(tileName(lastLeaves)).not.toBe('0/000');
        const dropped = new Set<string>();
        const proxy = await startTamperingProxy(a!.port, {
          same: (_path, body) => body,
          tile: (path, body) =>
            path === `/ledger/tile/${tileName(upper)}` ? flipFirstByte(body) : body,
          note: (path, body) =>
            path === '/ledger/checkpoint'
              ? Buffer.from(body.toString('utf8').replace(head.root, otherRoot))
              : body,
          status: (path, body) => (path === `/ledger/tile/${tileName(lastLeaves)}` ? 503 : body),
          // The first request for each tile fails at the network level; the retry gets it.
          flaky: (path, body) => {
            if (!path.startsWith('/ledger/tile/') || dropped.has(path)) return body;
            dropped.add(path);
            return 'drop';
          },
          proof: (path, body) => {
            if (!/^\/api\/v1\/ledger\/entries\/[07]$/.test(path)) return body;
            const entry = JSON.parse(body.toString('utf8')) as {
              proof: { root: string; hashes: string[] };
            };
            if (path.endsWith('/0')) entry.proof.root = otherRoot;
            else
              entry.proof.hashes[0] = flipFirstByte(
                Buffer.from(entry.proof.hashes[0]!, 'base64'),
              ).toString('base64');
            return Buffer.from(JSON.stringify(entry));
          },
        });
        try {
          const state = () => ['--vkey', vkey, '--state', stateIn(tempDir())];
          const [same, flaky, tile, note, status, proof, root] = await Promise.all([
            runCli(['ledger', 'verify', proxy.url('same'), ...state()]),
            runCli(['ledger', 'verify', proxy.url('flaky'), ...state()]),
            runCli(['ledger', 'verify', proxy.url('tile'), ...state()]),
            runCli(['ledger', 'verify', proxy.url('note'), ...state()]),
            runCli(['ledger', 'verify', proxy.url('status'), ...state()]),
            runCli(['ledger', 'prove', proxy.url('proof'), '7', ...state()]),
            runCli(['ledger', 'prove', proxy.url('proof'), '0', ...state()]),
          ]);
          // Through the proxy unaltered (and under a path prefix), the log verifies.
          expectVerified(same, head);
          expectVerified(flaky, head);
          expect(dropped.size).toBe(tiles.length);
          expect(oneErrorLine(tile)).toBe(
            `concord: tile ${tileName(upper)}: hash 0 differs from the one recomputed from tile 0/000`,
          );
          expect(oneErrorLine(note)).toBe(
            `concord: the checkpoint from ${proxy.url('note')}/ledger/checkpoint has a bad signature by the key ${vkey.split('+').slice(0, 2).join('+')}`,
          );
          expect(oneErrorLine(status)).toBe(
            `concord: GET ${proxy.url('status')}/ledger/tile/${tileName(lastLeaves)}: 503 Service Unavailable (altered by the test proxy)`,
          );
          expect(oneErrorLine(proof)).toBe(
            `concord: entry 7 is not included in the checkpoint of size ${head.size}: inclusion proof does not lead to the root`,
          );
          expect(oneErrorLine(root)).toBe(
            `concord: the proof is against size ${head.size} and root ${otherRoot}, but the signed checkpoint has size ${head.size} and root ${head.root}`,
          );
          for (const r of [tile, note, status, proof, root]) expect(r.stdout).toBe('');
        } finally {
          await proxy.close();
        }
      },
      TIMEOUT,
    );

    step(
      'tampered database: check names the entry, subtree hash and checkpoint; after a restart verify and prove fail on entry 2',
      async () => {
        expect(await a!.stop()).toEqual({ code: 0, signal: null });
        await editDatabase(dataDir, [
          `update ledger_entries set data = data || '\\x20'::bytea where idx = 2`,
          // Leaves 200–201: a node no tile serves (only check can see it) and no later append reads.
          `update ledger_nodes set hash = sha256('forged'::bytea) where level = 1 and idx = 100`,
          // The checkpoint the settled demo log was signed under (the one node A first pinned).
          `update ledger_checkpoints set note = replace(note, split_part(note, E'\\n', 3), '${Buffer.alloc(32, 9).toString('base64')}') where size = ${demo.size}`,
        ]);
        const check = await runCli(['ledger', 'check', '--data-dir', dataDir]);
        expect(check.stdout).toMatch(
          new RegExp(`^ledger check: \\d+ problems in a log of ${head.size} entries$`, 'm'),
        );
        expect(check.stdout).toMatch(/^ {2}entry 2\b/m);
        expect(check.stdout).toMatch(/^ {2}.*\b1\/100\b/m);
        expect(check.stdout).toMatch(new RegExp(`^ {2}checkpoint ${demo.size}\\b`, 'm'));
        expect(oneErrorLine(check)).toMatch(
          /^concord: ledger check failed: entry 2\b.*\(and \d+ more\)$/,
        );

        a = await serve(['--data-dir', dataDir]);
        const pinnedBefore = fs.readFileSync(pinned, 'utf8');
        const [verify, prove] = await Promise.all([
          runCli(['ledger', 'verify', base(a), '--state', pinned]),
          runCli(['ledger', 'prove', base(a), '2', '--state', pinned]),
        ]);
        expect(oneErrorLine(verify)).toBe('concord: entry 2 does not match tile 0/000 hash 2');
        expect(oneErrorLine(prove)).toBe(
          `concord: entry 2 is not included in the checkpoint of size ${head.size}: its data does not hash to the leaf hash the node reports`,
        );
        expect(verify.stdout).toBe('');
        // A failed verification records nothing (a successful one would stamp verifiedAt).
        expect(fs.readFileSync(pinned, 'utf8')).toBe(pinnedBefore);
      },
      TIMEOUT,
    );
  });

  describe('a log that survives SIGKILLs, checked by the CLI; a node that rewrote history', () => {
    const dataDir = newDataDir();
    let b: ServeProcess;
    let vkey = '';

    afterAll(async () => {
      if (b && !b.hasExited) await b.kill();
    });

    beforeAll(async () => {
      b = await serve(['--demo', '--data-dir', dataDir]);
      await waitForSettledLedger(b.port);
      vkey = (await request(b.port, 'GET', '/ledger/vkey')).body.trim();
    }, TIMEOUT);

    step(
      'appending while the server is SIGKILLed 3 times: acknowledged entries keep their index, checkpoints stay consistent, verify passes',
      async () => {
        const verifier = parseVerifierKey(vkey);
        const acked: Registered[] = [];
        const unexpected: string[] = [];
        const seen = new Map<number, string>(); // checkpoint size → root (base64)
        const record = (checkpoint: string) => {
          const { checkpoint: cp } = openCheckpoint(checkpoint, [verifier], ORIGIN);
          const root = Buffer.from(cp.root).toString('base64');
          const before = seen.get(Number(cp.size));
          if (before !== undefined && before !== root)
            unexpected.push(`two roots for size ${cp.size}: ${before} and ${root}`);
          seen.set(Number(cp.size), root);
        };

        for (let round = 1; round <= 3; round++) {
          const port = b.port;
          const session = await login(port, ADMIN, DEMO_PASSWORD);
          const participant = await participantOf(port, session);
          let stop = false;
          const writer = async (w: number) => {
            for (let i = 0; !stop; i++) {
              try {
                acked.push(
                  await registerKey(port, session, participant, `crash ${round}.${w}.${i}`),
                );
              } catch (err) {
                const message = (err as Error).message;
                // The server went away mid-request; anything else is a failure.
                if (!/ECONNREFUSED|ECONNRESET|socket hang up|EPIPE/.test(message))
                  unexpected.push(message);
                return;
              }
            }
          };
          const watcher = async () => {
            while (!stop) {
              let head: LedgerHead;
              try {
                head = await ledgerHead(port);
              } catch {
                return; // the server went away
              }
              record(head.checkpoint);
              await sleep(250);
            }
          };
          const tasks = [...Array.from({ length: 6 }, (_, w) => writer(w)), watcher()];
          // A random moment: after 10–50 more acknowledgements and a random extra delay.
          const target = acked.length + 10 + Math.floor(Math.random() * 40);
          const deadline = Date.now() + 60_000;
          while (acked.length < target && unexpected.length === 0 && Date.now() < deadline)
            await sleep(20);
          await sleep(Math.random() * 200);
          b.child.kill('SIGKILL');
          stop = true;
          expect(await b.waitExit(10_000)).toEqual({ code: null, signal: 'SIGKILL' });
          await Promise.all(tasks);
          expect(unexpected).toEqual([]);
          expect(acked.length).toBeGreaterThanOrEqual(target);
          b = await serve(['--data-dir', dataDir]);
        }

        // Every acknowledged registration is at its acknowledged index, once.
        expect(new Set(acked.map((k) => k.index)).size).toBe(acked.length);
        const final = await ledgerHead(b.port);
        record(final.checkpoint);
        expect(final.size).toBeGreaterThan(Math.max(...acked.map((k) => k.index)));
        const misplaced = (
          await pool(acked, 8, async ({ index, keyId }) => {
            const res = await request(b.port, 'GET', `/api/v1/ledger/entries/${index}`);
            const subject =
              res.status === 200 ? res.json<{ subjectId: string }>().subjectId : res.status;
            return subject === keyId ? null : `entry ${index}: ${subject}, acknowledged ${keyId}`;
          })
        ).filter((m) => m !== null);
        expect(misplaced).toEqual([]);

        // Every checkpoint seen is consistent with every earlier one (RFC 9162 §2.1.4.2).
        const sizes = [...seen.keys()].sort((x, y) => x - y);
        expect(sizes.length).toBeGreaterThanOrEqual(4);
        const pairs = sizes.flatMap((from, i) =>
          sizes.slice(i + 1).map((to) => [from, to] as const),
        );
        const inconsistent = (
          await pool(pairs, 8, async ([from, to]) => {
            const res = await request(
              b.port,
              'GET',
              `/api/v1/ledger/consistency?from=${from}&to=${to}`,
            );
            if (res.status !== 200) return `${from}→${to}: ${res.status} ${res.body}`;
            const proof = res.json<{ hashes: string[] }>().hashes.map(base64ToBytes);
            try {
              verifyConsistency(
                BigInt(from),
                BigInt(to),
                proof,
                base64ToBytes(seen.get(from)!),
                base64ToBytes(seen.get(to)!),
              );
              return null;
            } catch (err) {
              return `${from}→${to}: ${(err as Error).message}`;
            }
          })
        ).filter((m) => m !== null);
        expect(inconsistent).toEqual([]);

        const r = await runCli([
          'ledger',
          'verify',
          base(b),
          '--vkey',
          vkey,
          '--state',
          stateIn(tempDir()),
        ]);
        expectVerified(r, final);
      },
      TIMEOUT,
    );

    step(
      'the state pinned for node A: node B (same origin, another key) fails on the pin; with its --vkey, on consistency',
      async () => {
        const snapshot = await firstPin.promise;
        const files = [0, 1, 2].map(() => {
          const file = stateIn(tempDir());
          fs.writeFileSync(file, snapshot);
          return file;
        });
        const pinnedKey = JSON.parse(snapshot) as StateFileJson;
        const aKey = pinnedKey.logs[ORIGIN]!.verifierKey;
        const aRoot = pinnedKey.logs[ORIGIN]!.root;
        const aSize = pinnedKey.logs[ORIGIN]!.size;
        expect(aKey).not.toBe(vkey);
        // And a state that recorded a larger log than B has: B lost entries.
        const larger = stateIn(tempDir());
        const largerJson = JSON.parse(snapshot) as StateFileJson;
        largerJson.logs[ORIGIN]!.size = '1000000';
        fs.writeFileSync(larger, JSON.stringify(largerJson));
        const { size } = await ledgerHead(b.port);
        expect(size).toBeGreaterThan(Number(aSize));
        const [pin, verify, prove, shrunk] = await Promise.all([
          runCli(['ledger', 'verify', base(b), '--state', files[0]!]),
          runCli(['ledger', 'verify', base(b), '--vkey', vkey, '--state', files[1]!]),
          runCli(['ledger', 'prove', base(b), '0', '--vkey', vkey, '--state', files[2]!]),
          runCli(['ledger', 'verify', base(b), '--vkey', vkey, '--state', larger]),
        ]);
        expect(oneErrorLine(shrunk)).toBe(
          `concord: the log shrank: its checkpoint has ${size} entries, but ${larger} records a verified checkpoint of 1000000 for ${ORIGIN}`,
        );
        expect(oneErrorLine(pin)).toBe(
          `concord: ${base(b)}/ledger/vkey serves the verifier key ${vkey}, but the key pinned for ${ORIGIN} in ${files[0]} is ${aKey}; if the log's key really changed, pass the new one with --vkey`,
        );
        expect(oneErrorLine(verify)).toMatch(
          new RegExp(
            `^concord: the log is inconsistent with the checkpoint recorded in ${escape(files[1]!)}: its first ${aSize} entries hash to \\S+, not to the recorded ${escape(aRoot)}$`,
          ),
        );
        expect(oneErrorLine(prove)).toMatch(
          new RegExp(
            `^concord: the checkpoint of size ${size} is inconsistent with the one of size ${aSize} recorded in ${escape(files[2]!)}: `,
          ),
        );
        // Nothing was re-pinned.
        for (const file of files) expect(fs.readFileSync(file, 'utf8')).toBe(snapshot);
      },
      TIMEOUT,
    );

    step(
      'ledger check on the stopped node: ok, with every entry',
      async () => {
        const { size } = await ledgerHead(b.port);
        expect(await b.stop()).toEqual({ code: 0, signal: null });
        const r = await runCli(['ledger', 'check', '--data-dir', dataDir]);
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toBe(`ledger ok: ${size} entries\n`);
      },
      TIMEOUT,
    );
  });

  describe('help and usage errors', () => {
    it.each([
      {
        args: ['ledger', '--help'],
        usage: 'concord ledger [options] [command]',
        mentions: ['verify', 'prove', 'check'],
      },
      {
        args: ['ledger', 'verify', '--help'],
        usage: 'concord ledger verify [options] <base-url>',
        mentions: [
          '--vkey <verifier-key>',
          '--state <file>',
          '--no-progress',
          '~/.config/concord/ledger-state.json',
        ],
      },
      {
        args: ['ledger', 'prove', '--help'],
        usage: 'concord ledger prove [options] <base-url> <index>',
        mentions: ['--vkey <verifier-key>', '--state <file>'],
      },
      {
        args: ['ledger', 'check', '--help'],
        usage: 'concord ledger check [options]',
        mentions: ['--data-dir <dir>', '--database-url <url>'],
      },
    ])(
      'concord $args exits 0 and describes its options',
      async ({ args, usage, mentions }) => {
        const r = await runCli(args);
        expect(r.code).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.startsWith(`Usage: ${usage}\n`)).toBe(true);
        for (const m of mentions) expect(r.stdout).toContain(m);
      },
      TIMEOUT,
    );

    it.each([
      { args: ['ledger', 'verify'], error: /^error: missing required argument 'base-url'/ },
      {
        args: ['ledger', 'verify', 'concord.example.org'],
        error: /^concord: base-url: 'concord.example.org' is not a URL/,
        oneLine: true,
      },
      {
        args: ['ledger', 'prove', 'ftp://127.0.0.1/', '0'],
        error: /^concord: base-url: must start with http:\/\/ or https:\/\/$/,
        oneLine: true,
      },
      {
        args: ['ledger', 'prove', 'http://127.0.0.1:1/', '1.5'],
        error: /^concord: index: '1.5' is not a non-negative integer$/,
        oneLine: true,
      },
    ])(
      'concord $args exits 2 with an error on stderr',
      async ({ args, error, oneLine }) => {
        const r = await runCli(args);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        const err = lines(r.stderr);
        expect(err[0]).toMatch(error);
        if (oneLine) expect(err).toHaveLength(1);
      },
      TIMEOUT,
    );

    it(
      'a node that cannot be reached: a few retries, then one line naming the URL',
      async () => {
        const port = await freePort();
        const state = stateIn(tempDir());
        const r = await runCli([
          'ledger',
          'verify',
          `http://${LOOPBACK}:${port}`,
          '--state',
          state,
        ]);
        expect(oneErrorLine(r)).toBe(
          `concord: GET http://${LOOPBACK}:${port}/ledger/checkpoint: connect ECONNREFUSED ${LOOPBACK}:${port}`,
        );
        // Three retries after 0.25 s, 0.5 s and 1 s.
        expect(r.ms).toBeGreaterThanOrEqual(1750);
        expect(fs.existsSync(state)).toBe(false);
      },
      TIMEOUT,
    );
  });
});
