/**
 * Demo intelligence: three sharing communities, four collections, an energy-sector campaign
 * with its malware, intrusion set, ATT&CK-style techniques, indicators at every TLP level,
 * relationships, sightings reported by members over the past weeks and three incidents linked
 * to the objects involved. ATT&CK for ICS is loaded on demand:
 * `concord intel import <ics-attack.json> --collection attack-ics`.
 */
import type { Deps } from '../../deps';
import { systemContext, type RequestContext } from '../../auth/actor';
import { demoActor, type DemoMembers } from '../../demo/regime';
import { TLP2, type TlpLevel } from '@concord/stix';
import { createCollection, createCommunity } from './communities';
import { importBundle, reportSighting } from './exchange';
import { loadIncidentDemo } from './demo-incidents';
import { collectionFor } from './service';

const DAY = 86_400_000;

function member(members: DemoMembers, slug: string) {
  const m = members.get(slug);
  if (!m) throw new Error(`demo participant ${slug} missing`);
  return m;
}

export async function loadIntelDemo(deps: Deps, members: DemoMembers): Promise<void> {
  const op = systemContext('demo');
  const cert = member(members, 'cert');
  const vendor = member(members, 'vendor');
  const estonia = member(members, 'estonia');
  const kenya = member(members, 'kenya');
  const singapore = member(members, 'singapore');
  const researcher = member(members, 'researcher');

  const all = await createCommunity(deps, op, {
    slug: 'all-members',
    name: 'All members',
    description: 'Every participant of the regime: the confidence-building indicator exchange.',
    kind: 'all-members',
    members: [],
  });
  const energy = await createCommunity(deps, op, {
    slug: 'energy-certs',
    name: 'Energy-sector CERTs',
    description: 'CERTs, operators and vendors defending electricity and gas networks.',
    kind: 'group',
    members: [
      { participantId: cert.participantId, canRead: true, canWrite: true },
      { participantId: vendor.participantId, canRead: true, canWrite: true },
      { participantId: estonia.participantId, canRead: true, canWrite: true },
      { participantId: singapore.participantId, canRead: true, canWrite: false },
      { participantId: researcher.participantId, canRead: true, canWrite: false },
    ],
  });
  const bilateral = await createCommunity(deps, op, {
    slug: 'estonia-kenya',
    name: 'Estonia–Kenya channel',
    description: 'A bilateral channel set up under a capacity-building agreement.',
    kind: 'bilateral',
    members: [
      { participantId: estonia.participantId, canRead: true, canWrite: true },
      { participantId: kenya.participantId, canRead: true, canWrite: true },
    ],
  });
  const regimeId = await createCollection(deps, op, {
    communityId: all.id,
    title: 'Regime indicators',
    description: 'Indicators of compromise shared by members as a confidence-building measure.',
    alias: 'regime-indicators',
  });
  await createCollection(deps, op, {
    communityId: all.id,
    title: 'MITRE ATT&CK for ICS',
    description:
      'Techniques, software and groups of ATT&CK for ICS; load with `concord intel import`.',
    alias: 'attack-ics',
  });
  const energyId = await createCollection(deps, op, {
    communityId: energy.id,
    title: 'Energy sector',
    description: 'Indicators and reports on intrusions into energy networks.',
    alias: 'energy',
  });
  const bilateralId = await createCollection(deps, op, {
    communityId: bilateral.id,
    title: 'Estonia–Kenya exchange',
    description: 'Bilateral sharing channel.',
    alias: 'estonia-kenya',
  });

  const now = deps.clock.now().getTime();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();
  const sid = (type: string) => `${type}--${deps.random.uuid()}`;
  const mark = (tlp: TlpLevel) => ({ object_marking_refs: [String(TLP2[tlp].id)] });
  const certIdentity = `identity--${cert.participantId}`;
  const base = (type: string, daysAgo: number, tlp: TlpLevel) => ({
    type,
    spec_version: '2.1',
    id: sid(type),
    created: at(daysAgo),
    modified: at(daysAgo),
    created_by_ref: certIdentity,
    ...mark(tlp),
  });

  const identity = {
    type: 'identity',
    spec_version: '2.1',
    id: certIdentity,
    created: at(40),
    modified: at(40),
    name: 'Baltic Regional CERT',
    identity_class: 'organization',
    sectors: ['government'],
    ...mark('clear'),
  };
  const campaign = {
    ...base('campaign', 30, 'green'),
    name: 'Operation Frostline',
    description:
      'A campaign against electricity distribution operators in the Baltic region: spear-phishing of engineering staff, then movement from corporate IT into substation engineering workstations.',
    first_seen: at(45),
    objective: 'Pre-positioning in operational technology networks of distribution operators',
  };
  const intrusionSet = {
    ...base('intrusion-set', 30, 'amber'),
    name: 'COLD HARBOR',
    description: 'Cluster of activity behind Operation Frostline; attribution is under review.',
    aliases: ['TA-FROST'],
    goals: ['access to industrial control networks'],
  };
  const malware = {
    ...base('malware', 28, 'green'),
    name: 'GridSnare',
    description:
      'Modular implant for Windows engineering workstations; one module enumerates IEC 61850 devices and another wipes project files.',
    malware_types: ['backdoor', 'wiper'],
    is_family: true,
    capabilities: ['communicates-with-c2', 'probes-network-environment', 'destroys-data'],
  };
  const technique = (name: string, externalId: string, description: string) => ({
    ...base('attack-pattern', 35, 'clear'),
    name,
    description,
    external_references: [{ source_name: 'mitre-ics-attack', external_id: externalId }],
  });
  const spearphish = technique(
    'Spearphishing Attachment',
    'T0865',
    'Targeted e-mail with a malicious attachment to gain access to engineering staff workstations.',
  );
  const remoteServices = technique(
    'Remote Services',
    'T0886',
    'Use of remote desktop and remote management services to move into the control network.',
  );
  const indicator = (
    name: string,
    pattern: string,
    tlp: TlpLevel,
    daysAgo: number,
    types: string[],
  ) => ({
    ...base('indicator', daysAgo, tlp),
    name,
    pattern,
    pattern_type: 'stix',
    valid_from: at(daysAgo),
    indicator_types: types,
  });
  const indicators = [
    indicator('Frostline C2 server', "[ipv4-addr:value = '198.51.100.23']", 'clear', 26, [
      'malicious-activity',
    ]),
    indicator('Frostline C2 fallback', "[ipv4-addr:value = '203.0.113.77']", 'green', 25, [
      'malicious-activity',
    ]),
    indicator(
      'Phishing sender domain',
      "[domain-name:value = 'grid-maintenance-portal.example']",
      'green',
      24,
      ['attribution'],
    ),
    indicator(
      'GridSnare loader (SHA-256)',
      "[file:hashes.'SHA-256' = 'a3f1c8e2b7d94f0e6c5b2a1d8e7f6c5b4a3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f']",
      'green',
      22,
      ['malicious-activity'],
    ),
    indicator(
      'GridSnare wiper module (SHA-256)',
      "[file:hashes.'SHA-256' = '0f9e8d7c6b5a49382716f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0']",
      'amber',
      20,
      ['malicious-activity'],
    ),
    indicator(
      'Staging URL',
      "[url:value = 'https://cdn-updates.grid-maintenance-portal.example/kb/5021.bin']",
      'amber',
      18,
      ['malicious-activity'],
    ),
    indicator(
      'IEC 61850 scanning from one source',
      "[network-traffic:dst_port = 102 AND network-traffic:src_ref.value = '198.51.100.41']",
      'amber+strict',
      12,
      ['anomalous-activity'],
    ),
    indicator(
      'Operator VPN account misuse',
      "[user-account:account_login = 'svc-scada-vpn'] AND [ipv4-addr:value = '198.51.100.52']",
      'red',
      6,
      ['compromised'],
    ),
  ];
  const rel = (type: string, source: { id: string }, target: { id: string }, tlp: TlpLevel) => ({
    ...base('relationship', 20, tlp),
    relationship_type: type,
    source_ref: source.id,
    target_ref: target.id,
  });
  const relationships = [
    rel('attributed-to', campaign, intrusionSet, 'amber'),
    rel('uses', campaign, malware, 'green'),
    rel('uses', intrusionSet, spearphish, 'green'),
    rel('uses', intrusionSet, remoteServices, 'green'),
    ...indicators
      .slice(0, 6)
      .map((i) =>
        rel(
          'indicates',
          i,
          malware,
          i.object_marking_refs[0] === TLP2.amber.id ? 'amber' : 'green',
        ),
      ),
    rel('indicates', indicators[6]!, campaign, 'amber+strict'),
  ];

  const certCtx: RequestContext = demoActor(cert);
  const regime = await collectionFor(deps, certCtx.actor, regimeId);
  await importBundle(
    deps,
    certCtx,
    regime,
    {
      type: 'bundle',
      id: `bundle--${deps.random.uuid()}`,
      objects: [
        identity,
        campaign,
        intrusionSet,
        malware,
        spearphish,
        remoteServices,
        ...indicators,
        ...relationships,
      ],
    },
    'amber',
  );

  // Sightings reported by members over the past three weeks.
  const reporters = [
    { m: vendor, slug: 'vendor' },
    { m: estonia, slug: 'estonia' },
    { m: singapore, slug: 'singapore' },
  ];
  const sightings: [number, number, number][] = [
    [0, 21, 3],
    [0, 17, 5],
    [0, 14, 2],
    [1, 13, 8],
    [1, 9, 4],
    [2, 7, 1],
    [0, 5, 6],
    [1, 3, 9],
    [2, 2, 2],
    [3, 19, 1],
    [3, 8, 2],
  ];
  for (const [i, daysAgo, count] of sightings) {
    const indicatorIndex = i;
    const reporter = reporters[(daysAgo + count) % reporters.length]!;
    await reportSighting(deps, demoActor(reporter.m), {
      collectionId: regimeId,
      indicatorId: indicators[indicatorIndex]!.id,
      count,
      firstSeen: at(daysAgo),
      lastSeen: at(Math.max(daysAgo - 1, 0)),
      tlp: 'green',
    });
  }

  await loadIncidentDemo(deps, {
    cert: certCtx,
    estonia: demoActor(estonia),
    kenya: demoActor(kenya),
    regimeId,
    bilateralId,
    ids: {
      malware: malware.id,
      campaign: campaign.id,
      spearphish: spearphish.id,
      remoteServices: remoteServices.id,
      indicators: indicators.map((x) => x.id),
    },
  });

  // Energy sector: the vendor's advisory indicators.
  const vendorCtx = demoActor(vendor);
  const energyCol = await collectionFor(deps, vendorCtx.actor, energyId);
  const vendorIdentity = `identity--${vendor.participantId}`;
  await importBundle(
    deps,
    vendorCtx,
    energyCol,
    {
      type: 'bundle',
      id: `bundle--${deps.random.uuid()}`,
      objects: [
        {
          type: 'identity',
          spec_version: '2.1',
          id: vendorIdentity,
          created: at(50),
          modified: at(50),
          name: 'Gridworks Industrial Systems',
          identity_class: 'organization',
          sectors: ['energy', 'manufacturing'],
          ...mark('clear'),
        },
        {
          type: 'vulnerability',
          spec_version: '2.1',
          id: sid('vulnerability'),
          created: at(15),
          modified: at(15),
          created_by_ref: vendorIdentity,
          name: 'GW-2026-0042',
          description:
            'Authentication bypass in the web interface of Gridworks RTU-500 firmware before 4.2.1.',
          ...mark('amber'),
        },
        {
          type: 'indicator',
          spec_version: '2.1',
          id: sid('indicator'),
          created: at(14),
          modified: at(14),
          created_by_ref: vendorIdentity,
          name: 'Exploitation attempts against RTU-500 web interface',
          pattern: "[url:value = 'http://rtu.example/cgi-bin/auth.cgi?user=admin%00']",
          pattern_type: 'stix',
          valid_from: at(14),
          indicator_types: ['malicious-activity'],
          ...mark('amber'),
        },
        {
          type: 'course-of-action',
          spec_version: '2.1',
          id: sid('course-of-action'),
          created: at(14),
          modified: at(14),
          created_by_ref: vendorIdentity,
          name: 'Update RTU-500 firmware to 4.2.1 and restrict the web interface to the engineering VLAN',
          ...mark('green'),
        },
      ],
    },
    'amber',
  );

  // The bilateral channel: a note from Estonia to Kenya.
  const estoniaCtx = demoActor(estonia);
  const channel = await collectionFor(deps, estoniaCtx.actor, bilateralId);
  await importBundle(
    deps,
    estoniaCtx,
    channel,
    {
      type: 'bundle',
      id: `bundle--${deps.random.uuid()}`,
      objects: [
        {
          type: 'note',
          spec_version: '2.1',
          id: sid('note'),
          created: at(4),
          modified: at(4),
          abstract: 'Frostline indicators relevant to East African operators',
          content:
            'Two of the Frostline infrastructure addresses were also seen scanning mobile-money operators. Sharing for awareness; please report sightings in the regime collection.',
          object_refs: [indicators[0]!.id, indicators[1]!.id],
          ...mark('amber'),
        },
      ],
    },
    'amber',
  );
}
