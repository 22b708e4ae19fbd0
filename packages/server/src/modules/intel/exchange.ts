/**
 * Bundles in and out of a collection (import by upload or URL, filtered export) and sightings
 * reported by members (STIX 2.1 §5.2 Sighting).
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Deps } from '../../deps';
import type { Actor, RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, invalid } from '../../errors';
import { guardedLookup, ipLiteralOf, isPublicAddress } from '../../platform/address-guard';
import { recordAudit, type AuditEntry } from '../audit/service';
import type { TlpLevel } from '@concord/stix';
import { TLP2 } from '@concord/stix';
import { collectionPolicy } from './access';
import { assertVisible, scopeOf } from './browse';
import { addParsed, importStream } from './ingest';
import { wakeIntelJobs } from './jobs';
import { JsonStreamError } from './json-stream';
import { audienceFor, collectionFor, IntelError, viewerFor } from './service';
import { pageObjects, type CollectionRow, type ObjectFilters } from './store';
import { type StatusDetail } from './status-store';

export interface ImportResult {
  total: number;
  stored: number;
  failures: StatusDetail[];
}

export const userOf = (ctx: RequestContext) => {
  if (ctx.actor.kind !== 'user')
    throw new DomainError('FORBIDDEN', 'Only a participant’s user shares objects');
  return ctx.actor;
};

/** Imports a bundle given inline (already parsed by the HTTP layer), in one transaction. */
export async function importBundle(
  deps: Deps,
  ctx: RequestContext,
  collection: CollectionRow,
  bundle: Record<string, unknown>,
  tlp: TlpLevel | undefined,
  /** AMBER+STRICT: the organisations named as recipients. */
  named: readonly string[] = [],
): Promise<ImportResult> {
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  const u = userOf(ctx);
  if (bundle.type !== 'bundle' || !Array.isArray(bundle.objects)) {
    throw invalid('bundle', "must be a STIX bundle with an 'objects' list");
  }
  const audience = await audienceFor(deps, ctx.actor, collection, {
    ...(tlp ? { defaultTlp: tlp } : {}),
    namedParticipantIds: named,
  });
  const result = await deps.database.transaction(async (tx) => {
    const r = await addParsed(
      tx,
      { collectionId: collection.id, participantId: u.participantId, userId: u.userId },
      audience,
      bundle.objects as unknown[],
    );
    await recordAudit(tx, deps.clock, ctx, {
      action: 'intel.import',
      subjectType: 'intel_collection',
      subjectId: collection.id,
      subjectParticipantId: u.participantId,
      details: {
        total: (bundle.objects as unknown[]).length,
        stored: r.stored,
        failures: r.failures.length,
      },
    });
    return { total: (bundle.objects as unknown[]).length, stored: r.stored, failures: r.failures };
  });
  wakeIntelJobs(); // index the new versions for search
  return result;
}

/** GETs a URL as a byte stream: https (or loopback http when private targets are allowed), no redirects, SSRF guard. */
function fetchStream(deps: Deps, raw: string): Promise<IncomingMessage> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('url', 'is not a URL');
  }
  const allowPrivate = deps.config.webhookAllowPrivate;
  if (url.username || url.password) throw invalid('url', 'must not contain credentials');
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    throw invalid('url', 'must use https');
  }
  const literal = ipLiteralOf(url.hostname);
  if (
    !allowPrivate &&
    (literal !== null ? !isPublicAddress(literal) : url.hostname === 'localhost')
  ) {
    throw invalid('url', 'must not point to a private, loopback or reserved address');
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'GET',
      headers: {
        accept: 'application/stix+json, application/json',
        'user-agent': 'Concord-Import/1',
      },
      ...(allowPrivate ? {} : { lookup: guardedLookup }),
      agent: false,
      timeout: 30_000,
    });
    req.on('response', (res) => {
      if ((res.statusCode ?? 0) !== 200) {
        res.resume();
        reject(invalid('url', `answered HTTP ${res.statusCode ?? 0}`));
        return;
      }
      resolve(res);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (err) => reject(invalid('url', `could not be fetched: ${err.message}`)));
    req.end();
  });
}

/** Imports a bundle from a URL, streamed, in batches (see importStream). */
export async function importFromUrl(
  deps: Deps,
  ctx: RequestContext,
  collection: CollectionRow,
  url: string,
  tlp: TlpLevel | undefined,
  named: readonly string[] = [],
): Promise<ImportResult> {
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  const u = userOf(ctx);
  const audience = await audienceFor(deps, ctx.actor, collection, {
    ...(tlp ? { defaultTlp: tlp } : {}),
    namedParticipantIds: named,
  });
  const res = await fetchStream(deps, url);
  try {
    const r = await importStream(
      deps.database,
      { collectionId: collection.id, participantId: u.participantId, userId: u.userId },
      audience,
      res,
      { maxTotalBytes: deps.config.taxiiMaxContentBytes * 32 },
    );
    await deps.database.transaction((tx) =>
      recordAudit(tx, deps.clock, ctx, {
        action: 'intel.import',
        subjectType: 'intel_collection',
        subjectId: collection.id,
        subjectParticipantId: u.participantId,
        details: { url, total: r.total, stored: r.stored, failures: r.failures.length },
      }),
    );
    wakeIntelJobs(); // index the new versions for search
    return { total: r.total, stored: r.stored, failures: r.failures };
  } catch (err) {
    res.destroy();
    if (err instanceof JsonStreamError) {
      throw new IntelError(
        'INTEL_BAD_ENVELOPE',
        `The bundle at the URL is not valid: ${err.message}`,
        {
          extra: { offset: err.offset },
        },
      );
    }
    throw err;
  }
}

/** The visible latest versions of a collection's objects as a STIX bundle, page by page. */
export async function* exportBundle(
  deps: Deps,
  actor: Actor,
  collection: CollectionRow,
  filters: ObjectFilters,
): AsyncGenerator<string> {
  authorize(collectionPolicy, actor, 'read', collection);
  yield `{"type":"bundle","id":"bundle--${deps.random.uuid()}","objects":[`;
  let after: { micros: number; seq: number } | null = null;
  let first = true;
  for (;;) {
    const rows = await pageObjects(
      deps.database.db,
      [collection.id],
      viewerFor(actor),
      filters,
      after,
      1000,
    );
    const page = rows.slice(0, 1000);
    if (page.length > 0) {
      yield (first ? '' : ',') + page.map((r) => r.body).join(',');
      first = false;
    }
    if (rows.length <= 1000) break;
    const last = page[page.length - 1]!;
    after = { micros: last.micros, seq: last.seq };
  }
  yield ']}';
}

/** A member reports sightings of an indicator: a STIX sighting object in a collection they write to. */
export async function reportSighting(
  deps: Deps,
  ctx: RequestContext,
  input: {
    collectionId: string;
    indicatorId: string;
    count: number;
    firstSeen: string;
    lastSeen?: string | undefined;
    description?: string | undefined;
    tlp?: TlpLevel | undefined;
  },
): Promise<{ id: string }> {
  const u = userOf(ctx);
  const collection = await collectionFor(deps, ctx.actor, input.collectionId);
  authorize(collectionPolicy, ctx.actor, 'write', collection);
  // Only an indicator the reporter can see may be sighted (404 otherwise, as for any hidden object).
  await assertVisible(deps, await scopeOf(deps, ctx.actor), input.indicatorId);
  const lastSeen = input.lastSeen ?? input.firstSeen;
  if (Date.parse(lastSeen) < Date.parse(input.firstSeen)) {
    throw invalid('lastSeen', 'must not be before firstSeen');
  }
  const now = deps.clock.now().toISOString();
  const tlp = input.tlp ?? 'amber';
  const id = `sighting--${deps.random.uuid()}`;
  const identity = `identity--${u.participantId}`;
  const sighting = {
    type: 'sighting',
    spec_version: '2.1',
    id,
    created: now,
    modified: now,
    created_by_ref: identity,
    sighting_of_ref: input.indicatorId,
    count: input.count,
    first_seen: new Date(input.firstSeen).toISOString(),
    last_seen: new Date(lastSeen).toISOString(),
    where_sighted_refs: [identity],
    ...(input.description ? { description: input.description } : {}),
    object_marking_refs: [String(TLP2[tlp].id)],
  };
  await storeAuthored(deps, ctx, collection, [sighting], () => 'indicatorId', {
    action: 'intel.sighting.report',
    subjectType: 'intel_object',
    subjectId: input.indicatorId,
    details: { sightingId: id, count: input.count, collectionId: collection.id },
  });
  return { id };
}

/**
 * Stores objects a member wrote through the REST API (a sighting, an incident, its links) with
 * the audit event, in one transaction: a STIX validation failure stores nothing and answers 400
 * on the request field `fieldOf` names for the failing object.
 */
export async function storeAuthored(
  deps: Deps,
  ctx: RequestContext,
  collection: CollectionRow,
  objects: readonly Record<string, unknown>[],
  fieldOf: (failedId: string) => string,
  audit: Omit<AuditEntry, 'subjectParticipantId'>,
): Promise<void> {
  const u = userOf(ctx);
  const audience = await audienceFor(deps, ctx.actor, collection);
  await deps.database.transaction(async (tx) => {
    const r = await addParsed(
      tx,
      { collectionId: collection.id, participantId: u.participantId, userId: u.userId },
      audience,
      objects,
    );
    const failed = r.failures[0];
    if (failed) throw invalid(fieldOf(failed.id), failed.message ?? 'is not valid STIX');
    await recordAudit(tx, deps.clock, ctx, { ...audit, subjectParticipantId: u.participantId });
  });
  wakeIntelJobs(); // index the new objects for search
}
