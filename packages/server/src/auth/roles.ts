/** Participant kinds and user roles: the vocabulary every module's policies are written in. */
export const PARTICIPANT_KINDS = [
  { id: 'state', label: 'State' },
  { id: 'regional_organisation', label: 'Regional organisation' },
  { id: 'cert', label: 'CERT / CSIRT' },
  { id: 'vendor', label: 'Vendor or operator' },
  { id: 'researcher', label: 'Security researcher' },
  { id: 'civil_society', label: 'Civil society' },
  { id: 'secretariat', label: 'Secretariat' },
  { id: 'assessor_body', label: 'Assessor body' },
] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number]['id'];
export const PARTICIPANT_KIND_IDS = PARTICIPANT_KINDS.map((k) => k.id);

export const ROLES = [
  {
    id: 'admin',
    label: 'Administrator',
    description: "Manages the participant's users and keys; in the secretariat, the whole node.",
  },
  {
    id: 'member',
    label: 'Member',
    description: 'Takes part in the regime on behalf of the participant.',
  },
  {
    id: 'analyst',
    label: 'Analyst',
    description: 'Works with incidents, intelligence and vulnerability cases.',
  },
  {
    id: 'coordinator',
    label: 'Coordinator',
    description: 'Coordinates disclosure, assistance and cases.',
  },
  {
    id: 'assessor',
    label: 'Assessor',
    description: 'Assesses implementation and reviews allegations.',
  },
  {
    id: 'observer',
    label: 'Observer',
    description: 'Reads what the participant may see; changes nothing.',
  },
] as const;
export type Role = (typeof ROLES)[number]['id'];
export const ROLE_IDS = ROLES.map((r) => r.id);

export const TOKEN_SCOPES = [
  { id: 'read', label: 'Read', description: 'Read everything the user may read.' },
  {
    id: 'write',
    label: 'Write',
    description: 'Make changes the user may make (implies nothing about admin).',
  },
  { id: 'admin', label: 'Administer', description: "Use the user's administrator rights." },
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number]['id'];
export const TOKEN_SCOPE_IDS = TOKEN_SCOPES.map((s) => s.id);
