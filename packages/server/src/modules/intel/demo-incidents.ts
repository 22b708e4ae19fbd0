/**
 * Demo incidents: three members report incidents and link the demo objects involved, with RSIT
 * classes (MISP taxonomy `rsit`) and sectors as labels. Called by demo.ts once those objects exist.
 */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { reportIncident } from './incidents';

export interface IncidentDemoInput {
  cert: RequestContext;
  estonia: RequestContext;
  kenya: RequestContext;
  regimeId: string;
  bilateralId: string;
  /** Ids of the demo objects the incidents link to; `indicators` in demo.ts order. */
  ids: {
    malware: string;
    campaign: string;
    spearphish: string;
    remoteServices: string;
    indicators: string[];
  };
}

export async function loadIncidentDemo(deps: Deps, d: IncidentDemoInput): Promise<void> {
  // Incidents reported by members, linked to the objects involved (RSIT classes as labels).
  await reportIncident(deps, d.cert, {
    collectionId: d.regimeId,
    name: 'Wiper attack on substation engineering workstations',
    description:
      'A distribution operator lost the project files of six substation engineering workstations to a wiper. Protection relays kept working; the operator ran the affected substations by hand for two days. The workstations had been reached from the corporate network over remote desktop after a spear-phishing e-mail to an engineer.',
    labels: [
      'rsit:availability="sabotage"',
      'rsit:intrusions="system-compromise"',
      'sector:energy',
    ],
    tlp: 'green',
    links: [
      { objectId: d.ids.malware, relationshipType: 'uses' },
      { objectId: d.ids.campaign, relationshipType: 'attributed-to' },
      { objectId: d.ids.spearphish, relationshipType: 'uses' },
      { objectId: d.ids.remoteServices, relationshipType: 'uses' },
      { objectId: d.ids.indicators[0]! },
      { objectId: d.ids.indicators[3]! },
      { objectId: d.ids.indicators[4]! },
    ],
  });
  await reportIncident(deps, d.estonia, {
    collectionId: d.regimeId,
    name: 'Spear-phishing of engineers at a gas transmission operator',
    description:
      'Twelve engineers received e-mails from the Frostline sender domain with a maintenance-portal lure. Two opened the attachment; both workstations were isolated before any movement into the control network.',
    labels: ['rsit:fraud="phishing"', 'sector:energy'],
    tlp: 'amber',
    links: [
      { objectId: d.ids.indicators[2]! },
      { objectId: d.ids.spearphish, relationshipType: 'uses' },
    ],
  });
  await reportIncident(deps, d.kenya, {
    collectionId: d.bilateralId,
    name: 'Scanning of mobile-money operators from Frostline infrastructure',
    description:
      'Two mobile-money operators saw sustained scanning of their payment gateways from addresses listed as Frostline C2. No intrusion was found.',
    labels: ['rsit:information-gathering="scanner"', 'sector:finance'],
    tlp: 'amber',
    links: [{ objectId: d.ids.indicators[0]! }, { objectId: d.ids.indicators[1]! }],
  });
}
