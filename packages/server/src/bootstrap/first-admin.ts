/**
 * Whenever the node has no active secretariat administrator, `serve` and `migrate` create
 * one: from CONCORD_ADMIN_EMAIL / CONCORD_ADMIN_PASSWORD when both are set, otherwise (serve
 * only) with a generated password that is printed once.
 */
import { sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { systemContext } from '../auth/actor';
import { checkPasswordPolicy, hashPassword } from '../auth/passwords';
import { randomToken } from '../platform/random';
import { recordAudit } from '../modules/audit/service';
import { hasPlatformAdmin, insertUser, findUserByEmail, updateUser } from '../modules/users/store';
import { insertParticipant } from '../modules/participants/store';
import { participants } from '../db/schema';
import { eq } from 'drizzle-orm';

export const DEFAULT_ADMIN_EMAIL = 'admin@concord.localhost';
export const SECRETARIAT_NAME = 'Concord Secretariat';
/** Serialises bootstrap across processes sharing one PostgreSQL. */
const BOOTSTRAP_LOCK_KEY = 724_001_2;

export type FirstAdminResult =
  | { created: false }
  | { created: true; email: string; password: string | null; generated: boolean };

export async function ensureFirstAdmin(
  deps: Deps,
  options: { email: string | null; password: string | null; allowGenerated: boolean },
): Promise<FirstAdminResult> {
  if (await hasPlatformAdmin(deps.database.db)) return { created: false };
  const given = options.email !== null && options.password !== null;
  if (!given && !options.allowGenerated) return { created: false };
  const email = (options.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const password = given && options.password ? options.password : randomToken(deps.random, 18);
  checkPasswordPolicy(password, 'CONCORD_ADMIN_PASSWORD');
  const passwordHash = await hashPassword(password);
  const ctx = systemContext('bootstrap');
  return deps.database.transaction(async (tx): Promise<FirstAdminResult> => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    if (await hasPlatformAdmin(tx)) return { created: false };
    const now = deps.clock.now();
    let [secretariat] = await tx
      .select()
      .from(participants)
      .where(eq(participants.kind, 'secretariat'))
      .limit(1);
    if (!secretariat) {
      const row = {
        id: deps.random.uuid(),
        name: SECRETARIAT_NAME,
        shortName: 'Secretariat',
        kind: 'secretariat',
        countryCode: null,
        description: 'Runs this Concord node and records the regime’s decisions.',
        website: null,
        status: 'active',
        createdAt: now,
        updatedAt: now,
      };
      await insertParticipant(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'participant.create',
        subjectType: 'participant',
        subjectId: row.id,
        subjectParticipantId: row.id,
        details: { name: row.name, kind: row.kind },
      });
      secretariat = row;
    }
    const existing = await findUserByEmail(tx, email);
    if (existing) {
      // The address exists but is not an active secretariat admin: make it one.
      await updateUser(tx, existing.id, {
        participantId: secretariat.id,
        roles: [...new Set([...existing.roles, 'admin'])],
        status: 'active',
        passwordHash,
        passwordChangedAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'user.promote_first_admin',
        subjectType: 'user',
        subjectId: existing.id,
        subjectParticipantId: secretariat.id,
        details: { email },
      });
    } else {
      const id = deps.random.uuid();
      await insertUser(tx, {
        id,
        participantId: secretariat.id,
        email,
        displayName: 'Administrator',
        passwordHash,
        roles: ['admin'],
        status: 'active',
        passwordChangedAt: now,
        createdAt: now,
        updatedAt: now,
      });
      await recordAudit(tx, deps.clock, ctx, {
        action: 'user.create',
        subjectType: 'user',
        subjectId: id,
        subjectParticipantId: secretariat.id,
        details: { email, roles: ['admin'], firstAdmin: true },
      });
    }
    return { created: true, email, password: given ? null : password, generated: !given };
  });
}
