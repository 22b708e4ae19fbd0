import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToBase64, generateSignerKey, signCheckpoint, parseCheckpoint } from '@concord/ledger';
import { createHash } from 'node:crypto';
import { createTestApp, ESTONIA, login, type TestApp } from './support/app';
import { registerKey } from './support/app';
import { drainLedger } from './support/app';
import { dialectName } from './support/database';
import { configureWitnessedLogs, WitnessClient } from '../src/modules/ledger';
import { parseCosignerKey, verifiedCosignatures } from '../src/modules/ledger/cosignature';
import { identityFromSignerKey } from '../src/modules/ledger/identity';
import { keyFingerprint } from '../src/modules/ledger/init';

const drain = (t: TestApp) => drainLedger(t.deps);
const seed = (s: string) => new Uint8Array(createHash('sha256').update(s).digest());

describe(`witnessing (C2SP tlog-witness) (${dialectName})`, () => {
  let log: TestApp;
  let witness: TestApp;
  const checkpoint = async () =>
    (await log.app.inject({ method: 'GET', url: '/ledger/checkpoint' })).body;
  const submit = (body: string) =>
    witness.app.inject({
      method: 'POST',
      url: '/ledger/witness/add-checkpoint',
      headers: { 'content-type': 'text/plain' },
      payload: body,
    });
  const bodyOf = (note: string) => note.slice(0, note.indexOf('\n\n') + 1);
  /** An add-checkpoint request body: the old size, one proof hash a line, a blank line, the note. */
  const request = (old: number, proof: readonly string[], note: string) =>
    [`old ${old}`, ...proof, '', note].join('\n');
  /** The size of the log's settled demo checkpoint, the first one the witness sees. */
  let base = 0;

  beforeAll(async () => {
    log = await createTestApp();
    await drain(log);
    base = Number(parseCheckpoint(bodyOf(await checkpoint())).size);
    witness = await createTestApp({ demo: false });
    witness.deps.log = identityFromSignerKey(
      'witness.test/ledger',
      generateSignerKey('witness.test/ledger', seed('w')).signerKey,
      keyFingerprint,
    );
    await configureWitnessedLogs(witness.deps, [log.deps.log.verifierKey]);
  });
  afterAll(async () => {
    await log.close();
    await witness.close();
  });

  it('cosigns a first checkpoint (old 0) with a verifiable timestamped cosignature', async () => {
    const note = await checkpoint();
    const res = await submit(`old 0\n\n${note}`);
    expect(res.statusCode).toBe(200);
    const verifier = parseCosignerKey(
      (await witness.app.inject({ method: 'GET', url: '/ledger/witness/vkey' })).body,
    )!;
    expect(verifier).not.toBeNull();
    expect(verifiedCosignatures(res.body, bodyOf(note), verifier)).toHaveLength(1);
    // A cosignature over another body does not verify.
    const other = bodyOf(note).replace(`\n${base}\n`, `\n${base + 1}\n`);
    expect(other).not.toBe(bodyOf(note));
    expect(verifiedCosignatures(res.body, other, verifier)).toHaveLength(0);
  });

  it('answers 409 with the size it knows when the old size is stale, and 400 when old > size', async () => {
    const note = await checkpoint();
    const stale = await submit(`old 0\n\n${note}`);
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toBe('text/x.tlog.size');
    expect(stale.body).toBe(`${base}\n`);
    expect((await submit(`old ${base + 4}\n\n${note}`)).statusCode).toBe(400);
  });

  it('cosigns a grown log given a valid consistency proof, and refuses a bad one with 422', async () => {
    const estonia = await login(log.app, ESTONIA);
    await registerKey(log.app, estonia, 'witness-1');
    await drain(log);
    const note = await checkpoint();
    const size = Number(parseCheckpoint(bodyOf(note)).size);
    const proof = (
      await log.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/consistency?from=${base}&to=${size}`,
      })
    ).json<{ hashes: string[] }>().hashes;
    const flipped = proof.map((h, i) =>
      i === 0 ? bytesToBase64(Buffer.from(h, 'base64').map((b, j) => (j === 0 ? b ^ 1 : b))) : h,
    );
    expect(size).toBe(base + 1);
    expect(proof.length).toBeGreaterThan(0);
    expect((await submit(request(base, flipped, note))).statusCode).toBe(422);
    expect((await submit(request(base, proof.slice(1), note))).statusCode).toBe(422);
    const ok = await submit(request(base, proof, note));
    expect(ok.statusCode).toBe(200);
  });

  it('answers 404 for a log it does not follow and 403 when no trusted signature verifies', async () => {
    const other = generateSignerKey('elsewhere.test/log', seed('x'));
    const { parseSignerKey } = await import('@concord/ledger');
    const root = new Uint8Array(32);
    const unknown = signCheckpoint({ origin: 'elsewhere.test/log', size: 1n, root }, [
      parseSignerKey(other.signerKey),
    ]);
    expect((await submit(`old 0\n\n${unknown}`)).statusCode).toBe(404);
    const impostor = generateSignerKey(log.deps.log.origin, seed('impostor'));
    const forged = signCheckpoint({ origin: log.deps.log.origin, size: BigInt(base + 99), root }, [
      parseSignerKey(impostor.signerKey),
    ]);
    expect((await submit(`old ${base + 1}\n\n${forged}`)).statusCode).toBe(403);
    expect((await submit('garbage')).statusCode).toBe(400);
  });

  it('lets exactly one of two racing submissions from the same old size through (compare-and-swap)', async () => {
    const estonia = await login(log.app, ESTONIA);
    await registerKey(log.app, estonia, 'witness-2');
    await drain(log);
    const note = await checkpoint();
    const size = Number(parseCheckpoint(bodyOf(note)).size);
    const proof = (
      await log.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/consistency?from=${base + 1}&to=${size}`,
      })
    ).json<{ hashes: string[] }>().hashes;
    expect(size).toBe(base + 2);
    const body = request(base + 1, proof, note);
    const codes = (await Promise.all([submit(body), submit(body), submit(body)]))
      .map((r) => r.statusCode)
      .sort();
    expect(codes).toEqual([200, 409, 409]);
  });

  it('publishes cosignatures from peer witnesses beside the checkpoint', async () => {
    await witness.app.listen({ port: 0, host: '127.0.0.1' });
    const address = witness.app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const estonia = await login(log.app, ESTONIA);
    await registerKey(log.app, estonia, 'witness-3');
    await drain(log);
    log.deps.config.witnessPeers = [
      {
        url: `http://127.0.0.1:${port}/ledger/witness`,
        verifierKey: witness.deps.log.cosigner.verifierKey,
      },
    ];
    await new WitnessClient(log.deps, null).submitLatest();
    const note = await checkpoint();
    const verifier = parseCosignerKey(witness.deps.log.cosigner.verifierKey)!;
    expect(verifiedCosignatures(note, bodyOf(note), verifier)).toHaveLength(1);
  });
});
