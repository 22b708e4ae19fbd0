import type { Me } from '@concord/api-client';

/** UI-side mirror of the server's policies; the server still decides every request. */

export const isPlatformAdmin = (me: Me): boolean => me.isPlatformAdmin;

export const isParticipantAdmin = (me: Me): boolean => me.roles.includes('admin');

/** Whether the Administration section of the navigation is shown. */
export const canAdminister = (me: Me): boolean => isPlatformAdmin(me) || isParticipantAdmin(me);

export const canCreateParticipants = (me: Me): boolean => isPlatformAdmin(me);

/** Users, keys and details of a participant are managed by its own admins or the platform's. */
export const canManageParticipant = (me: Me, participantId: string): boolean =>
  isPlatformAdmin(me) || (isParticipantAdmin(me) && me.participant.id === participantId);

/** Only the platform suspends or reactivates a participant. */
export const canChangeParticipantStatus = (me: Me): boolean => isPlatformAdmin(me);

export const canViewAudit = (me: Me): boolean => canAdminister(me);

/** States and regional organisations publish doctrines, through their admins and members. */
export const canPublishDoctrine = (me: Me): boolean =>
  (me.participant.kind === 'state' || me.participant.kind === 'regional_organisation') &&
  (me.roles.includes('admin') || me.roles.includes('member'));

/** Accounts that only watch take no part in amendments, messages or definitions. */
export const isObserverOnly = (me: Me): boolean =>
  me.roles.length > 0 && me.roles.every((role) => role === 'observer');

/** Ping rounds are launched and closed by the secretariat's administrators and coordinators. */
export const canRunPingTests = (me: Me): boolean =>
  me.participant.kind === 'secretariat' &&
  (me.roles.includes('admin') || me.roles.includes('coordinator'));

/** The secretariat's administrators keep the harmonised glossary. */
export const canEditGlossary = (me: Me): boolean => isPlatformAdmin(me);

/** Sharing communities and their collections are set up by the secretariat's administrators. */
export const canManageIntelCommunities = (me: Me): boolean => isPlatformAdmin(me);
