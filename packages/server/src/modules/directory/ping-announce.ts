/**
 * Announces ping tasks outside the app: an e-mail to the contact (when SMTP is configured)
 * and a signed POST to the participant's webhook (when it has one). The outcome is stored on
 * the task; a failed announcement is repeated by the next reminder.
 */
import type { Deps } from '../../deps';
import type { Db } from '../../db/client';
import { emailEnabled, postWebhook, sendMail, type Outcome, type WebhookTarget } from './delivery';
import { formatDeliveryStatus } from './delivery-status';
import { setDeliveryStatus, type TaskDetail } from './ping-store';
import { webhookTargets } from './settings-service';

export type PingEvent = 'ping.task' | 'ping.reminder';

export interface Announcement {
  task: TaskDetail;
  webhook: WebhookTarget | null;
  email: string | null;
}

/** Who to tell, decided inside the transaction that created (or claimed) the tasks. */
export async function planAnnouncements(
  db: Db,
  deps: Deps,
  tasks: TaskDetail[],
): Promise<Announcement[]> {
  const targets = await webhookTargets(
    db,
    tasks.map((t) => t.participantId),
  );
  return tasks
    .map((task) => ({
      task,
      webhook: targets.get(task.participantId) ?? null,
      email: emailEnabled(deps.config) ? task.contact.email : null,
    }))
    .filter((a) => a.webhook !== null || a.email !== null);
}

const CONCURRENCY = 8;

export async function announce(deps: Deps, plan: Announcement[], event: PingEvent): Promise<void> {
  for (let i = 0; i < plan.length; i += CONCURRENCY) {
    await Promise.all(plan.slice(i, i + CONCURRENCY).map((a) => announceOne(deps, a, event)));
  }
}

async function announceOne(deps: Deps, a: Announcement, event: PingEvent): Promise<void> {
  const [email, webhook] = await Promise.all([
    a.email ? sendMail(deps.config, pingMail(deps, a.task, a.email, event)) : null,
    a.webhook
      ? postWebhook(deps, a.webhook, event, deps.random.uuid(), { task: pingPayload(deps, a.task) })
      : null,
  ]);
  const status = formatDeliveryStatus({
    email: outcome(email, 'sent'),
    webhook: outcome(webhook, 'delivered'),
  });
  await setDeliveryStatus(deps.database.db, a.task.id, status);
}

const outcome = <T extends string>(o: Outcome | null, ok: T): T | 'failed' | null =>
  o === null ? null : o.ok ? ok : 'failed';

const base = (deps: Deps) => deps.config.publicUrl?.replace(/\/+$/, '') ?? '';

function pingPayload(deps: Deps, t: TaskDetail) {
  return {
    id: t.id,
    round: { id: t.round.id, title: t.round.title, dueAt: t.round.dueAt.toISOString() },
    participantId: t.participantId,
    contact: { id: t.contact.id, name: t.contact.name, kind: t.contact.kind },
    sentAt: t.sentAt.toISOString(),
    remindersSent: t.remindersSent,
    acknowledgeUrl: `${base(deps)}/api/v1/directory/ping-tasks/${t.id}/acknowledge`,
  };
}

function pingMail(deps: Deps, t: TaskDetail, to: string, event: PingEvent) {
  const due = t.round.dueAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const reminder = event === 'ping.reminder';
  return {
    to,
    subject: `${reminder ? 'Reminder: ' : ''}Concord ping test "${t.round.title}": acknowledge by ${due}`,
    text: [
      `Dear ${t.contact.name},`,
      '',
      `The secretariat is checking that the points of contact in the directory can be reached.`,
      `Please acknowledge this ping test for ${t.participantName} (${t.contact.kind} contact) by ${due}:`,
      `sign in to Concord${base(deps) ? ` at ${base(deps)}` : ''} and open your ping tasks in the directory.`,
      '',
      `Ping task: ${t.id}`,
      reminder ? `This is reminder ${t.remindersSent}.` : '',
    ]
      .join('\n')
      .trimEnd(),
  };
}
