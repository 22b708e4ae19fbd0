import type { Db } from '../../db/client';
import type { Clock } from '../../platform/clock';
import type { RequestContext } from '../../auth/actor';
import { isPlatformAdmin } from '../../auth/actor';
import { DomainError } from '../../errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { insertAuditEvent, listAuditEvents, type AuditFilter, type AuditRow } from './store';
import { auditPolicy } from './policy';
import { authorize } from '../../auth/policy';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId?: string | null;
  subjectParticipantId?: string | null;
  details?: Record<string, unknown>;
}

/** Writes the audit event of a mutation; call it with the mutation's own transaction. */
export async function recordAudit(
  tx: Db,
  clock: Clock,
  ctx: RequestContext,
  entry: AuditEntry,
): Promise<void> {
  const a = ctx.actor;
  await insertAuditEvent(tx, {
    occurredAt: clock.now(),
    actorUserId: a.kind === 'user' ? a.userId : null,
    actorParticipantId: a.kind === 'user' ? a.participantId : null,
    actorLabel: a.kind === 'user' ? a.email : a.label,
    via: a.via,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    subjectParticipantId: entry.subjectParticipantId ?? null,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 512) ?? null,
    requestId: ctx.requestId,
    details: entry.details ?? {},
  });
}

export interface AuditEventView {
  id: number;
  occurredAt: string;
  actor: { userId: string | null; participantId: string | null; label: string };
  via: 'session' | 'token' | 'cli' | 'system';
  action: string;
  subjectType: string;
  subjectId: string | null;
  subjectParticipantId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

export function presentAuditEvent(row: AuditRow): AuditEventView {
  return {
    id: row.id,
    occurredAt: row.occurredAt.toISOString(),
    actor: {
      userId: row.actorUserId,
      participantId: row.actorParticipantId,
      label: row.actorLabel,
    },
    via: row.via as AuditEventView['via'],
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    subjectParticipantId: row.subjectParticipantId,
    ip: row.ip,
    userAgent: row.userAgent,
    requestId: row.requestId,
    details: (row.details ?? {}) as Record<string, unknown>,
  };
}

export interface AuditQuery extends Omit<AuditFilter, 'beforeId'> {
  limit: number;
  cursor?: string;
}

/**
 * Platform administrators see the whole trail; a participant's administrators see the
 * events their participant's people caused or that concern their participant.
 */
export async function browseAudit(
  db: Db,
  ctx: RequestContext,
  query: AuditQuery,
): Promise<Page<AuditEventView>> {
  authorize(auditPolicy, ctx.actor, 'browse', null);
  const filter: AuditFilter = { ...query };
  if (!isPlatformAdmin(ctx.actor)) {
    if (ctx.actor.kind !== 'user') throw new DomainError('FORBIDDEN', 'Not allowed');
    if (query.participantId && query.participantId !== ctx.actor.participantId) {
      throw new DomainError('FORBIDDEN', "You may browse only your own participant's audit trail");
    }
    filter.participantId = ctx.actor.participantId;
  }
  const cursor = decodeCursor(query.cursor, ['number']);
  if (cursor) filter.beforeId = cursor[0] as number;
  const rows = await listAuditEvents(db, filter, query.limit + 1);
  return toPage(rows, query.limit, (r) => [r.id], presentAuditEvent);
}
