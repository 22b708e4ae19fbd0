import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import type { TokenScope } from '../../auth/roles';
import { definePolicy, authorize } from '../../auth/policy';
import { hasRole, isObserverOnly } from '../../auth/actor';
import { newApiToken } from '../../auth/secrets';
import { DomainError, notFound } from '../../errors';
import { recordAudit } from '../audit/service';
import { findUserByEmail } from '../users/store';
import { findToken, insertToken, listTokensOfUser, revokeToken, type TokenRow } from './store';

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const presentToken = (t: TokenRow): TokenView => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  scopes: t.scopes as TokenScope[],
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

/** A token never carries more than its owner may do: write needs a non-observer, admin an admin. */
export const tokenPolicy = definePolicy<{ userId: string; scopes: TokenScope[] }>()({
  create: (actor, t) =>
    actor.kind === 'system' ||
    (actor.kind === 'user' &&
      actor.userId === t.userId &&
      // A token may not mint tokens wider than itself.
      (actor.scopes === null || t.scopes.every((s) => actor.scopes?.includes(s))) &&
      (!t.scopes.includes('admin') || hasRole(actor, 'admin')) &&
      (!t.scopes.includes('write') || !isObserverOnly(actor))),
  revoke: (actor, t) =>
    actor.kind === 'system' || (actor.kind === 'user' && actor.userId === t.userId),
});

export interface CreateTokenInput {
  name: string;
  scopes: TokenScope[];
  expiresInDays?: number | undefined;
}

async function create(
  deps: Deps,
  ctx: RequestContext,
  userId: string,
  participantId: string,
  input: CreateTokenInput,
) {
  const scopes = [...new Set(input.scopes)];
  authorize(tokenPolicy, ctx.actor, 'create', { userId, scopes });
  const { secret, prefix, hash } = newApiToken(deps.random);
  const now = deps.clock.now();
  const row: TokenRow = {
    id: deps.random.uuid(),
    userId,
    name: input.name.trim(),
    prefix,
    tokenHash: hash,
    scopes,
    createdAt: now,
    expiresAt: input.expiresInDays
      ? new Date(now.getTime() + input.expiresInDays * 86_400_000)
      : null,
    lastUsedAt: null,
    revokedAt: null,
  };
  await deps.database.transaction(async (tx) => {
    await insertToken(tx, row);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'token.create',
      subjectType: 'api_token',
      subjectId: row.id,
      subjectParticipantId: participantId,
      details: { name: row.name, scopes, userId },
    });
  });
  return { token: presentToken(row), secret };
}

/** Creates a token for the caller. The secret is returned once and stored only as a hash. */
export async function createOwnToken(deps: Deps, ctx: RequestContext, input: CreateTokenInput) {
  if (ctx.actor.kind !== 'user') throw new DomainError('FORBIDDEN', 'Only users own tokens');
  return create(deps, ctx, ctx.actor.userId, ctx.actor.participantId, input);
}

/** `concord tokens create --email`: the operator at the console creates a token for a user. */
export async function createTokenForEmail(
  deps: Deps,
  ctx: RequestContext,
  email: string,
  input: CreateTokenInput,
) {
  const user = await findUserByEmail(deps.database.db, email);
  if (!user) throw notFound(`User ${email}`);
  return create(deps, ctx, user.id, user.participantId, input);
}

export async function listOwnTokens(deps: Deps, ctx: RequestContext): Promise<TokenView[]> {
  if (ctx.actor.kind !== 'user') return [];
  return (await listTokensOfUser(deps.database.db, ctx.actor.userId)).map(presentToken);
}

export async function revokeOwnToken(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<TokenView> {
  return deps.database.transaction(async (tx) => {
    const token = await findToken(tx, id);
    // Someone else's token is reported as absent, not as forbidden.
    if (!token || (ctx.actor.kind === 'user' && token.userId !== ctx.actor.userId))
      throw notFound('Token');
    authorize(tokenPolicy, ctx.actor, 'revoke', {
      userId: token.userId,
      scopes: token.scopes as TokenScope[],
    });
    if (token.revokedAt) throw new DomainError('ALREADY_REVOKED', 'This token was already revoked');
    const now = deps.clock.now();
    await revokeToken(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'token.revoke',
      subjectType: 'api_token',
      subjectId: id,
      subjectParticipantId: ctx.actor.kind === 'user' ? ctx.actor.participantId : null,
      details: { name: token.name },
    });
    return presentToken({ ...token, revokedAt: now });
  });
}
