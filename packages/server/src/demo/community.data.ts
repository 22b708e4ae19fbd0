import type { ParticipantKind, Role } from '../auth/roles';

/** The demo community: fictional people at real-looking participants. Not for production. */
export const DEMO_PASSWORD = 'concord-demo-2026';

export interface DemoParticipant {
  slug: string;
  name: string;
  shortName?: string;
  kind: ParticipantKind;
  countryCode?: string;
  description: string;
  website?: string;
  users: { email: string; displayName: string; roles: Role[] }[];
  /** Register a deterministic demo Ed25519 signing key. */
  key?: boolean;
}

export const DEMO_COMMUNITY: DemoParticipant[] = [
  {
    slug: 'secretariat',
    name: 'Concord Secretariat',
    shortName: 'Secretariat',
    kind: 'secretariat',
    description: 'Runs this node, keeps the catalogue of norms and records the regime’s decisions.',
    users: [
      {
        email: 'admin@secretariat.example',
        displayName: 'Sofia Lindqvist',
        roles: ['admin', 'coordinator'],
      },
    ],
    key: true,
  },
  {
    slug: 'estonia',
    name: 'Republic of Estonia',
    shortName: 'Estonia',
    kind: 'state',
    countryCode: 'EST',
    description: 'Cyber-diplomacy unit of the Ministry of Foreign Affairs.',
    users: [
      { email: 'diplomat@estonia.example', displayName: 'Kadri Tamm', roles: ['admin', 'member'] },
    ],
    key: true,
  },
  {
    slug: 'kenya',
    name: 'Republic of Kenya',
    shortName: 'Kenya',
    kind: 'state',
    countryCode: 'KEN',
    description: 'National cyber-policy office.',
    users: [{ email: 'diplomat@kenya.example', displayName: 'Wanjiru Mwangi', roles: ['member'] }],
    key: true,
  },
  {
    slug: 'brazil',
    name: 'Federative Republic of Brazil',
    shortName: 'Brazil',
    kind: 'state',
    countryCode: 'BRA',
    description: 'Office for international cyber affairs.',
    users: [{ email: 'diplomat@brazil.example', displayName: 'Rafael Souza', roles: ['member'] }],
    key: true,
  },
  {
    slug: 'singapore',
    name: 'Republic of Singapore',
    shortName: 'Singapore',
    kind: 'state',
    countryCode: 'SGP',
    description: 'International cyber-policy directorate.',
    users: [
      { email: 'diplomat@singapore.example', displayName: 'Lim Wei Ling', roles: ['member'] },
    ],
    key: true,
  },
  {
    slug: 'cert',
    name: 'Baltic Regional CERT',
    shortName: 'BR-CERT',
    kind: 'cert',
    description: 'Regional computer emergency response team for energy and telecoms operators.',
    users: [{ email: 'analyst@cert.example', displayName: 'Jonas Petrauskas', roles: ['analyst'] }],
  },
  {
    slug: 'vendor',
    name: 'Gridworks Industrial Systems',
    shortName: 'Gridworks',
    kind: 'vendor',
    description: 'Maker of substation controllers; runs a product security incident response team.',
    users: [
      { email: 'psirt@gridworks.example', displayName: 'Maria Keller', roles: ['coordinator'] },
    ],
  },
  {
    slug: 'researcher',
    name: 'Amina Otieno (independent researcher)',
    shortName: 'A. Otieno',
    kind: 'researcher',
    description: 'Independent vulnerability researcher in industrial control systems.',
    users: [{ email: 'researcher@otieno.example', displayName: 'Amina Otieno', roles: ['member'] }],
  },
  {
    slug: 'civil-society',
    name: 'Digital Peace Watch',
    kind: 'civil_society',
    description: 'Non-governmental organisation that follows state behaviour in cyberspace.',
    users: [
      { email: 'observer@peacewatch.example', displayName: 'Tom Okafor', roles: ['observer'] },
    ],
  },
  {
    slug: 'assessor',
    name: 'Independent Assessment Panel',
    shortName: 'IAP',
    kind: 'assessor_body',
    description: 'Assesses how participants implement the norms and reviews allegations.',
    users: [
      { email: 'assessor@panel.example', displayName: 'Dr. Elena Rossi', roles: ['assessor'] },
    ],
  },
];
