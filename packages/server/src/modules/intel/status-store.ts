/** Storage of TAXII 2.1 status resources (§4.3.1), including envelopes waiting for the background job. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { isoText } from './store';

export interface StatusDetail {
  id: string;
  version?: string;
  message?: string;
}

export interface StatusRow {
  id: string;
  collectionId: string;
  participantId: string;
  userId: string | null;
  status: 'pending' | 'complete';
  requestTimestamp: string;
  totalCount: number;
  successCount: number;
  failureCount: number;
  pendingCount: number;
  successes: StatusDetail[];
  failures: StatusDetail[];
  pendings: StatusDetail[];
}

export async function insertStatus(
  db: Db,
  row: StatusRow & { body: Uint8Array | null; options: unknown },
): Promise<void> {
  await db.execute(sql`
    insert into intel_status (id, collection_id, participant_id, user_id, status,
                              request_timestamp, total_count, success_count, failure_count,
                              pending_count, successes, failures, pendings, body, options)
    values (${row.id}::uuid, ${row.collectionId}::uuid, ${row.participantId}::uuid,
            ${row.userId}::uuid, ${row.status}, ${row.requestTimestamp}::timestamptz,
            ${row.totalCount}, ${row.successCount}, ${row.failureCount}, ${row.pendingCount},
            ${JSON.stringify(row.successes)}::jsonb, ${JSON.stringify(row.failures)}::jsonb,
            ${JSON.stringify(row.pendings)}::jsonb,
            ${row.body === null ? null : Buffer.from(row.body.buffer, row.body.byteOffset, row.body.byteLength)}::bytea,
            ${JSON.stringify(row.options)}::jsonb)`);
}

export async function completeStatus(
  db: Db,
  id: string,
  result: Pick<StatusRow, 'successes' | 'failures' | 'totalCount'>,
): Promise<void> {
  await db.execute(sql`
    update intel_status
    set status = 'complete', total_count = ${result.totalCount},
        success_count = ${result.successes.length}, failure_count = ${result.failures.length},
        pending_count = 0, successes = ${JSON.stringify(result.successes)}::jsonb,
        failures = ${JSON.stringify(result.failures)}::jsonb, pendings = '[]'::jsonb,
        body = null, finished_at = clock_timestamp()
    where id = ${id}::uuid`);
}

export async function findStatus(db: Db, id: string): Promise<StatusRow | null> {
  const res = await db.execute(sql`
    select id, collection_id as "collectionId", participant_id as "participantId",
           user_id as "userId", status, ${isoText(sql`request_timestamp`)} as "requestTimestamp",
           total_count as "totalCount", success_count as "successCount",
           failure_count as "failureCount", pending_count as "pendingCount",
           successes, failures, pendings
    from intel_status where id = ${id}::uuid`);
  return (res as { rows: StatusRow[] }).rows[0] ?? null;
}

/** Claims one pending background POST (SKIP LOCKED: one process per status). */
export async function claimPendingStatus(
  db: Db,
  staleBefore: Date,
): Promise<{
  id: string;
  collectionId: string;
  participantId: string;
  userId: string | null;
  body: Uint8Array;
  options: unknown;
} | null> {
  const res = await db.execute(sql`
    update intel_status set claimed_at = clock_timestamp()
    where id = (select id from intel_status
                where status = 'pending' and body is not null
                  and (claimed_at is null or claimed_at < ${staleBefore.toISOString()}::timestamptz)
                order by request_timestamp limit 1 for update skip locked)
    returning id, collection_id as "collectionId", participant_id as "participantId",
              user_id as "userId", body, options`);
  const row = (
    res as {
      rows: {
        id: string;
        collectionId: string;
        participantId: string;
        userId: string | null;
        body: Uint8Array;
        options: unknown;
      }[];
    }
  ).rows[0];
  return row ?? null;
}
