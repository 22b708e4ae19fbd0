/** Ping tests: the secretariat checks that every current point of contact answers in time. */
import type { Deps } from '../../deps';
import type { RequestContext } from '../../auth/actor';
import { authorize } from '../../auth/policy';
import { DomainError, notFound } from '../../errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import { inBackground } from './background';
import { listContactsValidOn } from './contact-store';
import { announce, planAnnouncements } from './ping-announce';
import {
  acknowledgeTask as storeAcknowledge,
  closeRound as storeClose,
  findRoundWithCounts,
  findTask,
  insertRound,
  insertTasks,
  listParticipantTasks,
  listRounds,
  listTasksOfRounds,
  type TaskDetail,
} from './ping-store';
import { presentRound, presentTask, type RoundView, type TaskView } from './ping-view';
import { pingPolicy } from './policy';
import type { DirectoryErrorCode } from './problems';
import { summarise, type ResponseSummary } from './stats';
import { utcDate } from './validity';

export const DEFAULT_REMINDER_INTERVAL_MINUTES = 60;

export interface LaunchRoundInput {
  title: string;
  dueInHours: number;
  reminderIntervalMinutes?: number | undefined;
}

/**
 * Opens a round: every contact valid today gets a task, shown in its participant's task list
 * and announced by e-mail and webhook after the round is committed.
 */
export async function launchRound(
  deps: Deps,
  ctx: RequestContext,
  input: LaunchRoundInput,
): Promise<RoundView> {
  authorize(pingPolicy, ctx.actor, 'launch', null);
  const now = deps.clock.now();
  const id = deps.random.uuid();
  const { round, plan } = await deps.database.transaction(async (tx) => {
    const current = await listContactsValidOn(tx, utcDate(now));
    if (current.length === 0) {
      throw new DomainError<DirectoryErrorCode>(
        'NO_CURRENT_CONTACTS',
        'No contact in the directory is valid today: there is nobody to ping',
      );
    }
    await insertRound(tx, {
      id,
      title: input.title.trim(),
      launchedByUser: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
      launchedAt: now,
      dueAt: new Date(now.getTime() + input.dueInHours * 3_600_000),
      reminderIntervalMinutes: input.reminderIntervalMinutes ?? DEFAULT_REMINDER_INTERVAL_MINUTES,
      closedAt: null,
    });
    await insertTasks(
      tx,
      current.map((c) => ({
        id: deps.random.uuid(),
        roundId: id,
        contactId: c.id,
        participantId: c.participantId,
        sentAt: now,
      })),
    );
    await recordAudit(tx, deps.clock, ctx, {
      action: 'ping_round.launch',
      subjectType: 'ping_round',
      subjectId: id,
      details: {
        title: input.title.trim(),
        dueInHours: input.dueInHours,
        tasks: current.length,
        participants: new Set(current.map((c) => c.participantId)).size,
      },
    });
    const tasks = await listTasksOfRounds(tx, [id]);
    return {
      round: await findRoundWithCounts(tx, id),
      plan: await planAnnouncements(tx, deps, tasks),
    };
  });
  if (plan.length > 0) inBackground(() => announce(deps, plan, 'ping.task'));
  if (!round) throw notFound('Ping round');
  return presentRound(round);
}

export async function closeRound(deps: Deps, ctx: RequestContext, id: string): Promise<RoundView> {
  authorize(pingPolicy, ctx.actor, 'close', null);
  return deps.database.transaction(async (tx) => {
    const round = await findRoundWithCounts(tx, id);
    if (!round) throw notFound('Ping round');
    if (!(await storeClose(tx, id, deps.clock.now()))) {
      throw new DomainError<DirectoryErrorCode>(
        'ROUND_CLOSED',
        'This ping round is already closed',
      );
    }
    await recordAudit(tx, deps.clock, ctx, {
      action: 'ping_round.close',
      subjectType: 'ping_round',
      subjectId: id,
      details: { tasks: round.tasks, acknowledged: round.acknowledged },
    });
    return presentRound({ ...round, closedAt: deps.clock.now() });
  });
}

/** A participant's user confirms the ping reached it; the time taken is the measurement. */
export async function acknowledgePingTask(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<TaskView> {
  return deps.database.transaction(async (tx) => {
    const task = await findTask(tx, id);
    if (!task) throw notFound('Ping task');
    authorize(pingPolicy, ctx.actor, 'acknowledge', task);
    if (task.acknowledgedAt) {
      throw new DomainError<DirectoryErrorCode>(
        'ALREADY_ACKNOWLEDGED',
        `This ping task was acknowledged at ${task.acknowledgedAt.toISOString()}`,
      );
    }
    if (task.round.closedAt) {
      throw new DomainError<DirectoryErrorCode>(
        'ROUND_CLOSED',
        'The ping round is closed; it can no longer be acknowledged',
      );
    }
    const now = deps.clock.now();
    const userId = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
    if (!(await storeAcknowledge(tx, id, now, userId))) {
      throw new DomainError<DirectoryErrorCode>('ALREADY_ACKNOWLEDGED', 'Already acknowledged');
    }
    const responseSeconds = Math.round((now.getTime() - task.sentAt.getTime()) / 1000);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'ping_task.acknowledge',
      subjectType: 'ping_task',
      subjectId: id,
      subjectParticipantId: task.participantId,
      details: { roundId: task.roundId, contactId: task.contactId, responseSeconds },
    });
    return presentTask({ ...task, acknowledgedAt: now, acknowledgedByUser: userId }, now);
  });
}

export interface MyTasksQuery {
  status?: 'open' | 'acknowledged' | undefined;
  round?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseMyPingTasks(
  deps: Deps,
  ctx: RequestContext,
  query: MyTasksQuery,
): Promise<Page<TaskView>> {
  authorize(pingPolicy, ctx.actor, 'read', null);
  if (ctx.actor.kind !== 'user') return { items: [], nextCursor: null };
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await listParticipantTasks(
    deps.database.db,
    {
      participantId: ctx.actor.participantId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.round ? { roundId: query.round } : {}),
      ...(cursor ? { after: { sentAt: cursorDate(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  const now = deps.clock.now();
  return toPage(
    rows,
    query.limit,
    (r) => [r.sentAt.toISOString(), r.id],
    (r) => presentTask(r, now),
  );
}

function cursorDate(value: string | number | undefined): Date {
  const d = new Date(String(value));
  if (Number.isNaN(d.getTime())) {
    throw new DomainError('VALIDATION_FAILED', 'cursor: is not a cursor this list returned', {
      fieldErrors: [{ field: 'cursor', message: 'is not a cursor this list returned' }],
    });
  }
  return d;
}

export interface RoundQuery {
  status?: 'open' | 'closed' | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseRounds(
  deps: Deps,
  ctx: RequestContext,
  query: RoundQuery,
): Promise<Page<RoundView>> {
  authorize(pingPolicy, ctx.actor, 'read', null);
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const rows = await listRounds(
    deps.database.db,
    {
      ...(query.status ? { status: query.status } : {}),
      ...(cursor ? { after: { launchedAt: cursorDate(cursor[0]), id: String(cursor[1]) } } : {}),
    },
    query.limit + 1,
  );
  return toPage(rows, query.limit, (r) => [r.launchedAt.toISOString(), r.id], presentRound);
}

export interface ParticipantResult extends ResponseSummary {
  participant: { id: string; name: string };
  tasks: number;
  items: TaskView[];
}

export interface RoundDetail extends RoundView {
  summary: ResponseSummary;
  participants: ParticipantResult[];
}

/** One round on the dashboard: per participant, its tasks, rate, median time and overdue. */
export async function getRound(deps: Deps, ctx: RequestContext, id: string): Promise<RoundDetail> {
  authorize(pingPolicy, ctx.actor, 'read', null);
  const round = await findRoundWithCounts(deps.database.db, id);
  if (!round) throw notFound('Ping round');
  const tasks = await listTasksOfRounds(deps.database.db, [id]);
  const now = deps.clock.now();
  const byParticipant = new Map<string, TaskDetail[]>();
  for (const t of tasks) {
    byParticipant.set(t.participantId, [...(byParticipant.get(t.participantId) ?? []), t]);
  }
  return {
    ...presentRound(round),
    summary: summarise(tasks, now),
    participants: [...byParticipant.values()].map((list) => {
      const first = list[0] as TaskDetail;
      return {
        participant: { id: first.participantId, name: first.participantName },
        ...summarise(list, now),
        items: list.map((t) => presentTask(t, now)),
      };
    }),
  };
}
