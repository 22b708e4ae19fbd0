import { Type } from 'typebox';
import type { App } from '../../http/types';
import type { Deps } from '../../deps';
import { ctxOf } from '../../http/context';
import { IdParams, Nullable, responses, Timestamp, Uuid } from '../../http/schemas';
import { TOKEN_SCOPE_IDS } from '../../auth/roles';
import { createOwnToken, listOwnTokens, revokeOwnToken } from './service';

const Scope = Type.Enum([...TOKEN_SCOPE_IDS]);

export const TokenSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart' }),
  scopes: Type.Array(Scope),
  createdAt: Timestamp,
  expiresAt: Nullable(Timestamp),
  lastUsedAt: Nullable(Timestamp),
  revokedAt: Nullable(Timestamp),
});

const CreateTokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Scope, { minItems: 1, maxItems: TOKEN_SCOPE_IDS.length }),
    expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })),
  },
  { additionalProperties: false },
);

export function tokenRoutes(app: App, deps: Deps): void {
  const tags = ['API tokens'];
  app.get('/tokens', {
    schema: {
      tags,
      summary: 'List your API tokens',
      response: responses({ 200: Type.Object({ items: Type.Array(TokenSchema) }) }),
    },
    handler: async (req) => ({ items: await listOwnTokens(deps, ctxOf(req)) }),
  });
  app.post('/tokens', {
    schema: {
      tags,
      summary: 'Create an API token; the secret is returned once',
      body: CreateTokenBody,
      response: responses({ 201: Type.Object({ token: TokenSchema, secret: Type.String() }) }),
    },
    handler: async (req, reply) =>
      reply.code(201).send(await createOwnToken(deps, ctxOf(req), req.body)),
  });
  app.post('/tokens/:id/revoke', {
    schema: {
      tags,
      summary: 'Revoke one of your API tokens',
      params: IdParams,
      response: responses({ 200: TokenSchema }),
    },
    handler: (req) => revokeOwnToken(deps, ctxOf(req), req.params.id),
  });
}
