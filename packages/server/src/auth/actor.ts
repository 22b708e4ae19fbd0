import type { ParticipantKind, Role, TokenScope } from './roles';

export interface UserActor {
  kind: 'user';
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  participantId: string;
  participantKind: ParticipantKind;
  via: 'session' | 'token';
  /** Scopes of the API token; null for a browser session (the user's full rights). */
  scopes: TokenScope[] | null;
  sessionId: string | null;
  tokenId: string | null;
}

/** The node itself or an operator at the console (`concord users create`, bootstrap, demo). */
export interface SystemActor {
  kind: 'system';
  via: 'cli' | 'system';
  label: string;
}

export type Actor = UserActor | SystemActor;

/** Who did it and from where: what every audit event records. */
export interface RequestContext {
  actor: Actor;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export const systemContext = (
  label = 'system',
  via: 'cli' | 'system' = 'system',
): RequestContext => ({
  actor: { kind: 'system', via, label },
  ip: null,
  userAgent: null,
  requestId: null,
});

export const hasRole = (actor: Actor, role: Role): boolean =>
  actor.kind === 'user' && actor.roles.includes(role);

/** Administrators of the secretariat administer the whole node. */
export const isPlatformAdmin = (actor: Actor): boolean =>
  actor.kind === 'system' || (hasRole(actor, 'admin') && actor.participantKind === 'secretariat');

export const isParticipantAdmin = (actor: Actor, participantId: string): boolean =>
  isPlatformAdmin(actor) ||
  (hasRole(actor, 'admin') && actor.kind === 'user' && actor.participantId === participantId);

export const isObserverOnly = (actor: Actor): boolean =>
  actor.kind === 'user' && actor.roles.length > 0 && actor.roles.every((r) => r === 'observer');
