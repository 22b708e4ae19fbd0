/**
 * The regime modules' demo data, loaded in order after the community's participants, users and
 * keys, in the same transaction. Each module contributes one loader (its `demo.ts`).
 */
import type { Deps } from '../deps';
import type { ParticipantKind, Role } from '../auth/roles';
import type { RequestContext } from '../auth/actor';
import { loadNormsDemo } from '../modules/norms/demo';
import { loadDirectoryDemo } from '../modules/directory/demo';
import { loadGlossaryDemo } from '../modules/glossary/demo';
import { loadDoctrineDemo } from '../modules/doctrines/demo';
import { loadIntelDemo } from '../modules/intel/demo';

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
}

export interface DemoMember {
  participantId: string;
  kind: ParticipantKind;
  /** The participant's demo users, in the order of community.data.ts. */
  userIds: string[];
  users: DemoUser[];
}

/** Demo participants by slug (community.data.ts). */
export type DemoMembers = Map<string, DemoMember>;

export type RegimeDemoLoader = (deps: Deps, members: DemoMembers) => Promise<void>;

export const REGIME_DEMO: RegimeDemoLoader[] = [
  loadNormsDemo,
  loadDirectoryDemo,
  loadGlossaryDemo,
  loadDoctrineDemo,
  loadIntelDemo,
];

/** A request context acting as one of a demo participant's users (its first by default). */
export function demoActor(member: DemoMember, index = 0): RequestContext {
  const user = member.users[index];
  if (!user) throw new Error(`demo participant ${member.participantId} has no user ${index}`);
  return {
    actor: {
      kind: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.displayName,
      roles: user.roles,
      participantId: member.participantId,
      participantKind: member.kind,
      via: 'session',
      scopes: null,
      sessionId: null,
      tokenId: null,
    },
    ip: null,
    userAgent: 'concord demo',
    requestId: null,
  };
}
