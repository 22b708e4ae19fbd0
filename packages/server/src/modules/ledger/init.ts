import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { emptyRoot, generateSignerKey } from '@concord/ledger';
import type { Deps } from '../../deps';
import { ConfigError } from '../../config';
import { checkpointNote } from './crypto';
import { identityFromSignerKey, loadLogIdentity, type LogIdentity } from './identity';
import { SEQUENCER_LOCK_KEY } from './sequencer';
import { initState, insertCheckpoint, readState } from './store';

export const keyFingerprint = (raw: Uint8Array): string =>
  createHash('sha256').update(raw).digest('hex');

export const loadIdentity = (config: Parameters<typeof loadLogIdentity>[0]): LogIdentity =>
  loadLogIdentity(config, keyFingerprint);

/** A fixed identity for tests: deterministic key from a seed string. */
export function testIdentity(
  origin = 'concord.test/ledger',
  seed = 'concord-test-log-key',
): LogIdentity {
  const bytes = createHash('sha256').update(seed).digest();
  return identityFromSignerKey(
    origin,
    generateSignerKey(origin, new Uint8Array(bytes)).signerKey,
    keyFingerprint,
  );
}

/**
 * Creates the empty log (head and the signed checkpoint of size 0) on first start, and stops
 * a process whose key or origin is not the log's.
 */
export async function initLedger(deps: Deps): Promise<void> {
  await deps.database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEQUENCER_LOCK_KEY})`);
    const state = await readState(tx);
    if (state) {
      if (state.origin !== deps.log.origin) {
        throw new ConfigError(
          'CONCORD_LEDGER_ORIGIN',
          `is '${deps.log.origin}' but this log's origin is '${state.origin}'`,
        );
      }
      if (state.verifierKey !== deps.log.verifierKey) {
        throw new ConfigError(
          'CONCORD_LEDGER_SIGNER_KEY',
          `this process's key (${deps.log.verifierKey}) is not the log's (${state.verifierKey}); give every process the same key`,
        );
      }
      return;
    }
    const now = deps.clock.now();
    const root = emptyRoot();
    await initState(tx, {
      origin: deps.log.origin,
      verifierKey: deps.log.verifierKey,
      size: 0,
      root,
      updatedAt: now,
    });
    await insertCheckpoint(tx, {
      size: 0,
      root,
      note: checkpointNote(deps.log, 0, root),
      createdAt: now,
    });
  });
}
