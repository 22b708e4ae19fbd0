/**
 * Who may do what in the catalogue. Everyone signed in reads it; any participant proposes and
 * comments; states (and regional organisations) endorse; the secretariat decides.
 */
import { definePolicy } from '../../auth/policy';
import { hasRole, isObserverOnly, type Actor } from '../../auth/actor';

const takesPart = (actor: Actor) => actor.kind === 'system' || !isObserverOnly(actor);

export const isSecretariatDecider = (actor: Actor): boolean =>
  actor.kind === 'system' ||
  (actor.participantKind === 'secretariat' &&
    (hasRole(actor, 'admin') || hasRole(actor, 'coordinator')));

export const normPolicy = definePolicy<{ proposedByParticipant: string; status: string } | null>()({
  read: () => true,
  propose: (actor) => takesPart(actor),
  comment: (actor, a) => takesPart(actor) && a !== null && a.status === 'open',
  endorse: (actor, a) =>
    actor.kind === 'user' &&
    takesPart(actor) &&
    (actor.participantKind === 'state' || actor.participantKind === 'regional_organisation') &&
    a !== null &&
    a.status === 'open',
  withdraw: (actor, a) =>
    actor.kind === 'user' &&
    takesPart(actor) &&
    a !== null &&
    a.proposedByParticipant === actor.participantId,
  decide: (actor) => isSecretariatDecider(actor),
});
