/**
 * Who may do what in the glossary. Everyone signed in reads it; the secretariat keeps the
 * harmonised terms; each participant's administrators and members keep its own definitions,
 * and no one else's (the secretariat included).
 */
import { definePolicy } from '../../auth/policy';
import { hasRole, isPlatformAdmin, type Actor } from '../../auth/actor';

/**
 * Speaks for the participant on the record: one of its administrators or members. The system
 * actor (an operator at the console, the demo loader) names the participant explicitly.
 */
export const speaksFor = (actor: Actor, participantId: string): boolean =>
  actor.kind === 'system' ||
  (actor.participantId === participantId && (hasRole(actor, 'admin') || hasRole(actor, 'member')));

export const termPolicy = definePolicy<null>()({
  read: () => true,
  create: (actor) => isPlatformAdmin(actor),
  update: (actor) => isPlatformAdmin(actor),
});

export const variantPolicy = definePolicy<{ participantId: string }>()({
  save: (actor, v) => speaksFor(actor, v.participantId),
  remove: (actor, v) => speaksFor(actor, v.participantId),
});
