import { Type } from 'typebox';
import { bytesToBase64 } from '@concord/ledger';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { Nullable, responses, Timestamp, Uuid } from '../../http/schemas';
import { DomainError, invalid, notFound } from '../../errors';
import {
  checkpointAt,
  latestCheckpoint,
  queueLength,
  readEntry,
  readState,
  recentEntries,
  type EntryRow,
} from './store';
import { consistencyProof, inclusionProof, nodeCacheOf } from './proofs';
import { publishStatement } from './publish';
import { ctxOf } from '../../http/context';

const Base64 = Type.String({ contentEncoding: 'base64' });

const EntrySummary = Type.Object({
  index: Type.Integer(),
  kind: Type.Enum(['statement', 'commitment']),
  payloadType: Type.String(),
  participantId: Nullable(Uuid),
  keyId: Nullable(Type.String()),
  subjectType: Nullable(Type.String()),
  subjectId: Nullable(Type.String()),
  leafHash: Base64,
  loggedAt: Timestamp,
});

const LedgerHead = Type.Object({
  origin: Type.String(),
  verifierKey: Type.String(),
  size: Type.Integer(),
  root: Base64,
  checkpoint: Type.String({
    description: 'The signed checkpoint note, with any witness cosignatures',
  }),
  cosignatures: Type.Array(Type.String()),
  updatedAt: Timestamp,
  pending: Type.Integer({ description: 'Submissions committed but not yet in the log' }),
});

const summarise = (e: EntryRow) => ({
  index: e.idx,
  kind: e.kind as 'statement' | 'commitment',
  payloadType: e.payloadType,
  participantId: e.participantId,
  keyId: e.keyId,
  subjectType: e.subjectType,
  subjectId: e.subjectId,
  leafHash: bytesToBase64(e.leafHash),
  loggedAt: e.loggedAt.toISOString(),
});

function decodeRecord(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data)) as unknown;
  } catch {
    return null;
  }
}

export function ledgerApiRoutes(app: App, deps: Deps): void {
  const tags = ['Ledger'];
  const cacheBytes = deps.config.ledgerNodeCacheMb * 1024 * 1024;
  const proofCache = () => (cacheBytes > 0 ? nodeCacheOf(deps.database.db, cacheBytes) : null);
  app.get('/ledger', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'The log head: size, root, signed checkpoint, verifier key',
      response: responses({ 200: LedgerHead }),
    },
    handler: async () => {
      const [state, cp, pending] = [
        await readState(deps.database.db),
        await latestCheckpoint(deps.database.db),
        await queueLength(deps.database.db),
      ];
      if (!state || !cp) throw notFound('Ledger');
      return {
        pending,
        origin: state.origin,
        verifierKey: state.verifierKey,
        size: cp.size,
        root: bytesToBase64(cp.root),
        checkpoint: cp.note + cp.cosignatures,
        cosignatures: cp.cosignatures.split('\n').filter(Boolean),
        updatedAt: cp.createdAt.toISOString(),
      };
    },
  });

  app.get('/ledger/entries', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'Recent entries, newest first',
      querystring: Type.Object({
        before: Type.Optional(Type.Integer({ minimum: 0 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
      }),
      response: responses({
        200: Type.Object({ items: Type.Array(EntrySummary), nextBefore: Nullable(Type.Integer()) }),
      }),
    },
    handler: async (req) => {
      const limit = req.query.limit ?? 50;
      const rows = await recentEntries(deps.database.db, req.query.before ?? null, limit + 1);
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return {
        items: page.map(summarise),
        nextBefore: rows.length > limit && last ? last.idx : null,
      };
    },
  });

  app.get('/ledger/entries/:index', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'One entry, its statement and its inclusion proof against the latest checkpoint',
      params: Type.Object({ index: Type.Integer({ minimum: 0 }) }),
      response: responses({
        200: Type.Intersect([
          EntrySummary,
          Type.Object({
            data: Base64,
            record: Type.Unknown({ description: 'The leaf data parsed as JSON' }),
            proof: Type.Object({
              treeSize: Type.Integer(),
              root: Base64,
              hashes: Type.Array(Base64),
            }),
            checkpoint: Type.String(),
          }),
        ]),
      }),
    },
    handler: async (req) => {
      const db = deps.database.db;
      const entry = await readEntry(db, req.params.index);
      const cp = await latestCheckpoint(db);
      if (!entry || !cp || entry.idx >= cp.size) throw notFound('Entry');
      const hashes = await inclusionProof(db, entry.idx, cp.size, proofCache());
      return {
        ...summarise(entry),
        data: bytesToBase64(entry.data),
        record: decodeRecord(entry.data),
        proof: {
          treeSize: cp.size,
          root: bytesToBase64(cp.root),
          hashes: hashes.map(bytesToBase64),
        },
        checkpoint: cp.note + cp.cosignatures,
      };
    },
  });

  app.get('/ledger/consistency', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'A consistency proof between two checkpointed sizes (RFC 9162 §2.1.4)',
      querystring: Type.Object({
        from: Type.Integer({ minimum: 0 }),
        to: Type.Integer({ minimum: 0 }),
      }),
      response: responses({
        200: Type.Object({
          from: Type.Integer(),
          to: Type.Integer(),
          fromRoot: Base64,
          toRoot: Base64,
          hashes: Type.Array(Base64),
        }),
      }),
    },
    handler: async (req) => {
      const { from, to } = req.query;
      if (from > to) throw invalid('from', 'must not exceed to');
      const db = deps.database.db;
      const [a, b] = [await checkpointAt(db, from), await checkpointAt(db, to)];
      if (!a) throw new DomainError('NOT_FOUND', `No checkpoint of size ${from}`);
      if (!b) throw new DomainError('NOT_FOUND', `No checkpoint of size ${to}`);
      const hashes = await consistencyProof(db, from, to, proofCache());
      return {
        from,
        to,
        fromRoot: bytesToBase64(a.root),
        toRoot: bytesToBase64(b.root),
        hashes: hashes.map(bytesToBase64),
      };
    },
  });

  app.get('/ledger/vkey', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: "The node's note verifier key",
      response: responses({
        200: Type.Object({ verifierKey: Type.String(), origin: Type.String() }),
      }),
    },
    handler: () => ({ verifierKey: deps.log.verifierKey, origin: deps.log.origin }),
  });

  app.post('/ledger/statements', {
    schema: {
      tags,
      summary:
        'Publish a statement your participant signed (a DSSE envelope with one of its registered Ed25519 keys)',
      body: Type.Object(
        {
          envelope: Type.Object(
            {
              payloadType: Type.String({ maxLength: 200 }),
              payload: Type.String({
                maxLength: 60_000,
                description: 'base64 of the RFC 8785 canonical JSON statement',
              }),
              signatures: Type.Array(Type.Object({ keyid: Type.String(), sig: Type.String() }), {
                minItems: 1,
                maxItems: 16,
              }),
            },
            { additionalProperties: false },
          ),
        },
        { additionalProperties: false },
      ),
      response: responses({
        201: Type.Object({
          index: Nullable(Type.Integer()),
          queued: Type.Boolean(),
          payloadType: Type.String(),
          keyId: Type.String(),
        }),
      }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await publishStatement(deps, ctxOf(req), req.body.envelope)),
  });
}
