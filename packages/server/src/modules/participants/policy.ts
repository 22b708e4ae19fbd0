import { definePolicy } from '../../auth/policy';
import { isParticipantAdmin, isPlatformAdmin } from '../../auth/actor';

/** Every signed-in community member may read the participant list; the secretariat curates it. */
export const participantPolicy = definePolicy<{ id: string } | null>()({
  read: () => true,
  create: (actor) => isPlatformAdmin(actor),
  update: (actor, p) => p !== null && isParticipantAdmin(actor, p.id),
  change_status: (actor) => isPlatformAdmin(actor),
  manage_keys: (actor, p) => p !== null && isParticipantAdmin(actor, p.id),
});
