/**
 * `concord ledger verify`: a full audit of a node's log over C2SP tlog-tiles. Every tile the
 * signed checkpoint implies is downloaded and recomputed from the entries up to the root, and
 * the checkpoint recorded in the state file must be the root of a prefix of these same leaves.
 */
import { bytesEqual, bytesToBase64, formatTilePath, tilesForSize } from '@concord/ledger';
import { useNodeCrypto } from '@concord/ledger/node';
import { CliError } from '../errors';
import { fetchInOrder } from './fetch-in-order';
import { LedgerHttp } from './http';
import { startProgress } from './progress';
import { LedgerState } from './state';
import { countTiles, describeRootMismatch, TileAudit } from './tile-audit';
import {
  assertNotShrunk,
  fetchCheckpoint,
  recordVerified,
  type KeySource,
  type TrustedKey,
} from './trust';

export const DEFAULT_CONCURRENCY = 8;
/** A hash tile is at most 256 · 32 bytes; an entry bundle at most 256 · (2 + 65535). */
const MAX_TILE_BYTES = 256 * 32;
const MAX_BUNDLE_BYTES = 256 * (2 + 0xffff);

export interface VerifyOptions {
  base: URL;
  vkey: TrustedKey | undefined;
  stateFile: string;
  progress: boolean;
}

const KEY_SOURCES: Record<KeySource, string> = {
  flag: 'given with --vkey',
  pinned: 'pinned',
  'first-use': 'trusted on first use, now pinned',
};

const mb = (bytes: number) => (bytes / 1e6).toFixed(bytes < 1e5 ? 3 : 1);

export async function verifyLedger(options: VerifyOptions): Promise<void> {
  useNodeCrypto();
  const started = performance.now();
  const state = LedgerState.load(options.stateFile);
  const http = new LedgerHttp(options.base);
  const { checkpoint, key, recorded } = await fetchCheckpoint(http, state, options.vkey);
  if (recorded) assertNotShrunk(checkpoint, recorded, state.file);

  const audit = new TileAudit(checkpoint.size, recorded ? recorded.size : null);
  const progress = startProgress('verifying', countTiles(checkpoint.size), options.progress);
  try {
    const tiles = fetchInOrder(
      tilesForSize(checkpoint.size),
      (tile, signal) =>
        http.bytes(
          `ledger/${formatTilePath(tile)}`,
          tile.kind === 'entries' ? MAX_BUNDLE_BYTES : MAX_TILE_BYTES,
          signal,
        ),
      DEFAULT_CONCURRENCY,
    );
    for await (const [tile, body] of tiles) {
      audit.accept(tile, body);
      progress.tick({ mb: mb(http.downloaded) });
    }
  } finally {
    progress.stop();
  }

  const { root, prefixRoot } = audit.finish();
  if (!bytesEqual(root, checkpoint.root))
    throw new CliError(describeRootMismatch(root, checkpoint.root));
  let consistency = 'first checkpoint recorded for this log';
  if (recorded && prefixRoot) {
    if (!bytesEqual(prefixRoot, recorded.root)) {
      throw new CliError(
        `the log is inconsistent with the checkpoint recorded in ${state.file}: its first ${recorded.size} entries hash to ${bytesToBase64(prefixRoot)}, not to the recorded ${bytesToBase64(recorded.root)}`,
      );
    }
    consistency =
      recorded.size === checkpoint.size
        ? `same as the recorded checkpoint (size ${recorded.size})`
        : `extends the recorded checkpoint of size ${recorded.size}`;
  }

  const seconds = (performance.now() - started) / 1000;
  recordVerified(state, checkpoint, key, recorded, options.base);
  const rows: [string, string][] = [
    ['origin', checkpoint.origin],
    ['size', checkpoint.size.toString()],
    ['root', bytesToBase64(checkpoint.root)],
    ['key', `${key.text} (${KEY_SOURCES[key.source]})`],
    ['entries', `${audit.entriesVerified} verified (${countTiles(checkpoint.size)} tiles)`],
    [
      'time',
      `${seconds.toFixed(2)} s, ${mb(http.downloaded)} MB at ${mb(http.downloaded / seconds)} MB/s`,
    ],
    ['consistency', consistency],
    ['state', state.file],
  ];
  process.stdout.write(
    `Ledger verified.\n${rows.map(([k, v]) => `  ${`${k}:`.padEnd(13)} ${v}`).join('\n')}\n`,
  );
}
