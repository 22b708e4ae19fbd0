/** The demo directory's people and how fast each participant answered the demo ping rounds. */
import type { CreateContactInput } from './contact-service';

export type DemoContact = Omit<CreateContactInput, 'participantId' | 'validFrom'> & {
  /** Validity ends in 20 days, with no successor yet. */
  expiresSoon?: boolean;
};

const allDay = { availability: '24/7' as const };
const office = (timeZone: string, hours = 'Mon–Fri 09:00–17:00') => ({
  availability: 'hours' as const,
  hours,
  timeZone,
});

/** Two primaries for everyone; alternates where a participant keeps them. */
export const CONTACTS: Record<string, DemoContact[]> = {
  secretariat: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Sofia Lindqvist',
      role: 'Head of the Secretariat',
      organisation: 'Concord Secretariat',
      languages: ['en', 'fr', 'sv'],
      channels: { email: 'poc@secretariat.example', phone: '+41225550100' },
      ...office('Europe/Zurich'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Node operations desk',
      role: 'Platform operations',
      organisation: 'Concord Secretariat',
      languages: ['en'],
      channels: {
        email: 'ops@secretariat.example',
        secureHandle: 'matrix:@ops:secretariat.example',
      },
      ...allDay,
    },
  ],
  estonia: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Kadri Tamm',
      role: 'Ambassador-at-large for cyber diplomacy',
      organisation: 'Ministry of Foreign Affairs',
      languages: ['et', 'en', 'ru'],
      channels: { email: 'cyber.poc@mfa.estonia.example', phone: '+3726377000' },
      ...office('Europe/Tallinn'),
    },
    {
      kind: 'diplomatic',
      designation: 'alternate',
      name: 'Mart Kask',
      role: 'Counsellor, cyber policy',
      organisation: 'Ministry of Foreign Affairs',
      languages: ['et', 'en'],
      channels: { email: 'mart.kask@mfa.estonia.example' },
      ...office('Europe/Tallinn'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'CERT-EE duty officer',
      role: 'Incident handling',
      organisation: 'Information System Authority',
      languages: ['et', 'en'],
      channels: { email: 'duty@cert.estonia.example', phone: '+3726630299' },
      ...allDay,
    },
  ],
  kenya: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Wanjiru Mwangi',
      role: 'Director, cyber policy',
      organisation: 'Ministry of Foreign and Diaspora Affairs',
      languages: ['en', 'sw'],
      channels: { email: 'cyber.poc@mfa.kenya.example', phone: '+254203318888' },
      ...office('Africa/Nairobi', 'Mon–Fri 08:00–17:00'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'KE-CIRT/CC duty desk',
      role: 'National incident response',
      organisation: 'Communications Authority of Kenya',
      languages: ['en', 'sw'],
      channels: { email: 'incidents@cirt.kenya.example', phone: '+254703042700' },
      ...allDay,
    },
    {
      kind: 'technical',
      designation: 'alternate',
      name: 'Peter Kamau',
      role: 'Senior incident analyst',
      organisation: 'Communications Authority of Kenya',
      languages: ['en', 'sw'],
      channels: { email: 'p.kamau@cirt.kenya.example', secureHandle: 'signal:+254711000111' },
      ...office('Africa/Nairobi'),
    },
  ],
  brazil: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Rafael Souza',
      role: 'Head, division of cyber affairs',
      organisation: 'Ministry of External Relations',
      languages: ['pt', 'en', 'es'],
      channels: { email: 'cyber.poc@mre.brazil.example', phone: '+556120308000' },
      ...office('America/Sao_Paulo'),
    },
    {
      // Ends within the month with no successor yet: the dashboard flags it.
      kind: 'technical',
      designation: 'primary',
      name: 'Luana Ferreira',
      role: 'Coordinator, CTIR Gov',
      organisation: 'Institutional Security Cabinet',
      languages: ['pt', 'en'],
      channels: { email: 'ctir@gsi.brazil.example', phone: '+556134116000' },
      ...allDay,
      expiresSoon: true,
    },
  ],
  singapore: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Lim Wei Ling',
      role: 'Director, international cyber policy',
      organisation: 'Cyber Security Agency',
      languages: ['en', 'zh', 'ms'],
      channels: { email: 'intl.poc@csa.singapore.example', phone: '+6563231500' },
      ...office('Asia/Singapore', 'Mon–Fri 08:30–18:00'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'SingCERT operations',
      role: 'National CERT',
      organisation: 'Cyber Security Agency',
      languages: ['en'],
      channels: { email: 'singcert@csa.singapore.example', phone: '+6563231501' },
      ...allDay,
    },
  ],
  cert: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Rasa Vaitkutė',
      role: 'Head of cooperation',
      organisation: 'Baltic Regional CERT',
      languages: ['lt', 'en', 'ru'],
      channels: { email: 'cooperation@brcert.example' },
      ...office('Europe/Vilnius'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Jonas Petrauskas',
      role: 'Lead analyst, on call',
      organisation: 'Baltic Regional CERT',
      languages: ['lt', 'en'],
      channels: {
        email: 'oncall@brcert.example',
        phone: '+37052000100',
        secureHandle: 'signal:+37061200100',
      },
      ...allDay,
    },
    {
      kind: 'technical',
      designation: 'alternate',
      name: 'Ieva Jansone',
      role: 'Analyst',
      organisation: 'Baltic Regional CERT',
      languages: ['lv', 'en'],
      channels: { email: 'ieva.jansone@brcert.example' },
      ...office('Europe/Riga'),
    },
  ],
  vendor: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Henrik Vogel',
      role: 'Head of government affairs',
      organisation: 'Gridworks Industrial Systems',
      languages: ['de', 'en'],
      channels: { email: 'gov-affairs@gridworks.example' },
      ...office('Europe/Berlin'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Maria Keller',
      role: 'PSIRT lead',
      organisation: 'Gridworks Industrial Systems',
      languages: ['de', 'en'],
      channels: { email: 'psirt@gridworks.example', phone: '+49895550123' },
      ...allDay,
    },
  ],
  researcher: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Amina Otieno',
      role: 'Independent researcher',
      languages: ['en', 'sw'],
      channels: { email: 'researcher@otieno.example' },
      ...office('Africa/Nairobi', 'Mon–Sat 10:00–19:00'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Amina Otieno',
      role: 'Independent researcher',
      languages: ['en', 'sw'],
      channels: { secureHandle: 'signal:+254722000333' },
      ...office('Africa/Nairobi', 'Mon–Sat 10:00–19:00'),
    },
  ],
  'civil-society': [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Tom Okafor',
      role: 'Policy lead',
      organisation: 'Digital Peace Watch',
      languages: ['en', 'fr'],
      channels: { email: 'policy@peacewatch.example' },
      ...office('Europe/Brussels'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Digital Peace Watch research desk',
      role: 'Research coordinator',
      organisation: 'Digital Peace Watch',
      languages: ['en'],
      channels: { email: 'research@peacewatch.example' },
      ...office('Europe/Brussels'),
    },
  ],
  assessor: [
    {
      kind: 'diplomatic',
      designation: 'primary',
      name: 'Dr. Elena Rossi',
      role: 'Chair of the panel',
      organisation: 'Independent Assessment Panel',
      languages: ['it', 'en', 'fr'],
      channels: { email: 'chair@panel.example' },
      ...office('Europe/Rome'),
    },
    {
      kind: 'technical',
      designation: 'primary',
      name: 'Panel evidence unit',
      role: 'Technical evidence review',
      organisation: 'Independent Assessment Panel',
      languages: ['en'],
      channels: { email: 'evidence@panel.example' },
      ...office('Europe/Rome'),
    },
  ],
};

/**
 * Minutes from announcement to acknowledgement, per participant and round; null or absent:
 * never. Digital Peace Watch has only an observer, who may not acknowledge: it misses both.
 */
export const RESPONSES: Record<string, [older: number | null, recent: number | null]> = {
  secretariat: [3, 2],
  estonia: [25, 12],
  kenya: [95, 180],
  brazil: [240, 30 * 60], // recent round: 30 h against a 24 h deadline, late
  singapore: [50, 40],
  cert: [8, 5],
  vendor: [49 * 60, 300], // older round: late
  researcher: [600, 420],
  assessor: [null, 330], // the panel was between chairs in the first quarter
};
