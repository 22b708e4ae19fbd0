/**
 * The directory's periodic job, run by every server process: ping reminders and webhook
 * retries. Each reminder is claimed with a compare-and-swap (see claimReminder), so processes
 * running the job at the same moment never send the same reminder twice.
 */
import type { Deps } from '../../deps';
import { settleBackground } from './background';
import { pushMessage } from './message-service';
import { listUndelivered } from './message-store';
import { announce, planAnnouncements } from './ping-announce';
import { claimReminder, listOpenTasks, type TaskDetail } from './ping-store';
import { isReminderDue } from './reminders';
import { webhookTargets } from './settings-service';

/** Undelivered messages are pushed again for this long after they were sent. */
export const MESSAGE_RETRY_HOURS = 24;
const RETRY_BATCH = 100;

export interface DirectoryJobResult {
  reminders: number;
  messagesDelivered: number;
}

export async function runDirectoryJobs(deps: Deps): Promise<DirectoryJobResult> {
  const reminders = await sendReminders(deps);
  const messagesDelivered = await retryMessageDeliveries(deps);
  return { reminders, messagesDelivered };
}

/** Re-announces every unacknowledged task of an open round whose reminder interval has passed. */
export async function sendReminders(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const due = (await listOpenTasks(deps.database.db)).filter((t) => isReminderDue(t, t.round, now));
  const claimed: TaskDetail[] = [];
  for (const t of due) {
    if (await claimReminder(deps.database.db, t.id, t.remindersSent, now)) {
      claimed.push({ ...t, remindersSent: t.remindersSent + 1, lastRemindedAt: now });
    }
  }
  const plan = await planAnnouncements(deps.database.db, deps, claimed);
  await announce(deps, plan, 'ping.reminder');
  return claimed.length;
}

/** Pushes messages whose receiver's webhook has not accepted them yet. */
export async function retryMessageDeliveries(deps: Deps): Promise<number> {
  const since = new Date(deps.clock.now().getTime() - MESSAGE_RETRY_HOURS * 3_600_000);
  const pending = await listUndelivered(deps.database.db, since, RETRY_BATCH);
  if (pending.length === 0) return 0;
  const targets = await webhookTargets(
    deps.database.db,
    pending.map((m) => m.toParticipant),
  );
  let delivered = 0;
  for (const m of pending) {
    const target = targets.get(m.toParticipant);
    if (target && (await pushMessage(deps, m.id, target))) delivered += 1;
  }
  return delivered;
}

/** Starts the job every `directoryJobIntervalSeconds`; the returned function stops it. */
export function startDirectoryJobs(
  deps: Deps,
  onError: (err: unknown) => void,
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return; // a slow run (webhooks timing out) is not overtaken by the next
    running = runDirectoryJobs(deps)
      .catch(onError)
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, deps.config.directoryJobIntervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
    await settleBackground();
  };
}
