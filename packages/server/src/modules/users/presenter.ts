import type { ParticipantKind, Role } from '../../auth/roles';
import type { UserWithParticipant } from './store';

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  status: 'active' | 'disabled';
  participant: { id: string; name: string; kind: ParticipantKind; countryCode: string | null };
  lastLoginAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

/** An explicit allow-list: the password hash and counters never leave the server. */
export function presentUser(u: UserWithParticipant, now: Date): UserView {
  return {
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    roles: u.roles as Role[],
    status: u.status as UserView['status'],
    participant: {
      id: u.participant.id,
      name: u.participant.name,
      kind: u.participant.kind as ParticipantKind,
      countryCode: u.participant.countryCode,
    },
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    lockedUntil: u.lockedUntil && u.lockedUntil > now ? u.lockedUntil.toISOString() : null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
