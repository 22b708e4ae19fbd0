/**
 * Operator imports at the console (`concord intel import`): a bundle of any size streamed into
 * a collection on behalf of a user, in batches, with progress.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../../deps';
import type { TlpLevel } from '@concord/stix';
import { recordAudit } from '../audit/service';
import { systemContext } from '../../auth/actor';
import { DomainError } from '../../errors';
import { findUserByEmail, type UserWithParticipant } from '../users/store';
import { IMPORT_WORKER_MIN_BYTES, importStream, type StreamProgress } from './ingest';
import { drainSearchIndex, pendingSearchCount } from './search-index';
import { communityReaders } from './store';
import { type StatusDetail } from './status-store';

export interface ConsoleImport {
  /** Collection alias or id. */
  collection: string;
  /** The user the objects are shared by; default: the secretariat's first administrator. */
  asEmail?: string | undefined;
  tlp: TlpLevel;
  batchSize?: number | undefined;
  /** The bundle's size in bytes, when known: large or unknown sizes are read on a worker. */
  sizeBytes?: number | undefined;
  onProgress?: (p: StreamProgress) => void;
  /** Index the full-text search of what waits to be indexed afterwards (default true). */
  index?: boolean | undefined;
  /** Called once before indexing, with how many versions wait. */
  onIndexStart?: (pending: number) => void;
  onIndexProgress?: (indexed: number) => void;
}

async function sharerUser(deps: Deps, email: string | undefined): Promise<UserWithParticipant> {
  const db = deps.database.db;
  if (email) {
    const u = await findUserByEmail(db, email.trim().toLowerCase());
    if (!u || u.status !== 'active') throw new DomainError('NOT_FOUND', `No active user ${email}`);
    return u;
  }
  const res = await db.execute(sql`
    select u.email from users u join participants p on p.id = u.participant_id
    where p.kind = 'secretariat' and u.status = 'active' and 'admin' = any(u.roles)
    order by u.created_at limit 1`);
  const row = (res as { rows: { email: string }[] }).rows[0];
  if (!row) throw new DomainError('NOT_FOUND', 'No secretariat administrator; give --as <email>');
  return (await findUserByEmail(db, row.email))!;
}

export async function importAtConsole(
  deps: Deps,
  source: AsyncIterable<Uint8Array | string>,
  options: ConsoleImport,
): Promise<{
  collectionId: string;
  total: number;
  stored: number;
  failures: StatusDetail[];
  /** Versions indexed for full-text search after the import (any process's, not only these). */
  indexed: number;
}> {
  const db = deps.database.db;
  const res = await db.execute(sql`
    select id, community_id as "communityId" from intel_collections
    where alias = ${options.collection}
       or (${/^[0-9a-f-]{36}$/i.test(options.collection)} and id::text = ${options.collection.toLowerCase()})`);
  const collection = (res as { rows: { id: string; communityId: string }[] }).rows[0];
  if (!collection) throw new DomainError('NOT_FOUND', `No collection '${options.collection}'`);
  const user = await sharerUser(deps, options.asEmail);
  const audience = {
    defaultTlp: options.tlp,
    recipientParticipantIds: await communityReaders(db, collection.communityId),
    namedParticipantIds: [],
    recipientUserIds: [user.id],
  };
  const r = await importStream(
    deps.database,
    { collectionId: collection.id, participantId: user.participantId, userId: user.id },
    audience,
    source,
    {
      ...(options.batchSize ? { batchSize: options.batchSize } : {}),
      worker: options.sizeBytes === undefined || options.sizeBytes >= IMPORT_WORKER_MIN_BYTES,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    },
  );
  await deps.database.transaction((tx) =>
    recordAudit(tx, deps.clock, systemContext('cli', 'cli'), {
      action: 'intel.import',
      subjectType: 'intel_collection',
      subjectId: collection.id,
      subjectParticipantId: user.participantId,
      details: { as: user.email, total: r.total, stored: r.stored, failures: r.failures.length },
    }),
  );
  // The server indexes in the background; the console may be the only process running (an
  // embedded database is locked to one), so it finishes the job itself unless told not to.
  let indexed = 0;
  if (options.index !== false) {
    options.onIndexStart?.(await pendingSearchCount(deps.database.db));
    indexed = await drainSearchIndex(deps.database, options.onIndexProgress);
  }
  return {
    collectionId: collection.id,
    total: r.total,
    stored: r.stored,
    failures: r.failures,
    indexed,
  };
}
