/**
 * Who may do what in the directory. The directory is for the community: every signed-in
 * member reads it; each participant keeps its own entries; the secretariat runs ping tests;
 * messages are seen only by the two participants they pass between.
 */
import { definePolicy } from '../../auth/policy';
import { hasRole, isObserverOnly, type Actor } from '../../auth/actor';

const isMember = (actor: Actor): boolean => actor.kind === 'user' || actor.kind === 'system';

const actsFor = (actor: Actor, participantId: string): boolean =>
  actor.kind === 'user' && actor.participantId === participantId;

/** Contacts: read by the community, kept by the participant's administrators and members. */
export const contactPolicy = definePolicy<{ participantId: string } | null>()({
  read: (actor) => isMember(actor),
  edit: (actor, c) =>
    actor.kind === 'system' ||
    (c !== null &&
      actsFor(actor, c.participantId) &&
      (hasRole(actor, 'admin') || hasRole(actor, 'member'))),
});

/** A participant's delivery settings (webhook): its own users read them, its admins set them. */
export const settingsPolicy = definePolicy<{ participantId: string }>()({
  read: (actor, s) => actor.kind === 'system' || actsFor(actor, s.participantId),
  update: (actor, s) =>
    actor.kind === 'system' || (actsFor(actor, s.participantId) && hasRole(actor, 'admin')),
});

const runsPingTests = (actor: Actor): boolean =>
  actor.kind === 'system' ||
  (actor.kind === 'user' &&
    actor.participantKind === 'secretariat' &&
    (hasRole(actor, 'admin') || hasRole(actor, 'coordinator')));

/** Ping tests: launched and closed by the secretariat; results are open to the community. */
export const pingPolicy = definePolicy<{ participantId: string } | null>()({
  read: (actor) => isMember(actor),
  launch: (actor) => runsPingTests(actor),
  close: (actor) => runsPingTests(actor),
  acknowledge: (actor, task) =>
    task !== null && actsFor(actor, task.participantId) && !isObserverOnly(actor),
});

export interface MessageParties {
  fromParticipant: string;
  toParticipant: string;
}

const isParty = (actor: Actor, m: MessageParties | null): boolean =>
  m !== null && (actsFor(actor, m.fromParticipant) || actsFor(actor, m.toParticipant));

/** Messages: only the sender's and the receiver's participants know they exist. */
export const messagePolicy = definePolicy<MessageParties | null>()({
  read: (actor, m) => isParty(actor, m),
  send: (actor) => actor.kind === 'user' && !isObserverOnly(actor),
  reply: (actor, m) => isParty(actor, m) && !isObserverOnly(actor),
  acknowledge: (actor, m) =>
    m !== null && actsFor(actor, m.toParticipant) && !isObserverOnly(actor),
});
