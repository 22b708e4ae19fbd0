/**
 * This node as a witness (C2SP tlog-witness): it cosigns checkpoints of the logs it is
 * configured to follow, after checking each is consistent with the last one it cosigned.
 * The check and the update are one compare-and-swap under a row lock.
 */
import { eq, sql } from 'drizzle-orm';
import {
  base64ToBytes,
  bytesEqual,
  openCheckpoint,
  parseVerifierKey,
  verifyConsistency,
  type Checkpoint,
} from '@concord/ledger';
import type { Deps } from '../../deps';
import { witnessedLogs } from '../../db/schema';
import { ConfigError } from '../../config';

export interface WitnessResponse {
  status: 200 | 400 | 403 | 404 | 409 | 422;
  contentType: string;
  body: string;
}

const text = (status: WitnessResponse['status'], body: string): WitnessResponse => ({
  status,
  contentType: 'text/plain; charset=utf-8',
  body: body.endsWith('\n') ? body : body + '\n',
});

const MAX_PROOF_LINES = 63;

/** Registers the logs this node witnesses (verifier keys; the key name is the log origin). */
export async function configureWitnessedLogs(deps: Deps, verifierKeys: string[]): Promise<void> {
  for (const vkey of verifierKeys) {
    let verifier: ReturnType<typeof parseVerifierKey>;
    try {
      verifier = parseVerifierKey(vkey);
    } catch (err) {
      throw new ConfigError(
        'CONCORD_WITNESSED_LOGS',
        `'${vkey}' is not a verifier key (${(err as Error).message})`,
      );
    }
    await deps.database.db
      .insert(witnessedLogs)
      .values({
        origin: verifier.name,
        verifierKey: vkey,
        size: 0,
        root: null,
        updatedAt: deps.clock.now(),
      })
      .onConflictDoUpdate({ target: witnessedLogs.origin, set: { verifierKey: vkey } });
  }
}

/** POST <prefix>/add-checkpoint: old size line, proof lines, empty line, signed checkpoint. */
export async function addCheckpoint(deps: Deps, requestBody: string): Promise<WitnessResponse> {
  const blank = requestBody.indexOf('\n\n');
  if (blank < 0)
    return text(400, 'expected "old <size>", proof lines, an empty line and a checkpoint');
  const head = requestBody.slice(0, blank).split('\n');
  const note = requestBody.slice(blank + 2);
  const oldMatch = /^old (0|[1-9][0-9]{0,15})$/.exec(head[0] ?? '');
  if (!oldMatch) return text(400, 'the first line must be "old <size>"');
  const oldSize = Number(oldMatch[1]);
  const proofLines = head.slice(1);
  if (proofLines.length > MAX_PROOF_LINES) return text(400, 'too many consistency proof lines');
  let proof: Uint8Array[];
  try {
    proof = proofLines.map((l) => {
      const h = base64ToBytes(l);
      if (h.length !== 32) throw new Error('not a hash');
      return h;
    });
  } catch {
    return text(400, 'consistency proof lines must be base64 SHA-256 hashes');
  }
  const origin = note.split('\n', 1)[0] ?? '';
  const [log] = await deps.database.db
    .select()
    .from(witnessedLogs)
    .where(eq(witnessedLogs.origin, origin))
    .limit(1);
  if (!log) return text(404, `this witness does not follow the log ${JSON.stringify(origin)}`);
  let checkpoint: Checkpoint;
  try {
    checkpoint = openCheckpoint(note, [parseVerifierKey(log.verifierKey)], origin).checkpoint;
  } catch (err) {
    const code = (err as { code?: string }).code;
    return code === 'MALFORMED_NOTE' || code === 'MALFORMED_CHECKPOINT'
      ? text(400, (err as Error).message)
      : text(403, 'no signature from the log’s key verifies');
  }
  const size = Number(checkpoint.size);
  if (!Number.isSafeInteger(size)) return text(400, 'tree size too large');
  if (oldSize > size) return text(400, 'old size is larger than the checkpoint size');
  const body = note.slice(0, note.indexOf('\n\n') + 1);

  return deps.database.transaction(async (tx): Promise<WitnessResponse> => {
    const [current] = await tx
      .select()
      .from(witnessedLogs)
      .where(eq(witnessedLogs.origin, origin))
      .for('update');
    if (!current) return text(404, 'unknown log');
    if (oldSize !== current.size) {
      return { status: 409, contentType: 'text/x.tlog.size', body: `${current.size}\n` };
    }
    if (oldSize === size) {
      if (current.root && !bytesEqual(current.root, checkpoint.root)) {
        return { status: 409, contentType: 'text/x.tlog.size', body: `${current.size}\n` };
      }
    } else if (oldSize === 0) {
      if (proof.length !== 0) return text(422, 'the proof must be empty when the old size is 0');
    } else {
      try {
        verifyConsistency(
          BigInt(oldSize),
          checkpoint.size,
          proof,
          current.root ?? new Uint8Array(32),
          checkpoint.root,
        );
      } catch {
        return text(422, 'the consistency proof does not verify');
      }
    }
    await tx
      .update(witnessedLogs)
      .set({ size, root: checkpoint.root, updatedAt: deps.clock.now() })
      .where(sql`${witnessedLogs.origin} = ${origin} and ${witnessedLogs.size} = ${oldSize}`);
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    return text(200, deps.log.cosigner.cosign(body, timestamp));
  });
}
