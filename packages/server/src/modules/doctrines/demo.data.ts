/**
 * Demo doctrines: written for the demo in the style of published national positions on
 * international law and cyber norms. Not statements of any real government.
 */
import type { DoctrineDocument } from './document';

export type DemoDoctrine = Omit<DoctrineDocument, 'participantId' | 'version' | 'previousVersion'>;

const estoniaV1: DemoDoctrine = {
  title: 'Estonia’s position on responsible state behaviour in cyberspace',
  summary:
    'International law, including the UN Charter, applies in cyberspace. Estonia will not conduct or knowingly support ICT operations that damage critical infrastructure, and it treats such operations against it as serious violations. Estonia invests in resilience and shares what it learns with partners.',
  redLines: [
    'No ICT operation that intentionally damages or impairs critical infrastructure providing services to the public.',
    'No operation against the technical integrity of electoral systems.',
    'No harm to the information systems of national or regional CERTs.',
  ],
  thresholds: [
    'An operation whose effects are comparable to those of a kinetic attack is a use of force.',
    'Disruption of a vital service for more than 24 hours is a significant incident.',
  ],
  permissibleDefence: [
    'Patching, segmentation, monitoring and incident response on our own and authorised systems.',
    'Sharing threat intelligence with partners and the regional CERT.',
    'Countermeasures that are proportionate and aimed at ending an internationally wrongful act.',
  ],
  commitments: [
    {
      normId: 'GGE-2015-13f',
      statement:
        'Estonia will not conduct or knowingly support ICT activity that damages critical infrastructure.',
    },
    {
      normId: 'GGE-2015-13k',
      statement:
        'Estonia will not harm the information systems of authorised emergency response teams.',
    },
    {
      normId: 'CONCORD-R1',
      statement: 'Estonia will not conduct operations meant to disable critical infrastructure.',
    },
    {
      normId: 'GGE-2015-13h',
      statement:
        'Estonia will answer requests for assistance from states whose critical infrastructure is attacked.',
      conditions:
        'Within the capacity of CERT-EE and subject to the requesting state’s consent to information sharing.',
    },
    {
      normId: 'CONCORD-R5',
      statement:
        'Estonia shares threat intelligence and supports incident response across the region.',
    },
  ],
  visibility: 'public',
};

const estoniaV2: DemoDoctrine = {
  ...estoniaV1,
  title: 'Estonia’s position on responsible state behaviour in cyberspace (2025 update)',
  summary:
    'International law, including the UN Charter, applies in cyberspace. Estonia will not conduct or knowingly support ICT operations that damage critical infrastructure, and it treats such operations against it as serious violations. Estonia invests in resilience, shares what it learns with partners and will not escalate while the facts of an incident are unclear.',
  redLines: [
    'No ICT operation that intentionally damages or impairs critical infrastructure providing services to the public.',
    'No operation against the technical integrity of electoral systems or voter registers.',
    'No harm to the information systems of national or regional CERTs.',
    'No operation that disrupts the general availability of the public core of the internet.',
  ],
  commitments: [
    ...estoniaV1.commitments,
    {
      normId: 'CONCORD-R7',
      statement:
        'Estonia will not escalate in ambiguous situations and will first seek consultation through points of contact.',
    },
    {
      normId: 'GGE-2015-13j',
      statement:
        'Estonia operates a coordinated vulnerability disclosure process and protects good-faith researchers.',
    },
  ],
};

const kenya: DemoDoctrine = {
  title: 'Kenya national statement on cyber norms and capacity',
  summary:
    'Kenya supports the framework of responsible state behaviour and emphasises cooperation, capacity building and the protection of critical information infrastructure on which development depends.',
  redLines: [
    'No ICT operation against critical information infrastructure, including mobile-money platforms.',
    'No use of ICTs to interfere in Kenya’s internal affairs.',
  ],
  thresholds: [
    'An attack on critical information infrastructure that interrupts financial services nationwide.',
  ],
  permissibleDefence: [
    'Incident response and recovery led by KE-CIRT/CC.',
    'Regional cooperation on cybercrime investigations.',
  ],
  commitments: [
    {
      normId: 'GGE-2015-13a',
      statement:
        'Kenya cooperates with other states to increase stability and security in the use of ICTs.',
    },
    {
      normId: 'GGE-2015-13d',
      statement: 'Kenya cooperates against criminal and terrorist use of ICTs.',
      conditions:
        'Through mutual legal assistance and consistent with the Data Protection Act, 2019.',
    },
    {
      normId: 'GGE-2015-13f',
      statement: 'Kenya will not conduct ICT activity that damages critical infrastructure.',
    },
    {
      normId: 'CONCORD-R6',
      statement: 'Kenya encourages responsible vulnerability disclosure.',
    },
  ],
  visibility: 'public',
};

const brazil: DemoDoctrine = {
  title: 'Brazil: principles for a peaceful and cooperative cyberspace',
  summary:
    'Brazil holds that cyberspace must be used for peaceful purposes, that disputes should be settled by peaceful means, and that states must refrain from operations that disrupt the services on which citizens depend.',
  redLines: [
    'No operation that causes mass disruption of public services.',
    'No theft of sensitive personal data to cause harm.',
  ],
  thresholds: ['Effects on essential services in more than one state.'],
  permissibleDefence: [
    'Hardening, containment and recovery measures on national networks.',
    'Threat-intelligence sharing through CTIR Gov and regional partners.',
  ],
  commitments: [
    {
      normId: 'CONCORD-R2',
      statement: 'Brazil will not conduct operations meant to cause mass disruption.',
    },
    {
      normId: 'CONCORD-R3',
      statement: 'Brazil will not steal sensitive data to cause harm.',
    },
    {
      normId: 'GGE-2015-13e',
      statement:
        'Brazil respects human rights, including privacy and freedom of expression, online.',
    },
    {
      normId: 'CONCORD-R8',
      statement: 'Brazil will respond to incidents proportionately.',
      conditions:
        'After the incident has been attributed with high confidence and diplomatic means have been tried.',
    },
  ],
  visibility: 'public',
};

/** Community-only: shared with the community, not yet with the public. */
const singapore: DemoDoctrine = {
  title: 'Singapore: operational commitments (community edition)',
  summary:
    'Singapore’s operational commitments to the community, covering the protection of critical information infrastructure, supply-chain security and non-escalation. Shared with the community ahead of public release.',
  redLines: [
    'No ICT operation that impairs critical information infrastructure in any ASEAN member state.',
    'No insertion of hidden functions into ICT products supplied to other states.',
  ],
  thresholds: [
    'Compromise of a critical information infrastructure system that must be notified to the Commissioner.',
  ],
  permissibleDefence: [
    'Coordinated incident response by SingCERT with affected operators.',
    'Security labelling and testing of ICT products.',
  ],
  commitments: [
    {
      normId: 'GGE-2015-13g',
      statement:
        'Singapore protects its critical information infrastructure under the Cybersecurity Act.',
    },
    {
      normId: 'GGE-2015-13i',
      statement: 'Singapore works to keep ICT supply chains sound.',
    },
    {
      normId: 'CONCORD-R7',
      statement: 'Singapore will not escalate in ambiguous situations.',
      conditions:
        'Provided the other party engages through the points-of-contact directory within 24 hours.',
    },
    {
      normId: 'CONCORD-R9',
      statement: 'Singapore controls intrusion capabilities through export licensing.',
    },
  ],
  visibility: 'community',
};

/** Each state's versions, oldest first, with how many days ago each was published. */
export const DEMO_DOCTRINES: Record<string, { daysAgo: number; doctrine: DemoDoctrine }[]> = {
  estonia: [
    { daysAgo: 410, doctrine: estoniaV1 },
    { daysAgo: 35, doctrine: estoniaV2 },
  ],
  kenya: [{ daysAgo: 220, doctrine: kenya }],
  brazil: [{ daysAgo: 130, doctrine: brazil }],
  singapore: [{ daysAgo: 21, doctrine: singapore }],
};
