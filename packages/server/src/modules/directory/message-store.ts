import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { messages, participants } from '../../db/schema';

export type MessageRow = typeof messages.$inferSelect;
export type MessageWithNames = MessageRow & { fromName: string; toName: string };

const fromP = alias(participants, 'from_p');
const toP = alias(participants, 'to_p');

const columns = { m: messages, fromName: fromP.name, toName: toP.name };

const selectMessages = (db: Db) =>
  db
    .select(columns)
    .from(messages)
    .innerJoin(fromP, eq(fromP.id, messages.fromParticipant))
    .innerJoin(toP, eq(toP.id, messages.toParticipant));

const withNames = (r: { m: MessageRow; fromName: string; toName: string }): MessageWithNames => ({
  ...r.m,
  fromName: r.fromName,
  toName: r.toName,
});

export async function insertMessage(db: Db, row: typeof messages.$inferInsert): Promise<void> {
  await db.insert(messages).values(row);
}

export async function findMessage(db: Db, id: string): Promise<MessageWithNames | null> {
  const [row] = await selectMessages(db).where(eq(messages.id, id)).limit(1);
  return row ? withNames(row) : null;
}

export async function listThread(db: Db, threadId: string): Promise<MessageWithNames[]> {
  const rows = await selectMessages(db)
    .where(eq(messages.threadId, threadId))
    .orderBy(asc(messages.sentAt), asc(messages.id));
  return rows.map(withNames);
}

export interface MessageFilter {
  participantId: string;
  box: 'inbox' | 'sent';
  template?: string;
  unread?: boolean;
  /** Acknowledgement due before this instant and not given. */
  overdueAt?: Date;
  after?: { sentAt: Date; id: string };
}

/** A participant's inbox or sent messages, newest first. */
export async function listMessages(
  db: Db,
  filter: MessageFilter,
  limit: number,
): Promise<MessageWithNames[]> {
  const where: (SQL | undefined)[] = [
    filter.box === 'inbox'
      ? eq(messages.toParticipant, filter.participantId)
      : eq(messages.fromParticipant, filter.participantId),
  ];
  if (filter.template) where.push(eq(messages.template, filter.template));
  if (filter.unread === true) where.push(isNull(messages.readAt));
  if (filter.unread === false) where.push(isNotNull(messages.readAt));
  if (filter.overdueAt) {
    where.push(isNull(messages.acknowledgedAt), lt(messages.ackDueAt, filter.overdueAt));
  }
  if (filter.after) {
    const a = filter.after;
    where.push(
      or(lt(messages.sentAt, a.sentAt), and(eq(messages.sentAt, a.sentAt), lt(messages.id, a.id))),
    );
  }
  const rows = await selectMessages(db)
    .where(and(...where))
    .orderBy(desc(messages.sentAt), desc(messages.id))
    .limit(limit);
  return rows.map(withNames);
}

/** Read receipts: only the first opening counts. Returns the ids it marked. */
export async function markRead(db: Db, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(messages)
    .set({
      readAt: at,
      deliveredAt: sql`coalesce(${messages.deliveredAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(inArray(messages.id, ids), isNull(messages.readAt)))
    .returning({ id: messages.id });
  return rows.map((r) => r.id);
}

export async function markDelivered(db: Db, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ deliveredAt: at })
    .where(and(eq(messages.id, id), isNull(messages.deliveredAt)))
    .returning({ id: messages.id });
  return rows.length > 0;
}

export async function acknowledgeMessage(
  db: Db,
  id: string,
  at: Date,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({
      acknowledgedAt: at,
      acknowledgedByUser: userId,
      readAt: sql`coalesce(${messages.readAt}, ${at.toISOString()}::timestamptz)`,
      deliveredAt: sql`coalesce(${messages.deliveredAt}, ${at.toISOString()}::timestamptz)`,
    })
    .where(and(eq(messages.id, id), isNull(messages.acknowledgedAt)))
    .returning({ id: messages.id });
  return rows.length > 0;
}

/** Messages whose webhook delivery has not succeeded yet, sent since `since`, oldest first. */
export async function listUndelivered(
  db: Db,
  since: Date,
  limit: number,
): Promise<MessageWithNames[]> {
  const rows = await selectMessages(db)
    .where(and(isNull(messages.deliveredAt), gte(messages.sentAt, since)))
    .orderBy(asc(messages.sentAt))
    .limit(limit);
  return rows.map(withNames);
}
