/**
 * The log over HTTP for generic tooling (C2SP tlog-tiles): the signed checkpoint, hash tiles
 * and entry bundles, and the node's verifier key. Public: restricted records are only
 * commitments in the log.
 */
import {
  encodeEntryBundle,
  parseTilePath,
  TILE_HEIGHT,
  TILE_WIDTH,
  type TileRef,
} from '@concord/ledger';
import type { FastifyReply } from 'fastify';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { makeProblem, sendProblem } from '../../http/problem';
import { latestCheckpoint, readEntryRange, readNodeRange, readState } from './store';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** How many hashes exist at tile level `level` (tree level 8·level) in a tree of `size`. */
export const hashesAtTileLevel = (size: number, level: number): number =>
  Math.floor(size / 2 ** (TILE_HEIGHT * level));

export async function checkpointText(deps: Deps): Promise<string | null> {
  const cp = await latestCheckpoint(deps.database.db);
  return cp ? cp.note + cp.cosignatures : null;
}

export async function tileBody(deps: Deps, tile: TileRef): Promise<Uint8Array | null> {
  const state = await readState(deps.database.db);
  if (!state) return null;
  const start = Number(tile.index) * TILE_WIDTH;
  const end = start + tile.width;
  if (!Number.isSafeInteger(end) || hashesAtTileLevel(state.size, tile.level) < end) return null;
  if (tile.kind === 'entries') {
    const rows = await readEntryRange(deps.database.db, start, end);
    return encodeEntryBundle(rows.map((r) => r.data));
  }
  const hashes = await readNodeRange(deps.database.db, TILE_HEIGHT * tile.level, start, end);
  const body = new Uint8Array(hashes.length * 32);
  hashes.forEach((h, i) => body.set(h, i * 32));
  return body;
}

const notFound = (reply: FastifyReply, request: { id: string; url: string }, what: string) =>
  sendProblem(
    reply,
    makeProblem('NOT_FOUND', `${what} not found`, { requestId: String(request.id) }),
  );

export function ledgerTileRoutes(app: App, deps: Deps): void {
  const tags = ['Ledger (tlog-tiles)'];
  app.get('/ledger/checkpoint', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'The latest signed checkpoint (C2SP tlog-checkpoint signed note)',
      produces: ['text/plain'],
    },
    handler: async (request, reply) => {
      const text = await checkpointText(deps);
      if (text === null) return notFound(reply, request, 'Checkpoint');
      return reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(text);
    },
  });
  app.get('/ledger/vkey', {
    config: { auth: 'public' },
    schema: { tags, summary: "The node's note verifier key", produces: ['text/plain'] },
    handler: (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send(deps.log.verifierKey + '\n'),
  });
  app.get('/ledger/tile/*', {
    config: { auth: 'public' },
    schema: {
      tags,
      summary: 'A hash tile or entry bundle (C2SP tlog-tiles path encoding)',
      produces: ['application/octet-stream'],
    },
    handler: async (request, reply) => {
      const rest = (request.params as { '*': string })['*'];
      let tile: TileRef;
      try {
        tile = parseTilePath(`tile/${rest}`);
      } catch (err) {
        return sendProblem(
          reply,
          makeProblem('NOT_FOUND', (err as Error).message, { requestId: String(request.id) }),
        );
      }
      const body = await tileBody(deps, tile);
      if (!body) return notFound(reply, request, 'Tile');
      return reply
        .type('application/octet-stream')
        .header('cache-control', tile.width === TILE_WIDTH ? IMMUTABLE : 'no-cache')
        .send(Buffer.from(body.buffer, body.byteOffset, body.byteLength));
    },
  });
}
