import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { contacts, participants, pingRounds, pingTasks } from '../../db/schema';

export type RoundRow = typeof pingRounds.$inferSelect;
export type TaskRow = typeof pingTasks.$inferSelect;

export interface RoundWithCounts extends RoundRow {
  tasks: number;
  acknowledged: number;
  onTime: number;
}

/** A task with what every view of it shows: its round, contact and participant. */
export interface TaskDetail extends TaskRow {
  round: Pick<
    RoundRow,
    'id' | 'title' | 'dueAt' | 'closedAt' | 'launchedAt' | 'reminderIntervalMinutes'
  >;
  contact: { id: string; name: string; kind: string; designation: string; email: string | null };
  participantName: string;
}

export async function insertRound(db: Db, row: typeof pingRounds.$inferInsert): Promise<void> {
  await db.insert(pingRounds).values(row);
}

export async function insertTasks(db: Db, rows: (typeof pingTasks.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(pingTasks).values(rows);
}

export async function findRound(db: Db, id: string): Promise<RoundRow | null> {
  const [row] = await db.select().from(pingRounds).where(eq(pingRounds.id, id)).limit(1);
  return row ?? null;
}

/** Closes an open round; false when it was already closed. */
export async function closeRound(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(pingRounds)
    .set({ closedAt: at })
    .where(and(eq(pingRounds.id, id), isNull(pingRounds.closedAt)))
    .returning({ id: pingRounds.id });
  return rows.length > 0;
}

// Qualified by hand: inside a sub-select drizzle leaves column names bare.
const roundCount = (extra: string) =>
  sql<number>`(select count(*)::int from ping_tasks t where t.round_id = "ping_rounds"."id" ${sql.raw(extra)})`;
const countColumns = {
  r: pingRounds,
  tasks: roundCount(''),
  acknowledged: roundCount('and t.acknowledged_at is not null'),
  onTime: roundCount('and t.acknowledged_at <= "ping_rounds"."due_at"'),
};

const withCounts = (r: { r: RoundRow; tasks: number; acknowledged: number; onTime: number }) => ({
  ...r.r,
  tasks: r.tasks,
  acknowledged: r.acknowledged,
  onTime: r.onTime,
});

export interface RoundFilter {
  status?: 'open' | 'closed';
  after?: { launchedAt: Date; id: string };
}

/** Newest first. */
export async function listRounds(
  db: Db,
  filter: RoundFilter,
  limit: number,
): Promise<RoundWithCounts[]> {
  const where: SQL[] = [];
  if (filter.status === 'open') where.push(isNull(pingRounds.closedAt));
  if (filter.status === 'closed') where.push(isNotNull(pingRounds.closedAt));
  if (filter.after) {
    const a = filter.after;
    const w = or(
      lt(pingRounds.launchedAt, a.launchedAt),
      and(eq(pingRounds.launchedAt, a.launchedAt), lt(pingRounds.id, a.id)),
    );
    if (w) where.push(w);
  }
  const rows = await db
    .select(countColumns)
    .from(pingRounds)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(pingRounds.launchedAt), desc(pingRounds.id))
    .limit(limit);
  return rows.map(withCounts);
}

export async function findRoundWithCounts(db: Db, id: string): Promise<RoundWithCounts | null> {
  const [row] = await db.select(countColumns).from(pingRounds).where(eq(pingRounds.id, id));
  return row ? withCounts(row) : null;
}

const taskColumns = {
  t: pingTasks,
  round: {
    id: pingRounds.id,
    title: pingRounds.title,
    dueAt: pingRounds.dueAt,
    closedAt: pingRounds.closedAt,
    launchedAt: pingRounds.launchedAt,
    reminderIntervalMinutes: pingRounds.reminderIntervalMinutes,
  },
  contact: {
    id: contacts.id,
    name: contacts.name,
    kind: contacts.kind,
    designation: contacts.designation,
    email: contacts.email,
  },
  participantName: participants.name,
};

type TaskSelect = {
  t: TaskRow;
  round: TaskDetail['round'];
  contact: TaskDetail['contact'];
  participantName: string;
};

const toDetail = (r: TaskSelect): TaskDetail => ({
  ...r.t,
  round: r.round,
  contact: r.contact,
  participantName: r.participantName,
});

const selectTasks = (db: Db) =>
  db
    .select(taskColumns)
    .from(pingTasks)
    .innerJoin(pingRounds, eq(pingRounds.id, pingTasks.roundId))
    .innerJoin(contacts, eq(contacts.id, pingTasks.contactId))
    .innerJoin(participants, eq(participants.id, pingTasks.participantId));

export async function findTask(db: Db, id: string): Promise<TaskDetail | null> {
  const [row] = await selectTasks(db).where(eq(pingTasks.id, id)).limit(1);
  return row ? toDetail(row) : null;
}

/** Every task of the rounds, by participant name and contact. */
export async function listTasksOfRounds(db: Db, roundIds: string[]): Promise<TaskDetail[]> {
  if (roundIds.length === 0) return [];
  const rows = await selectTasks(db)
    .where(inArray(pingTasks.roundId, roundIds))
    .orderBy(asc(participants.name), asc(contacts.kind), asc(contacts.name), asc(pingTasks.id));
  return rows.map(toDetail);
}

/** Unacknowledged tasks of open rounds: the ones reminders and the overdue list are about. */
export async function listOpenTasks(db: Db, dueBefore?: Date): Promise<TaskDetail[]> {
  const rows = await selectTasks(db)
    .where(
      and(
        isNull(pingRounds.closedAt),
        isNull(pingTasks.acknowledgedAt),
        dueBefore ? lt(pingRounds.dueAt, dueBefore) : undefined,
      ),
    )
    .orderBy(asc(pingRounds.dueAt), asc(participants.name), asc(pingTasks.id));
  return rows.map(toDetail);
}

export interface ParticipantTaskFilter {
  participantId: string;
  status?: 'open' | 'acknowledged';
  roundId?: string;
  after?: { sentAt: Date; id: string };
}

/** A participant's task list, newest first. */
export async function listParticipantTasks(
  db: Db,
  filter: ParticipantTaskFilter,
  limit: number,
): Promise<TaskDetail[]> {
  const where: (SQL | undefined)[] = [eq(pingTasks.participantId, filter.participantId)];
  if (filter.status === 'open') {
    where.push(isNull(pingTasks.acknowledgedAt), isNull(pingRounds.closedAt));
  }
  if (filter.status === 'acknowledged') where.push(isNotNull(pingTasks.acknowledgedAt));
  if (filter.roundId) where.push(eq(pingTasks.roundId, filter.roundId));
  if (filter.after) {
    const a = filter.after;
    where.push(
      or(
        lt(pingTasks.sentAt, a.sentAt),
        and(eq(pingTasks.sentAt, a.sentAt), lt(pingTasks.id, a.id)),
      ),
    );
  }
  const rows = await selectTasks(db)
    .where(and(...where))
    .orderBy(desc(pingTasks.sentAt), desc(pingTasks.id))
    .limit(limit);
  return rows.map(toDetail);
}

/** Records an acknowledgement unless one was recorded first; false when it was. */
export async function acknowledgeTask(
  db: Db,
  id: string,
  at: Date,
  userId: string | null,
): Promise<boolean> {
  const rows = await db
    .update(pingTasks)
    .set({ acknowledgedAt: at, acknowledgedByUser: userId })
    .where(and(eq(pingTasks.id, id), isNull(pingTasks.acknowledgedAt)))
    .returning({ id: pingTasks.id });
  return rows.length > 0;
}

/**
 * Claims one reminder of a task: a compare-and-swap on the reminder count, so when several
 * server processes see the same due reminder only one of them sends it.
 */
export async function claimReminder(
  db: Db,
  id: string,
  remindersSent: number,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(pingTasks)
    .set({ remindersSent: remindersSent + 1, lastRemindedAt: at })
    .where(
      and(
        eq(pingTasks.id, id),
        eq(pingTasks.remindersSent, remindersSent),
        isNull(pingTasks.acknowledgedAt),
      ),
    )
    .returning({ id: pingTasks.id });
  return rows.length > 0;
}

export async function setDeliveryStatus(db: Db, id: string, status: string | null): Promise<void> {
  await db.update(pingTasks).set({ deliveryStatus: status }).where(eq(pingTasks.id, id));
}

/** The most recent rounds, newest first. */
export async function listRecentRounds(db: Db, n: number): Promise<RoundRow[]> {
  return db
    .select()
    .from(pingRounds)
    .orderBy(desc(pingRounds.launchedAt), desc(pingRounds.id))
    .limit(n);
}
