import { and, desc, eq, gte, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';

export type AuditRow = typeof auditEvents.$inferSelect;
export type NewAuditRow = typeof auditEvents.$inferInsert;

export async function insertAuditEvent(db: Db, row: NewAuditRow): Promise<void> {
  await db.insert(auditEvents).values(row);
}

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  /** Events whose actor or subject belongs to this participant. */
  participantId?: string;
  subjectType?: string;
  subjectId?: string;
  since?: Date;
  until?: Date;
  beforeId?: number;
}

export async function listAuditEvents(
  db: Db,
  filter: AuditFilter,
  limit: number,
): Promise<AuditRow[]> {
  const where: SQL[] = [];
  if (filter.action) {
    // `participant.` matches every participant action; an exact name matches itself.
    where.push(
      filter.action.endsWith('.')
        ? sql`${auditEvents.action} like ${filter.action.replace(/[\\%_]/g, '\\$&') + '%'}`
        : eq(auditEvents.action, filter.action),
    );
  }
  if (filter.actorUserId) where.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.participantId) {
    const p = or(
      eq(auditEvents.actorParticipantId, filter.participantId),
      eq(auditEvents.subjectParticipantId, filter.participantId),
    );
    if (p) where.push(p);
  }
  if (filter.subjectType) where.push(eq(auditEvents.subjectType, filter.subjectType));
  if (filter.subjectId) where.push(eq(auditEvents.subjectId, filter.subjectId));
  if (filter.since) where.push(gte(auditEvents.occurredAt, filter.since));
  if (filter.until) where.push(lte(auditEvents.occurredAt, filter.until));
  if (filter.beforeId !== undefined) where.push(lt(auditEvents.id, filter.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}

export async function countAuditEvents(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return row?.n ?? 0;
}
