/**
 * Demo directory: contacts for every participant, two ping rounds (an older one and a recent
 * completed one with varied response times, one late participant and one that never answered)
 * and three message threads. Everything goes through the services, on a scripted clock that
 * walks forward from a year ago to the present.
 */
import type { Deps } from '../../deps';
import { systemContext } from '../../auth/actor';
import { FakeClock } from '../../platform/clock';
import { demoActor, type DemoMember, type DemoMembers } from '../../demo/regime';
import { createContact } from './contact-service';
import { CONTACTS, RESPONSES } from './demo-data';
import { acknowledgeMessage, getMessage, replyToMessage, sendMessage } from './message-service';
import { acknowledgePingTask, browseMyPingTasks, closeRound, launchRound } from './ping-service';
import { addDays, utcDate } from './validity';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function member(members: DemoMembers, slug: string): DemoMember {
  const m = members.get(slug);
  if (!m) throw new Error(`demo participant ${slug} is missing`);
  return m;
}

export async function loadDirectoryDemo(deps: Deps, members: DemoMembers): Promise<void> {
  const end = deps.clock.now();
  const clock = new FakeClock(new Date(end.getTime() - 400 * DAY));
  // Demo addresses are fictional: never e-mail them, whatever the node's configuration.
  const demo: Deps = { ...deps, clock, config: { ...deps.config, smtpUrl: null } };
  const system = systemContext('demo', 'system');
  const today = utcDate(end);

  for (const [slug, list] of Object.entries(CONTACTS)) {
    const m = member(members, slug);
    for (const { expiresSoon, ...c } of list) {
      await createContact(demo, system, {
        ...c,
        participantId: m.participantId,
        validFrom: utcDate(clock.now()),
        ...(expiresSoon ? { validUntil: addDays(today, 20) } : {}),
      });
    }
  }

  const secretariat = demoActor(member(members, 'secretariat'));
  const rounds: [title: string, launchedDaysAgo: number, dueInHours: number][] = [
    ['Communications check, first quarter', 70, 48],
    ['Communications check, second quarter', 14, 24],
  ];
  for (const [index, [title, daysAgo, dueInHours]] of rounds.entries()) {
    const launchedAt = end.getTime() - daysAgo * DAY;
    clock.set(new Date(launchedAt));
    const round = await launchRound(demo, secretariat, {
      title,
      dueInHours,
      reminderIntervalMinutes: 240,
    });
    const acks = Object.entries(RESPONSES)
      .flatMap(([slug, minutes]) => {
        const m = minutes[index];
        return typeof m === 'number' ? [{ slug, minutes: m }] : [];
      })
      .sort((a, b) => a.minutes - b.minutes);
    for (const { slug, minutes } of acks) {
      const m = member(members, slug);
      const ctx = demoActor(m);
      const tasks = await browseMyPingTasks(demo, ctx, { round: round.id, limit: 50 });
      for (const [i, task] of tasks.items.entries()) {
        // The second contact of a participant answers a little after the first.
        clock.set(new Date(launchedAt + (minutes + i * 7) * 60_000));
        await acknowledgePingTask(demo, ctx, task.id);
      }
    }
    clock.set(new Date(launchedAt + 7 * DAY));
    await closeRound(demo, secretariat, round.id);
  }

  await loadMessages(demo, clock, members, end);
}

async function loadMessages(
  demo: Deps,
  clock: FakeClock,
  members: DemoMembers,
  end: Date,
): Promise<void> {
  const at = (daysAgo: number, plusHours = 0) =>
    clock.set(new Date(end.getTime() - daysAgo * DAY + plusHours * HOUR));
  const cert = demoActor(member(members, 'cert'));
  const kenya = demoActor(member(members, 'kenya'));
  const estonia = demoActor(member(members, 'estonia'));
  const brazil = demoActor(member(members, 'brazil'));
  const singapore = demoActor(member(members, 'singapore'));

  at(6);
  const incident = await sendMessage(demo, cert, {
    to: member(members, 'kenya').participantId,
    template: 'incident_notification',
    subject: 'Wiper activity against an East African grid operator, infrastructure in Kenya',
    fields: {
      incidentSummary:
        'Our sensors at a regional grid operator observed a wiper (“GRIDFALL”) staged from two servers hosted in Kenya.',
      detectedAt: new Date(end.getTime() - 6 * DAY - 5 * HOUR).toISOString(),
      affectedSystems: 'Substation HMIs and the historian of one transmission operator',
      severity: 'high',
      requestedAction:
        'Please help take down the two staging servers and preserve their logs for forensics.',
      indicators: '196.201.214.17, 196.201.214.18; SHA-256 9f2c…e41a',
    },
    body: 'We are available on the CERT on-call line around the clock.',
    ackDueInHours: 12,
  });
  at(6, 2);
  await getMessage(demo, kenya, incident.id);
  at(6, 3);
  await acknowledgeMessage(demo, kenya, incident.id);
  at(6, 9);
  await replyToMessage(demo, kenya, incident.id, {
    body: 'KE-CIRT/CC has contacted the hosting provider; both servers are isolated and imaged. Logs follow through the secure channel.',
  });
  at(6, 10);
  await getMessage(demo, cert, incident.id);

  at(3);
  const consultation = await sendMessage(demo, estonia, {
    to: member(members, 'brazil').participantId,
    template: 'consultation_request',
    subject: 'Scanning of government networks from addresses registered in Brazil',
    fields: {
      concern:
        'Since Monday, systematic scanning of our government networks originates from address ranges registered to a Brazilian university.',
      clarificationSought:
        'Is this an authorised research project or an exercise known to your authorities?',
      proposedChannel: 'video_call',
      proposedTimeframe: 'within 48 hours',
      deEscalationMeasures: 'We are treating the activity as non-hostile while we consult.',
    },
    ackDueInHours: 48,
  });
  at(2, 4);
  await getMessage(demo, brazil, consultation.id);
  await acknowledgeMessage(demo, brazil, consultation.id);
  const reply = await replyToMessage(demo, brazil, consultation.id, {
    body: 'The scanning is part of an internet-measurement study at the university; it has been paused and the researchers will publish their opt-out list. We propose a call on Thursday 14:00 UTC.',
  });
  at(2, 6);
  await getMessage(demo, estonia, reply.id);

  at(1);
  await sendMessage(demo, singapore, {
    to: member(members, 'kenya').participantId,
    template: 'request_for_information',
    subject: 'Phishing kit targeting ministries in both our countries',
    fields: {
      topic: 'Credential-phishing kit impersonating ministry webmail',
      questions:
        'Have you seen this kit against Kenyan ministries? Which hosting providers served it?',
      purpose: 'To coordinate take-down requests and warn our agencies.',
      respondBy: new Date(end.getTime() + 2 * DAY).toISOString(),
    },
    ackDueInHours: 72,
  });
  clock.set(end);
}
