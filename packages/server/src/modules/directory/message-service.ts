/**
 * Structured messages between participants' points of contact: templates, threads,
 * delivery and read receipts, acknowledgement deadlines. A message exists only for its two
 * parties: to anyone else it is "not found", never "forbidden".
 */
import type { Deps } from '../../deps';
import type { RequestContext, UserActor } from '../../auth/actor';
import { authorize, can } from '../../auth/policy';
import type { Db } from '../../db/client';
import { DomainError, forbidden, invalid, notFound } from '../../errors';
import { decodeCursor, toPage, type Page } from '../../lib/cursor';
import { recordAudit } from '../audit/service';
import { findParticipant } from '../participants/store';
import { inBackground } from './background';
import { postWebhook, type WebhookTarget } from './delivery';
import {
  acknowledgeMessage as storeAcknowledge,
  findMessage,
  insertMessage,
  listMessages,
  listThread,
  markDelivered,
  markRead,
  type MessageWithNames,
} from './message-store';
import { presentMessage, type MessageView } from './message-view';
import { messagePolicy } from './policy';
import type { DirectoryErrorCode } from './problems';
import { webhookTargets } from './settings-service';
import {
  normaliseTemplateFields,
  validateTemplateFields,
  type MessageTemplate,
  type TemplateId,
} from './templates';

export const MESSAGE_EVENT = 'message.received';

function asUser(ctx: RequestContext): UserActor {
  if (ctx.actor.kind !== 'user') throw forbidden('Only a participant’s users exchange messages');
  return ctx.actor;
}

/** Loads a message the caller's participant is a party to; anything else does not exist. */
async function visibleMessage(db: Db, ctx: RequestContext, id: string): Promise<MessageWithNames> {
  const m = await findMessage(db, id);
  if (!m || !can(messagePolicy, ctx.actor, 'read', m)) throw notFound('Message');
  return m;
}

export interface SendMessageInput {
  to: string;
  template: TemplateId;
  subject: string;
  fields: Record<string, unknown>;
  body?: string | undefined;
  ackDueInHours?: number | undefined;
}

export async function sendMessage(
  deps: Deps,
  ctx: RequestContext,
  input: SendMessageInput,
): Promise<MessageView> {
  authorize(messagePolicy, ctx.actor, 'send', null);
  const actor = asUser(ctx);
  if (input.to === actor.participantId) throw invalid('to', 'is your own participant');
  const errors = validateTemplateFields(input.template, input.fields);
  if (errors.length > 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      {
        fieldErrors: errors,
      },
    );
  }
  const receiver = await findParticipant(deps.database.db, input.to);
  if (!receiver) throw invalid('to', 'is not a participant');
  if (receiver.status !== 'active') throw invalid('to', 'is suspended and cannot receive messages');
  const id = deps.random.uuid();
  return store(deps, ctx, actor, {
    id,
    threadId: id,
    template: input.template,
    subject: input.subject.trim(),
    fields: normaliseTemplateFields(input.template, input.fields),
    body: input.body?.trim() ?? '',
    to: input.to,
    ackDueInHours: input.ackDueInHours,
  });
}

export async function replyToMessage(
  deps: Deps,
  ctx: RequestContext,
  id: string,
  input: { body: string; ackDueInHours?: number | undefined },
): Promise<MessageView> {
  const original = await visibleMessage(deps.database.db, ctx, id);
  authorize(messagePolicy, ctx.actor, 'reply', original);
  const actor = asUser(ctx);
  const body = input.body.trim();
  if (!body) throw invalid('body', 'is required');
  const to =
    original.fromParticipant === actor.participantId
      ? original.toParticipant
      : original.fromParticipant;
  const subject = /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`;
  return store(deps, ctx, actor, {
    id: deps.random.uuid(),
    threadId: original.threadId,
    template: 'reply',
    subject: subject.slice(0, 300),
    fields: {},
    body,
    to,
    ackDueInHours: input.ackDueInHours,
    inReplyTo: original.id,
  });
}

interface NewMessage {
  id: string;
  threadId: string;
  template: MessageTemplate;
  subject: string;
  fields: Record<string, string>;
  body: string;
  to: string;
  ackDueInHours?: number | undefined;
  inReplyTo?: string;
}

/**
 * Stores a message and, when the receiver has a webhook, pushes it there after the commit.
 * Without a webhook the message is delivered once stored in the receiver's inbox.
 */
async function store(
  deps: Deps,
  ctx: RequestContext,
  actor: UserActor,
  msg: NewMessage,
): Promise<MessageView> {
  const now = deps.clock.now();
  const { view, webhook } = await deps.database.transaction(async (tx) => {
    const webhook = (await webhookTargets(tx, [msg.to])).get(msg.to) ?? null;
    await insertMessage(tx, {
      id: msg.id,
      threadId: msg.threadId,
      template: msg.template,
      subject: msg.subject,
      fields: msg.fields,
      body: msg.body,
      fromParticipant: actor.participantId,
      fromUser: actor.userId,
      toParticipant: msg.to,
      ackDueAt: msg.ackDueInHours ? new Date(now.getTime() + msg.ackDueInHours * 3_600_000) : null,
      sentAt: now,
      deliveredAt: webhook ? null : now,
    });
    await recordAudit(tx, deps.clock, ctx, {
      action: msg.template === 'reply' ? 'message.reply' : 'message.send',
      subjectType: 'message',
      subjectId: msg.id,
      subjectParticipantId: msg.to,
      // The content stays with the parties; the trail records that a message passed.
      details: {
        template: msg.template,
        threadId: msg.threadId,
        to: msg.to,
        ...(msg.inReplyTo ? { inReplyTo: msg.inReplyTo } : {}),
        ...(msg.ackDueInHours ? { ackDueInHours: msg.ackDueInHours } : {}),
      },
    });
    const stored = await findMessage(tx, msg.id);
    if (!stored) throw notFound('Message');
    return { view: presentMessage(stored, actor.participantId, now), webhook };
  });
  if (webhook) inBackground(() => pushMessage(deps, msg.id, webhook).then(() => undefined));
  return view;
}

/**
 * Pushes a message to its receiver's webhook and records the delivery receipt when accepted.
 * The message id is the delivery id, so a receiver recognises a retry of the same message.
 */
export async function pushMessage(deps: Deps, id: string, target: WebhookTarget): Promise<boolean> {
  const m = await findMessage(deps.database.db, id);
  if (!m || m.deliveredAt) return false;
  const outcome = await postWebhook(deps, target, MESSAGE_EVENT, m.id, {
    message: presentMessage(m, m.toParticipant, deps.clock.now()),
  });
  if (outcome.ok) await markDelivered(deps.database.db, id, deps.clock.now());
  return outcome.ok;
}

/** Opens a message; the receiver's first opening is its read receipt. */
export async function getMessage(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<MessageView> {
  const m = await visibleMessage(deps.database.db, ctx, id);
  const actor = asUser(ctx);
  const now = deps.clock.now();
  if (m.toParticipant === actor.participantId && m.readAt === null) {
    await recordReads(deps, ctx, [m], now);
    return presentMessage(
      { ...m, readAt: now, deliveredAt: m.deliveredAt ?? now },
      actor.participantId,
      now,
    );
  }
  return presentMessage(m, actor.participantId, now);
}

async function recordReads(
  deps: Deps,
  ctx: RequestContext,
  unread: MessageWithNames[],
  now: Date,
): Promise<void> {
  if (unread.length === 0) return;
  await deps.database.transaction(async (tx) => {
    const marked = await markRead(
      tx,
      unread.map((m) => m.id),
      now,
    );
    for (const id of marked) {
      const m = unread.find((x) => x.id === id);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'message.read',
        subjectType: 'message',
        subjectId: id,
        subjectParticipantId: m?.fromParticipant ?? null,
        details: { threadId: m?.threadId },
      });
    }
  });
}

export async function acknowledgeMessage(
  deps: Deps,
  ctx: RequestContext,
  id: string,
): Promise<MessageView> {
  return deps.database.transaction(async (tx) => {
    const m = await visibleMessage(tx, ctx, id);
    authorize(messagePolicy, ctx.actor, 'acknowledge', m);
    const actor = asUser(ctx);
    const now = deps.clock.now();
    if (m.acknowledgedAt || !(await storeAcknowledge(tx, id, now, actor.userId))) {
      throw new DomainError<DirectoryErrorCode>(
        'ALREADY_ACKNOWLEDGED',
        `This message was acknowledged at ${m.acknowledgedAt?.toISOString() ?? 'the same time'}`,
      );
    }
    await recordAudit(tx, deps.clock, ctx, {
      action: 'message.acknowledge',
      subjectType: 'message',
      subjectId: id,
      subjectParticipantId: m.fromParticipant,
      details: {
        threadId: m.threadId,
        ackDueAt: m.ackDueAt?.toISOString() ?? null,
        late: m.ackDueAt !== null && now > m.ackDueAt,
      },
    });
    return presentMessage(
      {
        ...m,
        acknowledgedAt: now,
        acknowledgedByUser: actor.userId,
        readAt: m.readAt ?? now,
        deliveredAt: m.deliveredAt ?? now,
      },
      actor.participantId,
      now,
    );
  });
}

export interface MessageQuery {
  box?: 'inbox' | 'sent' | undefined;
  template?: MessageTemplate | undefined;
  unread?: boolean | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function browseMessages(
  deps: Deps,
  ctx: RequestContext,
  query: MessageQuery,
): Promise<Page<MessageView>> {
  const actor = asUser(ctx);
  const cursor = decodeCursor(query.cursor, ['string', 'string']);
  const after = cursor ? { sentAt: new Date(String(cursor[0])), id: String(cursor[1]) } : null;
  if (after && Number.isNaN(after.sentAt.getTime())) {
    throw invalid('cursor', 'is not a cursor this list returned');
  }
  const now = deps.clock.now();
  const rows = await listMessages(
    deps.database.db,
    {
      participantId: actor.participantId,
      box: query.box ?? 'inbox',
      ...(query.template ? { template: query.template } : {}),
      ...(query.unread !== undefined ? { unread: query.unread } : {}),
      ...(query.overdue ? { overdueAt: now } : {}),
      ...(after ? { after } : {}),
    },
    query.limit + 1,
  );
  return toPage(
    rows,
    query.limit,
    (r) => [r.sentAt.toISOString(), r.id],
    (r) => presentMessage(r, actor.participantId, now),
  );
}

export interface ThreadView {
  threadId: string;
  subject: string;
  template: MessageTemplate;
  participants: { id: string; name: string }[];
  messages: MessageView[];
}

/** A whole conversation, oldest first; opening it marks the caller's unread messages read. */
export async function getThread(
  deps: Deps,
  ctx: RequestContext,
  threadId: string,
): Promise<ThreadView> {
  const actor = asUser(ctx);
  const all = await listThread(deps.database.db, threadId);
  const first = all[0];
  if (!first || !can(messagePolicy, ctx.actor, 'read', first)) throw notFound('Thread');
  const now = deps.clock.now();
  const unread = all.filter((m) => m.toParticipant === actor.participantId && m.readAt === null);
  await recordReads(deps, ctx, unread, now);
  const opened = new Set(unread.map((m) => m.id));
  return {
    threadId,
    subject: first.subject,
    template: first.template as MessageTemplate,
    participants: [
      { id: first.fromParticipant, name: first.fromName },
      { id: first.toParticipant, name: first.toName },
    ],
    messages: all.map((m) =>
      presentMessage(
        opened.has(m.id) ? { ...m, readAt: now, deliveredAt: m.deliveredAt ?? now } : m,
        actor.participantId,
        now,
      ),
    ),
  };
}
