import { definePolicy } from '../../auth/policy';
import { isParticipantAdmin, isPlatformAdmin } from '../../auth/actor';

/**
 * People are managed by their own participant's administrators and by the secretariat.
 * Members see their colleagues; users of other participants are hidden (404, not 403).
 */
export const userPolicy = definePolicy<{ id: string | null; participantId: string }>()({
  read: (actor, u) =>
    isPlatformAdmin(actor) ||
    (actor.kind === 'user' && (actor.participantId === u.participantId || actor.userId === u.id)),
  create: (actor, u) => isParticipantAdmin(actor, u.participantId),
  update: (actor, u) => isParticipantAdmin(actor, u.participantId),
  reset_password: (actor, u) => isParticipantAdmin(actor, u.participantId),
  list_all: (actor) => isPlatformAdmin(actor),
});
