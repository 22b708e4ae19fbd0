import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import type { Role } from '../../auth/roles';
import { authorize, can } from '../../auth/policy';
import { checkPasswordPolicy, hashPassword } from '../../auth/passwords';
import { DomainError, invalid, notFound } from '../../errors';
import { isUniqueViolation } from '../../db/errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import { findParticipant } from '../participants/store';
import { revokeUserSessions } from '../auth/store';
import { userPolicy } from './policy';
import { presentUser, type UserView } from './presenter';
import { countActiveAdmins, findUserById, insertUser, listUsers, updateUser } from './store';

export interface CreateUserInput {
  participantId: string;
  email: string;
  displayName: string;
  roles: Role[];
  password: string;
}

const emailTaken = () =>
  new DomainError('EMAIL_TAKEN', 'email: is already registered', {
    fieldErrors: [{ field: 'email', message: 'is already registered' }],
  });

export async function createUser(
  deps: Deps,
  ctx: RequestContext,
  input: CreateUserInput,
): Promise<UserView> {
  const email = input.email.trim().toLowerCase();
  const roles = [...new Set(input.roles)];
  if (roles.length === 0) throw invalid('roles', 'must name at least one role');
  checkPasswordPolicy(input.password, 'password', { email });
  // Hash before the transaction: argon2 is deliberately slow and must not hold a connection.
  const passwordHash = await hashPassword(input.password);
  try {
    return await deps.database.transaction(async (tx) => {
      const participant = await findParticipant(tx, input.participantId);
      // Creating into a participant you may not administer reads as "no such participant"
      // only to those who could not see it anyway; participants are public to members.
      if (!participant) throw invalid('participantId', 'no such participant');
      authorize(userPolicy, ctx.actor, 'create', { id: null, participantId: participant.id });
      const now = deps.clock.now();
      const row = {
        id: deps.random.uuid(),
        participantId: participant.id,
        email,
        displayName: input.displayName.trim(),
        passwordHash,
        roles,
        status: 'active',
        failedLoginCount: 0,
        lockedUntil: null,
        passwordChangedAt: now,
        lastLoginAt: null,
        createdAt: now,
        updatedAt: now,
      };
      await insertUser(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'user.create',
        subjectType: 'user',
        subjectId: row.id,
        subjectParticipantId: participant.id,
        details: { email, roles },
      });
      return presentUser({ ...row, participant }, now);
    });
  } catch (err) {
    throw isUniqueViolation(err) ? emailTaken() : err;
  }
}

async function loadVisible(deps: Deps, ctx: RequestContext, id: string) {
  const user = await findUserById(deps.database.db, id);
  if (
    !user ||
    !can(userPolicy, ctx.actor, 'read', { id: user.id, participantId: user.participantId })
  ) {
    throw notFound('User');
  }
  return user;
}

export async function getUser(deps: Deps, ctx: RequestContext, id: string): Promise<UserView> {
  return presentUser(await loadVisible(deps, ctx, id), deps.clock.now());
}

export interface UserQuery {
  q?: string | undefined;
  participantId?: string | undefined;
  role?: string | undefined;
  status?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseUsers(
  deps: Deps,
  ctx: RequestContext,
  query: UserQuery,
): Promise<Page<UserView>> {
  let participantId = query.participantId;
  if (!can(userPolicy, ctx.actor, 'list_all', { id: null, participantId: '' })) {
    if (ctx.actor.kind !== 'user') throw new DomainError('FORBIDDEN', 'Not allowed');
    // Others see only their own participant's people; asking for another participant's
    // list yields an empty page rather than a tell-tale refusal.
    if (participantId && participantId !== ctx.actor.participantId)
      return { items: [], nextCursor: null };
    participantId = ctx.actor.participantId;
  }
  const cursor = decodeCursor(query.cursor, ['string']);
  const rows = await listUsers(
    deps.database.db,
    {
      ...(query.q ? { q: query.q } : {}),
      ...(participantId ? { participantId } : {}),
      ...(query.role ? { role: query.role } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { after: { email: String(cursor[0]) } } : {}),
    },
    query.limit + 1,
  );
  const now = deps.clock.now();
  return toPage(
    rows,
    query.limit,
    (r) => [r.email],
    (r) => presentUser(r, now),
  );
}

export interface UpdateUserInput {
  displayName?: string | undefined;
  roles?: Role[] | undefined;
  status?: 'active' | 'disabled' | undefined;
}

export async function changeUser(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: UpdateUserInput,
): Promise<UserView> {
  return deps.database.transaction(async (tx) => {
    const user = await findUserById(tx, id);
    if (
      !user ||
      !can(userPolicy, ctx.actor, 'read', { id: user.id, participantId: user.participantId })
    ) {
      throw notFound('User');
    }
    authorize(userPolicy, ctx.actor, 'update', { id: user.id, participantId: user.participantId });
    const roles = input.roles ? [...new Set(input.roles)] : undefined;
    if (roles && roles.length === 0) throw invalid('roles', 'must name at least one role');
    const losesAdmin =
      user.roles.includes('admin') &&
      user.status === 'active' &&
      ((roles && !roles.includes('admin')) || input.status === 'disabled');
    if (
      losesAdmin &&
      user.participant.kind === 'secretariat' &&
      (await countActiveAdmins(tx, user.participantId)) <= 1
    ) {
      throw new DomainError(
        'LAST_ADMIN',
        'The node must keep at least one secretariat administrator',
      );
    }
    const now = deps.clock.now();
    const patch: Record<string, unknown> = {};
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    if (input.displayName !== undefined && input.displayName.trim() !== user.displayName) {
      patch.displayName = input.displayName.trim();
      changes.displayName = { from: user.displayName, to: patch.displayName };
    }
    if (roles && [...roles].sort().join() !== [...user.roles].sort().join()) {
      patch.roles = roles;
      changes.roles = { from: user.roles, to: roles };
    }
    if (input.status !== undefined && input.status !== user.status) {
      patch.status = input.status;
      changes.status = { from: user.status, to: input.status };
    }
    if (Object.keys(patch).length === 0) return presentUser(user, now);
    await updateUser(tx, id, { ...patch, updatedAt: now });
    if (patch.status === 'disabled') await revokeUserSessions(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      action:
        patch.status === 'disabled'
          ? 'user.disable'
          : patch.status === 'active'
            ? 'user.enable'
            : 'user.update',
      subjectType: 'user',
      subjectId: id,
      subjectParticipantId: user.participantId,
      details: { changes },
    });
    return presentUser({ ...user, ...patch, updatedAt: now }, now);
  });
}

/** An administrator sets a new password for someone (e.g. a forgotten one); their sessions end. */
export async function resetPassword(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  newPassword: string,
): Promise<void> {
  const user = await loadVisible(deps, ctx, id);
  authorize(userPolicy, ctx.actor, 'reset_password', {
    id: user.id,
    participantId: user.participantId,
  });
  checkPasswordPolicy(newPassword, 'newPassword', { email: user.email });
  const hash = await hashPassword(newPassword);
  await deps.database.transaction(async (tx) => {
    const now = deps.clock.now();
    await updateUser(tx, id, {
      passwordHash: hash,
      passwordChangedAt: now,
      updatedAt: now,
      failedLoginCount: 0,
      lockedUntil: null,
    });
    await revokeUserSessions(tx, id, now);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      subjectParticipantId: user.participantId,
    });
  });
}
