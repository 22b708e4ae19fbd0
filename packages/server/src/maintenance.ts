/**
 * Housekeeping that keeps the tables that grow with use bounded. Every statement is an
 * idempotent delete, so any number of server processes may run it at the same time.
 */
import { and, isNotNull, lt, or } from 'drizzle-orm';
import type { Deps } from './deps';
import { rateLimits, sessions } from './db/schema';

/** Ended sessions are kept this long (for the audit of who was signed in when). */
export const SESSION_RETENTION_DAYS = 30;
export const MAINTENANCE_INTERVAL_MS = 60 * 60_000;

export async function runMaintenance(
  deps: Deps,
): Promise<{ sessions: number; rateLimits: number }> {
  const now = deps.clock.now().getTime();
  const sessionCutoff = new Date(now - SESSION_RETENTION_DAYS * 86_400_000);
  const windowCutoff = new Date(now - 2 * deps.config.loginRateWindowSeconds * 1000);
  return deps.database.transaction(async (tx) => {
    const s = await tx
      .delete(sessions)
      .where(
        or(
          lt(sessions.expiresAt, sessionCutoff),
          and(isNotNull(sessions.revokedAt), lt(sessions.revokedAt, sessionCutoff)),
        ),
      )
      .returning({ id: sessions.id });
    const r = await tx
      .delete(rateLimits)
      .where(lt(rateLimits.windowStart, windowCutoff))
      .returning({ key: rateLimits.key });
    return { sessions: s.length, rateLimits: r.length };
  });
}
