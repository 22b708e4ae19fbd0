/**
 * Who publishes and who reads doctrines. States and regional organisations publish, through
 * their administrators and members; `public` versions are for everyone (the public portal
 * too), `community` versions for signed-in community members only.
 */
import { definePolicy } from '../../auth/policy';
import { hasRole, type Actor } from '../../auth/actor';
import type { ParticipantKind } from '../../auth/roles';
import type { Visibility } from './document';

export const PUBLISHING_KINDS: readonly ParticipantKind[] = ['state', 'regional_organisation'];

/**
 * Every signed-in user belongs to the community today; the rule lives here so that a future
 * distinction (e.g. suspended participants, guest accounts) changes one line.
 */
export const isCommunityMember = (actor: Actor): boolean =>
  actor.kind === 'system' || actor.kind === 'user';

/** The visibilities a viewer may read; `null` is the public (the portal, anonymous readers). */
export function visibleTo(viewer: Actor | null): Visibility[] {
  return viewer !== null && isCommunityMember(viewer) ? ['public', 'community'] : ['public'];
}

/** A state's or regional organisation's administrators and members publish its doctrine. */
export const doctrinePolicy = definePolicy<{ id: string; kind: string }>()({
  publish: (actor, p) =>
    actor.kind === 'user' &&
    actor.participantId === p.id &&
    PUBLISHING_KINDS.some((k) => k === p.kind) &&
    (hasRole(actor, 'admin') || hasRole(actor, 'member')),
});
