/**
 * Demo domestic definitions: paraphrases in the style of each participant's legislation and
 * strategies, written for the demo. They are not quotations of real law.
 */
import type { Alignment } from './divergence';

export interface DemoVariant {
  term: string;
  definition: string;
  source: string;
  sourceUrl?: string;
  aligned: Alignment;
}

const EE = 'https://www.riigiteataja.ee/';
const KE = 'https://new.kenyalaw.org/';
const BR = 'https://www.planalto.gov.br/';
const SG = 'https://sso.agc.gov.sg/';

export const DEMO_VARIANTS: Record<string, DemoVariant[]> = {
  estonia: [
    {
      term: 'critical-infrastructure',
      definition:
        'Systems, networks and assets providing a vital service whose disruption or destruction would seriously harm public health or safety, the economy, or the functioning of the state, including services provided across borders.',
      source: 'Emergency Act, § 36 (vital services), as amended',
      sourceUrl: EE,
      aligned: 'yes',
    },
    {
      term: 'significant-incident',
      definition:
        'An ICT incident that disrupts a vital service, compromises data of many people, or is likely to spread across borders, and which the provider of the service must notify to the Information System Authority without delay.',
      source: 'Cybersecurity Act, § 8 (notification of incidents)',
      sourceUrl: EE,
      aligned: 'yes',
    },
    {
      term: 'intrusion-software',
      definition:
        'Software designed to defeat the protective measures of a computer or network device and to extract data or modify the normal path of execution so that externally provided instructions run, without the authorisation of the owner.',
      source: 'Strategic Goods Act; EU dual-use regulation 2021/821, Annex I',
      sourceUrl: EE,
      aligned: 'yes',
    },
    {
      term: 'legitimate-defensive-measure',
      definition:
        'An action taken on systems one owns or is authorised to protect to prevent, detect, contain or recover from malicious activity, including information sharing, patching, segmentation and incident response, and active measures taken with the consent of the affected owner.',
      source: 'Cybersecurity Strategy 2024–2030, chapter 3',
      sourceUrl: EE,
      aligned: 'partly',
    },
    {
      term: 'proportionate-response',
      definition:
        'A countermeasure that is commensurate with the injury suffered, taking into account the gravity of the internationally wrongful act and the rights in question, and aimed at inducing the responsible state to comply with its obligations.',
      source: 'Position on international law in cyberspace (2019), countermeasures',
      sourceUrl: EE,
      aligned: 'partly',
    },
    {
      term: 'ambiguous-situation',
      definition:
        'An ICT incident whose origin, intent or effects are uncertain enough that a response could be misread as hostile, in particular before attribution reaches the confidence needed for countermeasures.',
      source: 'Cybersecurity Strategy 2024–2030, chapter 5',
      sourceUrl: EE,
      aligned: 'yes',
    },
    {
      term: 'point-of-contact',
      definition:
        'The desk designated to receive and answer communications about ICT incidents and their diplomatic or technical aspects: the Ministry of Foreign Affairs for diplomatic matters and CERT-EE, available around the clock, for technical ones.',
      source: 'Government order on the national cyber points of contact',
      aligned: 'yes',
    },
    {
      term: 'vulnerability',
      definition:
        'A weakness in software, hardware, a service or a process that can be exploited to violate a security property of a system, including weaknesses in configuration.',
      source: 'Cybersecurity Act, § 2',
      sourceUrl: EE,
      aligned: 'yes',
    },
  ],
  kenya: [
    {
      term: 'critical-infrastructure',
      definition:
        'Computer systems and data designated by the Committee as critical information infrastructure because their incapacity or destruction would debilitate national security, the economy, public health or safety, or any combination of those matters.',
      source: 'Computer Misuse and Cybercrimes Act, 2018, s. 9 (designation)',
      sourceUrl: KE,
      aligned: 'partly',
    },
    {
      term: 'significant-incident',
      definition:
        'A cyber threat or attack against critical information infrastructure that the owner must report to the National Computer and Cybercrimes Co-ordination Committee within twenty-four hours of becoming aware of it.',
      source: 'Computer Misuse and Cybercrimes Act, 2018, s. 11',
      sourceUrl: KE,
      aligned: 'no',
    },
    {
      term: 'intrusion-software',
      definition:
        'Any program or device designed or adapted primarily to commit an offence of unauthorised access, interception or interference with a computer system, including passwords and access codes made for that purpose.',
      source: 'Computer Misuse and Cybercrimes Act, 2018, s. 19 (unauthorised devices)',
      sourceUrl: KE,
      aligned: 'no',
    },
    {
      term: 'vulnerability',
      definition:
        'A weakness in software, hardware, a service or a process that can be exploited to violate the confidentiality, integrity or availability of a computer system.',
      source: 'National Cybersecurity Strategy 2022, glossary',
      aligned: 'yes',
    },
    {
      term: 'point-of-contact',
      definition:
        'A person or desk designated by the Government to receive and answer communications about cyber incidents and their security, diplomatic or technical aspects, reachable at all times through the National KE-CIRT/CC.',
      source: 'National Cybersecurity Strategy 2022, pillar 4',
      aligned: 'yes',
    },
    {
      term: 'malicious-ict-activity',
      definition:
        'Use of information and communication technologies intended to compromise the confidentiality, integrity or availability of computer systems or data without authorisation.',
      source: 'National Cybersecurity Strategy 2022, glossary',
      aligned: 'yes',
    },
    {
      term: 'proportionate-response',
      definition:
        'A response whose scale and effects do not exceed what is needed to stop the harm, chosen after regional consultation and exhausting diplomatic means.',
      source: 'Policy statement to the Open-ended Working Group (2023)',
      aligned: 'partly',
    },
  ],
  brazil: [
    {
      term: 'critical-infrastructure',
      definition:
        'Installations, services, goods and systems whose interruption or destruction, total or partial, would cause serious social, environmental, economic, political, international or national-security impact.',
      source: 'Decree No. 9,573/2018, National Policy on Critical Infrastructure Security, art. 2',
      sourceUrl: BR,
      aligned: 'partly',
    },
    {
      term: 'significant-incident',
      definition:
        'A cyber incident that affects the services of a federal public administration body or a critical-infrastructure operator and must be reported to the Government Cyber Incident Management Centre.',
      source: 'Decree No. 10,748/2021, Federal Cyber Incident Management Network',
      sourceUrl: BR,
      aligned: 'no',
    },
    {
      term: 'legitimate-defensive-measure',
      definition:
        'An action taken on systems one owns or is authorised to protect, or in cooperation with their owner, to prevent, detect, contain or recover from malicious activity, including threat-intelligence sharing, patching, segmentation, monitoring and incident response.',
      source: 'National Cybersecurity Strategy (E-Ciber), 2020',
      sourceUrl: BR,
      aligned: 'yes',
    },
    {
      term: 'vulnerability',
      definition: 'A weakness of an asset or control that can be exploited by one or more threats.',
      source: 'GSI/PR Normative Instruction No. 1/2020, glossary',
      aligned: 'partly',
    },
    {
      term: 'ambiguous-situation',
      definition:
        'A situation in which the author or purpose of an ICT incident is not established and any response should therefore favour dialogue through diplomatic channels.',
      source: 'Statement on confidence-building measures, OAS (2022)',
      aligned: 'partly',
    },
    {
      term: 'coordinated-vulnerability-disclosure',
      definition:
        'A process in which the finder of a vulnerability, the affected vendors and operators and, where useful, CTIR Gov as coordinator share information privately so that a remedy is available before the vulnerability is made public.',
      source: 'CTIR Gov vulnerability disclosure policy',
      sourceUrl: BR,
      aligned: 'yes',
    },
    {
      term: 'malicious-ict-activity',
      definition:
        'Any unauthorised action against information systems, data or networks, including unauthorised access, interception, data theft and the dissemination of malicious code.',
      source: 'Law No. 12,737/2012 (computer crimes), explanatory note',
      sourceUrl: BR,
      aligned: 'partly',
    },
  ],
  singapore: [
    {
      term: 'critical-infrastructure',
      definition:
        'A computer or computer system designated by the Commissioner as necessary for the continuous delivery of an essential service, the loss or compromise of which would have a debilitating effect on the availability of that service in Singapore.',
      source: 'Cybersecurity Act 2018, s. 7 (critical information infrastructure)',
      sourceUrl: SG,
      aligned: 'partly',
    },
    {
      term: 'significant-incident',
      definition:
        'A prescribed cybersecurity incident in respect of critical information infrastructure, or an interconnected system, that the owner must notify to the Commissioner within two hours of becoming aware of it.',
      source: 'Cybersecurity (Critical Information Infrastructure) Regulations 2018, reg. 5',
      sourceUrl: SG,
      aligned: 'no',
    },
    {
      term: 'offensive-cyber-capability',
      definition:
        'A combination of intrusion software, exploits, infrastructure, people and procedures held and organised to cause effects in computer systems the holder does not own or is not authorised to defend.',
      source: 'National Cybersecurity Strategy 2021, annex',
      aligned: 'yes',
    },
    {
      term: 'vulnerability',
      definition:
        'A weakness in software, hardware, a service or a process that can be exploited to violate a security property of a computer system, including weaknesses in supply-chain components.',
      source: 'CSA Vulnerability Disclosure Programme terms',
      sourceUrl: SG,
      aligned: 'yes',
    },
    {
      term: 'supply-chain-integrity',
      definition:
        'The assurance that ICT products and services have not been tampered with and contain no hidden functions between their design and their use, verified through the Cybersecurity Labelling Scheme where applicable.',
      source: 'Cybersecurity Labelling Scheme, scheme document',
      sourceUrl: SG,
      aligned: 'yes',
    },
    {
      term: 'point-of-contact',
      definition:
        'A person or desk designated to receive and answer communications about ICT incidents and their security, diplomatic or technical aspects: SingCERT for technical matters, available at all times.',
      source: 'ASEAN CERT points-of-contact arrangements',
      aligned: 'yes',
    },
    {
      term: 'ambiguous-situation',
      definition:
        'An ICT incident whose origin, intent or effects are uncertain enough that a response could be misread as hostile by another state.',
      source: 'ASEAN Regional Forum confidence-building measures work plan',
      aligned: 'yes',
    },
  ],
  cert: [
    {
      term: 'significant-incident',
      definition:
        'An incident with substantial impact on the provision of an essential service: unavailable for more than 2 hours for more than 5,000 users, or affecting operators in more than one member country.',
      source: 'BR-CERT incident classification guideline, v3',
      aligned: 'partly',
    },
    {
      term: 'vulnerability',
      definition:
        'A weakness in software, hardware, a service or a process that can be exploited to violate a security property of a system, including weaknesses in configuration and supply-chain components.',
      source: 'BR-CERT coordinated vulnerability disclosure policy',
      aligned: 'yes',
    },
    {
      term: 'coordinated-vulnerability-disclosure',
      definition:
        'A process in which the finder of a vulnerability, the vendors and operators affected and BR-CERT as coordinator share information privately so that a remedy is available before publication; the embargo is 45 days unless an operator needs longer.',
      source: 'BR-CERT coordinated vulnerability disclosure policy',
      aligned: 'partly',
    },
    {
      term: 'malicious-ict-activity',
      definition:
        'Use of information and communication technologies intended to compromise the confidentiality, integrity or availability of systems or data without authorisation.',
      source: 'BR-CERT taxonomy (based on the Reference Security Incident Taxonomy)',
      aligned: 'yes',
    },
    {
      term: 'legitimate-defensive-measure',
      definition:
        'Monitoring, sinkholing, takedown requests and coordinated containment carried out by or with the constituency’s operators to stop malicious activity.',
      source: 'BR-CERT service description',
      aligned: 'partly',
    },
  ],
};
