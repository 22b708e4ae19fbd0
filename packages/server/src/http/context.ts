import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../auth/actor';
import { DomainError } from '../errors';

/** The caller and where the request came from, for services and their audit events. */
export function ctxOf(request: FastifyRequest): RequestContext {
  if (!request.auth) throw new DomainError('UNAUTHENTICATED', 'You are not signed in');
  return {
    actor: request.auth.actor,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    requestId: request.id,
  };
}
