/**
 * The intel module's operations, shared by the TAXII 2.1 surface (taxii/) and the REST API.
 * Every read goes through the collection policy and the TLP predicate of store.ts.
 */
import type { Deps } from '../../deps';
import type { Actor, RequestContext, UserActor } from '../../auth/actor';
import { authorize, can } from '../../auth/policy';
import { DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit/service';
import { collectionPolicy, mayDeleteAnyVersion, viewerOf } from './access';
import { addParsed, envelopeElements, type AddResult } from './ingest';
import { wakeIntelJobs } from './jobs';
import { JsonStreamError } from './json-stream';
import type { Audience } from './prepare';
import {
  communityReaders,
  deleteObject,
  listCollections,
  pageObjects,
  type CollectionRow,
  type Cursor,
  type ObjectFilters,
  type ObjectRow,
  type Viewer,
} from './store';
import { findStatus, insertStatus, type StatusRow } from './status-store';
import type { TlpLevel } from '@concord/stix';

export type IntelErrorCode =
  'INTEL_BAD_ENVELOPE' | 'INTEL_BAD_CURSOR' | 'INTEL_BAD_FILTER' | 'INTEL_TOO_LARGE';

export class IntelError extends DomainError<IntelErrorCode> {}

/** Unmarked objects: TLP 2.0 gives no meaning to "unmarked"; Concord treats them as AMBER. */
export const DEFAULT_TLP: TlpLevel = 'amber';

const userOf = (actor: Actor): UserActor | null => (actor.kind === 'user' ? actor : null);

export const viewerFor = (actor: Actor): Viewer | null => {
  const u = userOf(actor);
  return u === null ? null : viewerOf(u);
};

/** Collections the caller may read or write; others are not listed. */
export async function visibleCollections(deps: Deps, actor: Actor): Promise<CollectionRow[]> {
  const u = userOf(actor);
  const rows = await listCollections(deps.database.db, u?.participantId ?? null);
  return rows.filter((c) => actor.kind === 'system' || c.canRead || c.canWrite);
}

/** One collection the caller may read or write, else not found (no existence leak). */
export async function collectionFor(deps: Deps, actor: Actor, id: string): Promise<CollectionRow> {
  if (!UUID.test(id)) throw notFound('Collection');
  const u = userOf(actor);
  const [row] = await listCollections(deps.database.db, u?.participantId ?? null, id);
  if (!row || !(actor.kind === 'system' || row.canRead || row.canWrite)) {
    throw notFound('Collection');
  }
  return row;
}

/**
 * A collection by id with the caller's rights, whatever they are: the secretariat creates
 * collections in communities it does not belong to and must be answered with what it made.
 */
export async function collectionById(deps: Deps, actor: Actor, id: string): Promise<CollectionRow> {
  const u = userOf(actor);
  const [row] = UUID.test(id)
    ? await listCollections(deps.database.db, u?.participantId ?? null, id)
    : [];
  if (!row) throw notFound('Collection');
  return row;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface Page {
  rows: ObjectRow[];
  more: boolean;
  next: string | null;
}

export function encodeCursor(c: Cursor): string {
  return Buffer.from(`${c.micros}:${c.seq}`, 'utf8').toString('base64url');
}

export function decodeCursor(next: string): Cursor {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(next)
    ? Buffer.from(next, 'base64url').toString('utf8')
    : '';
  const m = /^(-?\d{1,17}):(\d{1,17})$/.exec(text);
  if (!m) throw new IntelError('INTEL_BAD_CURSOR', "'next' is not a value this server gave");
  return { micros: Number(m[1]), seq: Number(m[2]) };
}

/** One page of a readable collection's objects (or manifest), TLP-filtered. */
export async function readPage(
  deps: Deps,
  actor: Actor,
  collection: CollectionRow,
  filters: ObjectFilters,
  next: string | null,
  limit: number,
  columns: 'full' | 'manifest' = 'full',
): Promise<Page> {
  authorize(collectionPolicy, actor, 'read', collection);
  const after = next === null ? null : decodeCursor(next);
  const rows = await pageObjects(
    deps.database.db,
    [collection.id],
    viewerFor(actor),
    filters,
    after,
    limit,
    columns,
  );
  const more = rows.length > limit;
  if (more) rows.length = limit;
  const last = rows[rows.length - 1];
  return { rows, more, next: more && last ? encodeCursor(last) : null };
}

/** The audience given to objects a caller shares into a collection. */
export async function audienceFor(
  deps: Deps,
  actor: Actor,
  collection: CollectionRow,
  overrides: Partial<Audience> = {},
): Promise<Audience> {
  const u = userOf(actor);
  const readers =
    overrides.recipientParticipantIds ??
    (await communityReaders(deps.database.db, collection.communityId));
  const red = new Set(overrides.recipientUserIds ?? []);
  if (u) red.add(u.userId);
  return {
    defaultTlp: overrides.defaultTlp ?? DEFAULT_TLP,
    recipientParticipantIds: readers,
    namedParticipantIds: overrides.namedParticipantIds ?? [],
    recipientUserIds: [...red],
  };
}

export interface AddEnvelopeOptions {
  /** Envelopes with more objects than this are stored and processed in the background. */
  asyncAbove: number;
  audience?: Partial<Audience>;
}

/**
 * TAXII 2.1 §5.4 Add Objects: parses the envelope, stores the valid objects and the status
 * resource in one transaction (or, for a large envelope, queues it and answers 'pending').
 */
export async function addEnvelope(
  deps: Deps,
  ctx: RequestContext,
  collection: CollectionRow,
  body: Uint8Array,
  options: AddEnvelopeOptions,
): Promise<StatusRow> {
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  const u = userOf(ctx.actor);
  if (!u) throw new DomainError('FORBIDDEN', 'Only a participant’s user shares objects');
  let parsed: { fields: Record<string, unknown>; values: unknown[] };
  try {
    parsed = envelopeElements(body);
  } catch (err) {
    if (err instanceof JsonStreamError) {
      throw new IntelError('INTEL_BAD_ENVELOPE', `The envelope is not valid: ${err.message}`, {
        extra: { offset: err.offset },
      });
    }
    throw err;
  }
  if (!Object.hasOwn(parsed.fields, 'objects') && parsed.values.length === 0) {
    // splitObjects yields nothing for a missing "objects"; an empty list is allowed.
    if (!bodyHasObjectsMember(body)) {
      throw new IntelError('INTEL_BAD_ENVELOPE', "The envelope has no 'objects' list");
    }
  }
  const audience = await audienceFor(deps, ctx.actor, collection, options.audience);
  const id = deps.random.uuid();
  const now = deps.clock.now().toISOString();
  const base = {
    id,
    collectionId: collection.id,
    participantId: u.participantId,
    userId: u.userId,
    requestTimestamp: now,
    totalCount: parsed.values.length,
  };
  if (parsed.values.length > options.asyncAbove) {
    const pendings = parsed.values.map((v) => pendingDetail(v));
    const row: StatusRow = {
      ...base,
      status: 'pending',
      successCount: 0,
      failureCount: 0,
      pendingCount: pendings.length,
      successes: [],
      failures: [],
      pendings,
    };
    await deps.database.transaction(async (tx) => {
      await insertStatus(tx, { ...row, body, options: { audience } });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'intel.objects.add',
        subjectType: 'intel_collection',
        subjectId: collection.id,
        subjectParticipantId: u.participantId,
        details: { statusId: id, total: row.totalCount, pending: true },
      });
    });
    wakeIntelJobs();
    return row;
  }
  const stored = await deps.database.transaction(async (tx) => {
    const r: AddResult = await addParsed(
      tx,
      { collectionId: collection.id, participantId: u.participantId, userId: u.userId },
      audience,
      parsed.values,
    );
    const row: StatusRow = {
      ...base,
      status: 'complete',
      successCount: r.successes.length,
      failureCount: r.failures.length,
      pendingCount: 0,
      successes: r.successes,
      failures: r.failures,
      pendings: [],
    };
    await insertStatus(tx, { ...row, body: null, options: {} });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'intel.objects.add',
      subjectType: 'intel_collection',
      subjectId: collection.id,
      subjectParticipantId: u.participantId,
      details: {
        statusId: id,
        total: row.totalCount,
        stored: r.stored,
        failures: r.failures.length,
      },
    });
    return row;
  });
  wakeIntelJobs(); // index the new versions for search
  return stored;
}

function bodyHasObjectsMember(body: Uint8Array): boolean {
  // Only reached for an envelope without elements: small enough to parse whole.
  try {
    const v = JSON.parse(Buffer.from(body).toString('utf8')) as unknown;
    return v !== null && typeof v === 'object' && Object.hasOwn(v, 'objects');
  } catch {
    return false;
  }
}

function pendingDetail(v: unknown): { id: string; version?: string } {
  if (v === null || typeof v !== 'object') return { id: '' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : '';
  const version =
    typeof o.modified === 'string' ? o.modified : typeof o.created === 'string' ? o.created : null;
  return version === null ? { id } : { id, version };
}

/** A status resource, for the organisation that posted it only. */
export async function statusFor(deps: Deps, actor: Actor, id: string): Promise<StatusRow> {
  if (!UUID.test(id)) throw notFound('Status');
  const row = await findStatus(deps.database.db, id);
  const u = userOf(actor);
  if (!row || (actor.kind !== 'system' && (!u || u.participantId !== row.participantId))) {
    throw notFound('Status');
  }
  return row;
}

/**
 * TAXII 2.1 §5.7 Delete an Object: the versions matching the filter that the caller may see
 * and — unless they administer the node — that their organisation shared.
 */
export async function deleteVersions(
  deps: Deps,
  ctx: RequestContext,
  collection: CollectionRow,
  stixId: string,
  filters: ObjectFilters,
): Promise<number> {
  authorize(collectionPolicy, ctx.actor, 'delete', collection);
  const u = userOf(ctx.actor);
  const onlyOrigin = mayDeleteAnyVersion(ctx.actor) || !u ? null : u.participantId;
  const n = await deps.database.transaction(async (tx) => {
    const deleted = await deleteObject(
      tx,
      collection.id,
      viewerFor(ctx.actor),
      stixId,
      filters,
      onlyOrigin,
    );
    if (deleted > 0) {
      await recordAudit(tx, deps.clock, ctx, {
        action: 'intel.objects.delete',
        subjectType: 'intel_object',
        subjectId: stixId,
        subjectParticipantId: u?.participantId ?? null,
        details: { collectionId: collection.id, versions: deleted },
      });
    }
    return deleted;
  });
  if (n === 0) throw notFound('Object');
  return n;
}

export const canWrite = (actor: Actor, c: CollectionRow): boolean =>
  can(collectionPolicy, actor, 'write', c);
export const canRead = (actor: Actor, c: CollectionRow): boolean =>
  can(collectionPolicy, actor, 'read', c);
