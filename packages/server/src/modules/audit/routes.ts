import { Type } from 'typebox';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { Nullable, PageQuery, pageOf, responses, Timestamp, Uuid } from '../../http/schemas';
import { DEFAULT_PAGE_SIZE } from '../../lib/cursor';
import { browseAudit } from './service';

export const AuditEventSchema = Type.Object({
  id: Type.Integer(),
  occurredAt: Timestamp,
  actor: Type.Object({
    userId: Nullable(Uuid),
    participantId: Nullable(Uuid),
    label: Type.String(),
  }),
  via: Type.Union([
    Type.Literal('session'),
    Type.Literal('token'),
    Type.Literal('cli'),
    Type.Literal('system'),
  ]),
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Nullable(Type.String()),
  subjectParticipantId: Nullable(Uuid),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});

const AuditQuery = Type.Object({
  action: Type.Optional(
    Type.String({
      maxLength: 100,
      description: 'Exact action, or a prefix ending in "." (e.g. "user.")',
    }),
  ),
  actorUserId: Type.Optional(Uuid),
  participantId: Type.Optional(Uuid),
  subjectType: Type.Optional(Type.String({ maxLength: 100 })),
  subjectId: Type.Optional(Type.String({ maxLength: 200 })),
  since: Type.Optional(Timestamp),
  until: Type.Optional(Timestamp),
  ...PageQuery,
});

export function auditRoutes(app: App, deps: Deps): void {
  app.get('/audit', {
    config: { scope: 'admin' },
    schema: {
      tags: ['Audit'],
      summary: 'Browse the audit trail (administrators)',
      querystring: AuditQuery,
      response: responses({ 200: pageOf(AuditEventSchema) }),
    },
    handler: (req) => {
      const q = req.query;
      return browseAudit(deps.database.db, ctxOf(req), {
        ...(q.action ? { action: q.action } : {}),
        ...(q.actorUserId ? { actorUserId: q.actorUserId } : {}),
        ...(q.participantId ? { participantId: q.participantId } : {}),
        ...(q.subjectType ? { subjectType: q.subjectType } : {}),
        ...(q.subjectId ? { subjectId: q.subjectId } : {}),
        ...(q.since ? { since: new Date(q.since) } : {}),
        ...(q.until ? { until: new Date(q.until) } : {}),
        ...(q.cursor ? { cursor: q.cursor } : {}),
        limit: q.limit ?? DEFAULT_PAGE_SIZE,
      });
    },
  });
}
