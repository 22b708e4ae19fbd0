import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Authenticated } from '../modules/auth/service';
import type { TokenScope } from '../auth/roles';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
  interface FastifyContextConfig {
    /** 'public' routes need no sign-in; everything else under /api/v1 does. */
    auth?: 'public' | 'user';
    /** The API-token scope the route needs (default: read for GET/HEAD, write otherwise). */
    scope?: TokenScope;
  }
}
