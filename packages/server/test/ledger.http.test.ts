import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  decodeEntryBundle,
  ed25519StatementSigner,
  leafHash,
  openCheckpoint,
  parseVerifierKey,
  rootFromLeafHashes,
  signStatement,
  entriesTilePath,
  tileHashes,
  tilePath,
  tilesForSize,
  TILE_WIDTH,
  verifyConsistency,
  verifyInclusion,
} from '@concord/ledger';
import { createHash } from 'node:crypto';
import {
  ADMIN,
  ESTONIA,
  KENYA,
  count,
  createTestApp,
  login,
  snapshot,
  type TestApp,
} from './support/app';
import { registerKey } from './support/app';
import { drainLedger } from './support/app';
import { dialectName } from './support/database';

import { recordParticipantStatement } from '../src/modules/ledger/service';
import { demoKeyPair } from '../src/demo/community';

const seedOf = (slug: string) =>
  new Uint8Array(createHash('sha256').update(`concord-demo-key:${slug}`).digest());

const KEY_EVENT = 'application/vnd.concord.key-event+json';

interface Head {
  size: number;
  pending: number;
  root: string;
  checkpoint: string;
  verifierKey: string;
  origin: string;
}

describe(`ledger (${dialectName})`, () => {
  let t: TestApp;
  const head = async (): Promise<Head> =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/ledger' })).json<Head>();
  const drain = () => drainLedger(t.deps);
  beforeAll(async () => {
    t = await createTestApp();
    await drain();
  });
  afterAll(() => t.close());

  it('logs the demo community’s key registrations (key transparency) under a verifiable checkpoint', async () => {
    const h = await head();
    // Settled: nothing waits in the queue, and the checkpoint covers every entry.
    expect(h.pending).toBe(0);
    expect(await count(t.deps, 'ledger_queue')).toBe(0);
    expect(await count(t.deps, 'ledger_entries')).toBe(h.size);
    // One key-event statement per demo participant key, among the catalogue's and the regime's.
    expect(await count(t.deps, 'ledger_entries', `payload_type = '${KEY_EVENT}'`)).toBe(5);
    expect(
      await count(
        t.deps,
        'ledger_entries',
        `payload_type = '${KEY_EVENT}' and kind = 'statement' and subject_type = 'participant_key' and participant_id is not null`,
      ),
    ).toBe(5);
    const note = await t.app.inject({ method: 'GET', url: '/ledger/checkpoint' });
    expect(note.headers['content-type']).toContain('text/plain');
    expect(note.body).toBe(h.checkpoint);
    const vkey = (await t.app.inject({ method: 'GET', url: '/ledger/vkey' })).body.trim();
    expect(vkey).toBe(h.verifierKey);
    const { checkpoint } = openCheckpoint(note.body, [parseVerifierKey(vkey)], h.origin);
    expect(checkpoint.size).toBe(BigInt(h.size));
    expect(Buffer.from(checkpoint.root).toString('base64')).toBe(h.root);
  });

  it('serves tlog-tiles whose hashes and entries recompute the checkpoint root', async () => {
    const { size, root } = await head();
    const get = (path: string) => t.app.inject({ method: 'GET', url: `/ledger/${path}` });
    // Every level-0 hash tile and its entry bundle, as C2SP tlog-tiles lays out a tree of `size`.
    const leaves: Uint8Array[] = [];
    const records: Record<string, unknown>[] = [];
    const level0 = [...tilesForSize(BigInt(size))].filter((tile) => tile.level === 0);
    expect(level0.length).toBe(2 * Math.ceil(size / TILE_WIDTH));
    for (const tile of level0.filter((x) => x.kind === 'hash')) {
      const res = await get(tilePath(0, tile.index, tile.width));
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      const hashes = tileHashes(new Uint8Array(res.rawPayload), tile.width);
      const bundle = await get(entriesTilePath(tile.index, tile.width));
      expect(bundle.statusCode).toBe(200);
      const entries = decodeEntryBundle(new Uint8Array(bundle.rawPayload), tile.width);
      expect(entries.map((e) => Buffer.from(leafHash(e)).toString('hex'))).toEqual(
        hashes.map((h) => Buffer.from(h).toString('hex')),
      );
      leaves.push(...hashes);
      for (const e of entries)
        records.push(JSON.parse(new TextDecoder().decode(e)) as Record<string, unknown>);
    }
    expect(leaves).toHaveLength(size);
    expect(Buffer.from(rootFromLeafHashes(leaves)).toString('base64')).toBe(root);
    const keyEvents = records.filter(
      (r) => (r as { envelope?: { payloadType?: string } }).envelope?.payloadType === KEY_EVENT,
    );
    expect(keyEvents).toHaveLength(5);
    for (const r of keyEvents) expect(r).toMatchObject({ kind: 'statement' });
    // Beyond the tree (the tile a log one entry longer would have, or a full tile not yet
    // complete), and non-canonical paths, are 404.
    const grown = [...tilesForSize(BigInt(size + 1))].filter(
      (x) => x.level === 0 && x.kind === 'hash',
    );
    const next = grown[grown.length - 1]!;
    expect((await get(tilePath(0, next.index, next.width))).statusCode).toBe(404);
    const incomplete = BigInt(Math.floor(size / TILE_WIDTH));
    expect((await get(tilePath(0, incomplete))).statusCode).toBe(404);
    expect((await get('tile/0/0')).statusCode).toBe(404);
  });

  it('gives each entry with an inclusion proof that verifies against the checkpoint', async () => {
    const h = await head();
    for (let i = 0; i < h.size; i++) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/ledger/entries/${i}` });
      const e = res.json<{
        leafHash: string;
        data: string;
        proof: { treeSize: number; root: string; hashes: string[] };
      }>();
      expect(Buffer.from(leafHash(base64ToBytes(e.data))).toString('base64')).toBe(e.leafHash);
      expect(() =>
        verifyInclusion(
          base64ToBytes(e.leafHash),
          BigInt(i),
          BigInt(e.proof.treeSize),
          e.proof.hashes.map(base64ToBytes),
          base64ToBytes(e.proof.root),
        ),
      ).not.toThrow();
    }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/ledger/entries/${h.size}` })).statusCode,
    ).toBe(404);
  });

  it('records rotations and revocations, and proves the log only grew', async () => {
    const before = await head();
    const estonia = await login(t.app, ESTONIA);
    const keys = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/participants/${estonia.participantId}/keys`,
        headers: { cookie: estonia.cookie },
      })
    ).json<{ items: { id: string }[] }>().items;
    const rotate = await t.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${estonia.participantId}/keys/${keys[0]!.id}/rotate`,
      headers: estonia.headers(),
      payload: {
        label: 'MFA 2027',
        publicKey: demoKeyPair('estonia-2027').publicKeyRaw.toString('base64'),
        reason: 'annual rotation',
      },
    });
    expect(rotate.statusCode).toBe(200);
    expect(rotate.json()).toMatchObject({
      previous: { status: 'revoked', revokedReason: 'annual rotation' },
      current: { status: 'active' },
    });
    await drain();
    const after = await head();
    expect(after.size).toBe(before.size + 1);
    const proof = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/ledger/consistency?from=${before.size}&to=${after.size}`,
      })
    ).json<{ hashes: string[] }>();
    expect(() =>
      verifyConsistency(
        BigInt(before.size),
        BigInt(after.size),
        proof.hashes.map(base64ToBytes),
        base64ToBytes(before.root),
        base64ToBytes(after.root),
      ),
    ).not.toThrow();
    const last = (
      await t.app.inject({ method: 'GET', url: '/api/v1/ledger/entries?limit=1' })
    ).json<{ items: { payloadType: string; subjectType: string }[] }>();
    expect(last.items[0]).toMatchObject({ subjectType: 'participant_key' });
  });

  it('accepts statements signed with an active participant key and refuses revoked, foreign and forged ones', async () => {
    const kenya = await login(t.app, KENYA);
    const signer = ed25519StatementSigner(seedOf('kenya'));
    const envelope = signStatement(
      'application/vnd.concord.test+json',
      { says: 'we commit to norm 13(f)' },
      signer,
    );
    const ok = await t.deps.database.transaction((tx) =>
      recordParticipantStatement(tx, t.deps, kenya.participantId, envelope),
    );
    expect(ok.payload).toEqual({ says: 'we commit to norm 13(f)' });
    await drain();

    const estonia = await login(t.app, ESTONIA);
    const foreign = t.deps.database.transaction((tx) =>
      recordParticipantStatement(tx, t.deps, estonia.participantId, envelope),
    );
    await expect(foreign).rejects.toMatchObject({ code: 'KEY_NOT_OF_PARTICIPANT' });
    const forged = {
      ...envelope,
      payload: Buffer.from('{"says":"something else"}').toString('base64'),
    };
    await expect(
      t.deps.database.transaction((tx) =>
        recordParticipantStatement(tx, t.deps, kenya.participantId, forged),
      ),
    ).rejects.toMatchObject({ code: 'BAD_SIGNATURE' });
    await expect(
      t.deps.database.transaction((tx) =>
        recordParticipantStatement(tx, t.deps, kenya.participantId, { nope: 1 }),
      ),
    ).rejects.toMatchObject({ code: 'MALFORMED_ENVELOPE' });

    // Revoke Kenya's key: the statement logged before stays; a new one is refused.
    const admin = await login(t.app, ADMIN);
    const keys = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/participants/${kenya.participantId}/keys`,
        headers: { cookie: admin.cookie },
      })
    ).json<{ items: { id: string }[] }>().items;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/participants/${kenya.participantId}/keys/${keys[0]!.id}/revoke`,
      headers: admin.headers(),
      payload: { reason: 'compromised' },
    });
    const before = await snapshot(t.deps);
    const late = signStatement(
      'application/vnd.concord.test+json',
      { says: 'after revocation' },
      signer,
    );
    await expect(
      t.deps.database.transaction((tx) =>
        recordParticipantStatement(tx, t.deps, kenya.participantId, late),
      ),
    ).rejects.toMatchObject({ code: 'KEY_REVOKED' });
    expect(await snapshot(t.deps)).toEqual(before);
    await drain();
    expect(
      await count(t.deps, 'ledger_entries', `payload_type = 'application/vnd.concord.test+json'`),
    ).toBe(1);
  });

  it('never forks: concurrent sequencers extend one log', async () => {
    const estonia = await login(t.app, ESTONIA);
    for (let i = 0; i < 6; i++) {
      await registerKey(t.app, estonia, `fork-${i}`);
    }
    await Promise.all([drain(), drain(), drain()]);
    const h = await head();
    expect(await count(t.deps, 'ledger_entries')).toBe(h.size);
    expect(await count(t.deps, 'ledger_queue')).toBe(0);
    expect(await count(t.deps, 'ledger_entries', `idx >= ${h.size}`)).toBe(0);
  });
});

describe(`publishing signed statements over HTTP (${dialectName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets a member publish a statement signed with its key, and refuses observers and bad envelopes', async () => {
    const kenya = await login(t.app, KENYA);
    const envelope = signStatement(
      'application/vnd.concord.test+json',
      { n: 1 },
      ed25519StatementSigner(seedOf('kenya')),
    );
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/statements',
      headers: kenya.headers(),
      payload: { envelope },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      queued: true,
      index: null,
      payloadType: 'application/vnd.concord.test+json',
    });
    expect(await count(t.deps, 'audit_events', `action = 'ledger.statement'`)).toBe(1);

    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/statements',
      headers: kenya.headers(),
      payload: { envelope: { ...envelope, payloadType: 'application/vnd.concord.other+json' } },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'BAD_SIGNATURE' });

    const observer = await login(t.app, 'observer@peacewatch.example');
    const before = await snapshot(t.deps);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ledger/statements',
      headers: observer.headers(),
      payload: { envelope },
    });
    expect(refused.json()).toMatchObject({ code: 'FORBIDDEN' });
    expect(await snapshot(t.deps)).toEqual(before);
  });
});
