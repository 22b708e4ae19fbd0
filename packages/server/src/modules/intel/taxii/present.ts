/** TAXII 2.1 answers: error resources (§3.6.1), collections, status, envelopes, date headers. */
import type { FastifyReply } from 'fastify';
import type { RequestContext } from '../../../auth/actor';
import { canRead, canWrite, type Page } from '../service';
import type { CollectionRow } from '../store';
import type { StatusRow } from '../status-store';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './media';

/** §3.6.1 error resource. */
export function errorResource(
  status: number,
  title: string,
  description: string,
  code: string,
  extra: Record<string, unknown> = {},
) {
  return {
    title,
    description,
    error_code: code,
    http_status: String(status),
    ...(Object.keys(extra).length > 0 ? { details: extra } : {}),
  };
}

export function sendTaxii(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  // A Buffer: Fastify sends the Content-Type exactly as given (no charset or quoting added),
  // which strict TAXII clients compare textually.
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return reply
    .code(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .send(Buffer.from(text, 'utf8'));
}

export function presentCollection(c: CollectionRow, actor: RequestContext['actor']) {
  return {
    id: c.id,
    title: c.title,
    ...(c.description ? { description: c.description } : {}),
    ...(c.alias ? { alias: c.alias } : {}),
    can_read: canRead(actor, c),
    can_write: canWrite(actor, c),
    media_types: [STIX_MEDIA_TYPE],
  };
}

export function presentStatus(s: StatusRow) {
  return {
    id: s.id,
    status: s.status,
    request_timestamp: s.requestTimestamp,
    total_count: s.totalCount,
    success_count: s.successCount,
    failure_count: s.failureCount,
    pending_count: s.pendingCount,
    ...(s.successes.length > 0 ? { successes: s.successes.map(detail) } : {}),
    ...(s.failures.length > 0 ? { failures: s.failures.map(detail) } : {}),
    ...(s.pendings.length > 0 ? { pendings: s.pendings.map(detail) } : {}),
  };
}

const detail = (d: { id: string; version?: string; message?: string }) => ({
  id: d.id,
  ...(d.version !== undefined ? { version: d.version } : {}),
  ...(d.message !== undefined ? { message: d.message } : {}),
});

/** §3.4.3 headers on every response that lists objects or versions. */
export function dateHeaders(reply: FastifyReply, page: Page): void {
  const first = page.rows[0];
  const last = page.rows[page.rows.length - 1];
  if (first && last) {
    void reply.header('x-taxii-date-added-first', first.dateAdded);
    void reply.header('x-taxii-date-added-last', last.dateAdded);
  }
}

/** §3.7 envelope, built from the stored object text without re-serialising it. */
export function envelopeText(page: Page): string {
  const head = `{"more":${page.more}${page.next ? `,"next":${JSON.stringify(page.next)}` : ''}`;
  if (page.rows.length === 0) return `${head}}`;
  return `${head},"objects":[${page.rows.map((r) => r.body).join(',')}]}`;
}
