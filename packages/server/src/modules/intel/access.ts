/**
 * Who may do what in the intel module. Collections: a community's members read and write as
 * their membership says (`all-members`: every participant). Objects: on top of that, TLP 2.0
 * (store.ts visibleSql). A collection the caller may neither read nor write does not exist
 * for them (404), so its existence does not leak.
 */
import type { Actor, UserActor } from '../../auth/actor';
import { isObserverOnly, isPlatformAdmin } from '../../auth/actor';
import { definePolicy } from '../../auth/policy';
import type { CollectionRow, Viewer } from './store';

export const collectionPolicy = definePolicy<CollectionRow>()({
  read: (actor, c) => actor.kind === 'system' || c.canRead,
  write: (actor, c) =>
    actor.kind === 'system' ||
    (c.canWrite &&
      !isObserverOnly(actor) &&
      (actor.scopes === null || actor.scopes.includes('write'))),
  /** Deleting needs write access; which versions, see `mayDeleteAnyVersion`. */
  delete: (actor, c) =>
    actor.kind === 'system' ||
    (c.canWrite &&
      !isObserverOnly(actor) &&
      (actor.scopes === null || actor.scopes.includes('write'))),
});

/** The secretariat's administrators may delete any version; others only their own shares. */
export const mayDeleteAnyVersion = (actor: Actor): boolean => isPlatformAdmin(actor);

/** Communities are created and their membership changed by the secretariat's administrators. */
export const communityPolicy = definePolicy<null>()({
  manage: (actor) => isPlatformAdmin(actor),
});

export function viewerOf(actor: UserActor): Viewer {
  return { participantId: actor.participantId, userId: actor.userId };
}
