/**
 * The ping-test dashboard: response rate per round over time (a chart), each participant's
 * rate and median time, overdue tasks, and stale contacts.
 */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { listAllContacts } from './contact-store';
import { listOpenTasks, listRecentRounds, listTasksOfRounds, type TaskDetail } from './ping-store';
import { presentTask, type TaskView } from './ping-view';
import { pingPolicy } from './policy';
import { staleReasons, summarise, type ResponseSummary, type StaleReason } from './stats';
import { utcDate } from './validity';

export const DEFAULT_STATS_ROUNDS = 12;

export interface RoundPoint extends ResponseSummary {
  id: string;
  title: string;
  launchedAt: string;
  dueAt: string;
  closedAt: string | null;
}

export interface StaleContact {
  contact: {
    id: string;
    name: string;
    kind: string;
    designation: string;
    validFrom: string;
    validUntil: string | null;
  };
  participant: { id: string; name: string };
  reasons: StaleReason[];
}

export interface PingStats {
  generatedAt: string;
  /** Oldest first, for a chart. */
  rounds: RoundPoint[];
  /** Over the same rounds, by participant name. */
  participants: (ResponseSummary & { participant: { id: string; name: string } })[];
  overdueTasks: TaskView[];
  staleContacts: StaleContact[];
}

export async function pingStats(
  deps: Deps,
  ctx: RequestContext,
  query: { rounds?: number | undefined },
): Promise<PingStats> {
  authorize(pingPolicy, ctx.actor, 'read', null);
  const db = deps.database.db;
  const now = deps.clock.now();
  const rounds = (await listRecentRounds(db, query.rounds ?? DEFAULT_STATS_ROUNDS)).reverse();
  const tasks = await listTasksOfRounds(
    db,
    rounds.map((r) => r.id),
  );
  const byRound = group(tasks, (t) => t.roundId);
  const byParticipant = group(tasks, (t) => t.participantId);

  // Each contact's pings in rounds already due, most recent round first.
  const history = new Map<string, TaskDetail[]>();
  const newestFirst = [...tasks].sort(
    (a, b) => b.round.launchedAt.getTime() - a.round.launchedAt.getTime(),
  );
  for (const t of newestFirst) {
    if (t.round.dueAt > now) continue;
    history.set(t.contactId, [...(history.get(t.contactId) ?? []), t]);
  }
  const contacts = await listAllContacts(db);
  const today = utcDate(now);
  const staleContacts = contacts
    .map((c) => ({ c, reasons: staleReasons(c, contacts, history, today) }))
    .filter((s) => s.reasons.length > 0)
    .sort(
      (a, b) =>
        a.c.participantName.localeCompare(b.c.participantName) || a.c.name.localeCompare(b.c.name),
    )
    .map(({ c, reasons }) => ({
      contact: {
        id: c.id,
        name: c.name,
        kind: c.kind,
        designation: c.designation,
        validFrom: c.validFrom,
        validUntil: c.validUntil,
      },
      participant: { id: c.participantId, name: c.participantName },
      reasons,
    }));

  return {
    generatedAt: now.toISOString(),
    rounds: rounds.map((r) => ({
      id: r.id,
      title: r.title,
      launchedAt: r.launchedAt.toISOString(),
      dueAt: r.dueAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      ...summarise(byRound.get(r.id) ?? [], now),
    })),
    participants: [...byParticipant.values()]
      .map((list) => {
        const first = list[0] as TaskDetail;
        return {
          participant: { id: first.participantId, name: first.participantName },
          ...summarise(list, now),
        };
      })
      .sort((a, b) => a.participant.name.localeCompare(b.participant.name)),
    overdueTasks: (await listOpenTasks(db, now)).map((t) => presentTask(t, now)),
    staleContacts,
  };
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
