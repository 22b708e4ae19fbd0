import type { IconName } from '../components/icons';

/**
 * The regime's modules, in navigation order. `available` turns true as each module's server
 * side lands; until then its page explains what it is for and says it is not yet on this node.
 */
export interface RegimeModule {
  id: string;
  label: string;
  path: string;
  /** A few words under the link in the navigation. */
  hint: string;
  /** What the module is for, in a sentence or two. */
  summary: string;
  /** Who relies on it and for what. */
  uses: string[];
  icon: IconName;
  available: boolean;
  /** Where something of the module's ground is already served, until the module is. */
  meanwhile?: { text: string; to: string; label: string };
}

export const REGIME_MODULES: readonly RegimeModule[] = [
  {
    id: 'norms',
    label: 'Norms',
    path: '/norms',
    hint: 'Catalogue and amendments',
    summary:
      'The catalogue of the norms the community has agreed: what is prohibited, what is restrained, and which defensive measures are expressly legitimate, each in plain language with the definitions and thresholds it depends on. Amendments are proposed, discussed, endorsed and adopted here, with the decision on record.',
    uses: [
      'The eleven UN GGE 2015 norms and the regime’s own, versioned',
      'Harmonised definitions, thresholds and the sectors each norm covers',
      'Amendment proposals, comments, endorsements and recorded adoption',
    ],
    icon: 'shield',
    available: true,
  },
  {
    id: 'doctrines',
    label: 'Doctrines',
    path: '/doctrines',
    hint: 'Positions and commitments',
    summary:
      'Where each participant states, in signed and versioned form, where its red lines are, which thresholds it applies and what it counts as legitimate defence, together with the commitments it has made, so others can see how the same terms are read.',
    uses: [
      'Signed doctrine versions and commitments, kept in the ledger',
      'Side-by-side reading of how participants define the same terms',
      'Answers to allegations, on the record',
    ],
    icon: 'building',
    available: true,
  },
  {
    id: 'glossary',
    label: 'Glossary',
    path: '/glossary',
    hint: 'Harmonised definitions',
    summary:
      'The shared glossary of harmonised definitions and thresholds that the norms rely on, with each participant’s own domestic definition beside it, how similar the two are, and where they diverge.',
    uses: [
      'Harmonised definitions and thresholds',
      'Each participant’s domestic definitions, side by side',
      'Divergence and alignment reports',
    ],
    icon: 'search',
    available: true,
  },
  {
    id: 'directory',
    label: 'Directory',
    path: '/directory',
    hint: 'Points of contact',
    summary:
      'The points-of-contact directory: every participant’s diplomatic and technical contacts, kept trustworthy by periodic ping tests that must be acknowledged within a set time.',
    uses: [
      'Diplomatic and technical contacts for every participant',
      'Scheduled reachability tests and their acknowledgements',
    ],
    icon: 'users',
    available: true,
  },
  {
    id: 'incidents',
    label: 'Incidents',
    path: '/incidents',
    hint: 'Reports and classification',
    summary:
      'Incident reporting for national CERTs and operators, using one shared taxonomy and severity score, with evidence kept under a chain of custody and links to the sectors and norms concerned.',
    uses: [
      'Structured incident reports with a common severity score',
      'Evidence handling with chain of custody',
      'Links to sectors, norms and attribution claims',
    ],
    icon: 'alert',
    available: false,
    meanwhile: {
      text: 'Incidents shared as STIX 2.1 objects, linked to the indicators, malware and techniques involved, are already exchanged in the intelligence module.',
      to: '/intel/incidents',
      label: 'Incidents in the intelligence exchange',
    },
  },
  {
    id: 'intelligence',
    label: 'Intelligence',
    path: '/intel',
    hint: 'STIX/TAXII exchange',
    summary:
      'The intelligence exchange: indicators and observations shared as STIX 2.1 objects in TAXII 2.1 collections, with Traffic Light Protocol markings enforced and sightings reported back to whoever shared them.',
    uses: [
      'TAXII 2.1 collections for CERTs and partner nodes',
      'TLP 2.0 enforcement on every object',
      'Indicators for the local sweep tool',
    ],
    icon: 'search',
    available: true,
  },
  {
    id: 'disclosure',
    label: 'Disclosure',
    path: '/disclosure',
    hint: 'Coordinated vulnerability disclosure',
    summary:
      'Coordinated vulnerability disclosure: a researcher reports a flaw, pseudonymously if they prefer, and follows it through triage, notification of every affected vendor and an agreed embargo to a published CSAF advisory, with a safe-harbour statement recorded on each case.',
    uses: [
      'Researcher identity shielded from vendors unless they agree',
      'Embargo deadlines with justified extensions',
      'CVSS scoring and CSAF 2.0 advisories',
    ],
    icon: 'shield',
    available: false,
  },
  {
    id: 'capabilities',
    label: 'Capabilities',
    path: '/capabilities',
    hint: 'Dual-use registry and licences',
    summary:
      'The registry of authorised dual-use intrusion capabilities, for export-control and oversight authorities: programmes, registered capabilities, licence and transfer decisions, oversight reviews and use authorisations, each traceable and auditable.',
    uses: [
      'Authorised programmes with their legal basis and oversight body',
      'Licence and transfer decisions with conditions and risk factors',
      'Oversight reviews and use authorisations',
    ],
    icon: 'key',
    available: false,
  },
  {
    id: 'cases',
    label: 'Cases',
    path: '/cases',
    hint: 'Accountability and attribution',
    summary:
      'Accountability cases move from allegation through admissibility, notice, response, impartial review and finding to a proportionate recommendation and appeal, and the workflow will not let any step be skipped. Attribution claims are recorded with their confidence and evidence.',
    uses: [
      'Due-process workflow with response windows and review panels',
      'Conflict-of-interest declarations for reviewers',
      'Attribution claims in estimative language, with their basis',
    ],
    icon: 'building',
    available: false,
  },
  {
    id: 'assistance',
    label: 'Assistance',
    path: '/assistance',
    hint: 'Requests, offers and exercises',
    summary:
      'Capacity building: requests for and offers of help with incident response, forensics, training or tooling, matched with consent and sovereignty recorded, tracked against response-time targets and closed with after-action reports. Joint exercises and the local sweep tool belong here too.',
    uses: [
      'Assistance requests and offers, with matching',
      'Joint exercises with scenarios and injects',
      'The sweep tool, which checks logs locally so they never leave the organisation',
    ],
    icon: 'users',
    available: false,
  },
  {
    id: 'assessments',
    label: 'Assessments',
    path: '/assessments',
    hint: 'Implementation and review',
    summary:
      'How well the norms are implemented: self-assessments and independent assessments against an indicator framework, scorecards and trends per participant and per norm, and gap reports that feed amendment proposals.',
    uses: [
      'Indicator framework per norm',
      'Periodic review cycles with scorecards and trends',
      'Gap reports that lead to amendment proposals',
    ],
    icon: 'checkCircle',
    available: false,
  },
  {
    id: 'ledger',
    label: 'Ledger',
    // `/ledger` itself is the server's log API, so the app's page lives beside it.
    path: '/transparency-log',
    hint: 'Verifiable transparency log',
    summary:
      'Every signed statement, whether a commitment, a doctrine version, an incident report, a finding or a licence decision, is appended to an append-only Merkle log. Anyone can check that a statement is included and that nothing was silently rewritten.',
    uses: [
      'Inclusion and consistency proofs (RFC 6962/9162)',
      'Signed checkpoints, cosigned by witness nodes',
      'Salted commitments for restricted records',
    ],
    icon: 'clock',
    available: true,
  },
];

export interface AdminPage {
  label: string;
  path: string;
  hint: string;
}

export const ADMIN_PAGES: readonly AdminPage[] = [
  { label: 'Participants', path: '/admin/participants', hint: 'States, CERTs, vendors and others' },
  { label: 'Users', path: '/admin/users', hint: 'Accounts and roles' },
  { label: 'Audit trail', path: '/admin/audit', hint: 'Who did what, and when' },
];
