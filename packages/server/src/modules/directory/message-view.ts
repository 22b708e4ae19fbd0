/** How a message is presented to one of its two parties. */
import type { MessageTemplate } from './templates';
import type { MessageWithNames } from './message-store';

export interface MessageView {
  id: string;
  threadId: string;
  template: MessageTemplate;
  subject: string;
  fields: Record<string, string>;
  body: string;
  from: { participantId: string; name: string; userId: string | null };
  to: { participantId: string; name: string };
  /** From the viewer's side. */
  direction: 'inbox' | 'sent';
  sentAt: string;
  /** Delivery receipt: stored for the receiver, or accepted by its webhook. */
  deliveredAt: string | null;
  /** Read receipt: when a user of the receiver first opened it. */
  readAt: string | null;
  ackDueAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedByUserId: string | null;
  /** Acknowledgement due and not given. */
  overdue: boolean;
}

export const isOverdue = (m: MessageWithNames, now: Date): boolean =>
  m.acknowledgedAt === null && m.ackDueAt !== null && m.ackDueAt < now;

export function presentMessage(m: MessageWithNames, viewer: string, now: Date): MessageView {
  return {
    id: m.id,
    threadId: m.threadId,
    template: m.template as MessageTemplate,
    subject: m.subject,
    fields: m.fields as Record<string, string>,
    body: m.body,
    from: { participantId: m.fromParticipant, name: m.fromName, userId: m.fromUser },
    to: { participantId: m.toParticipant, name: m.toName },
    direction: m.toParticipant === viewer ? 'inbox' : 'sent',
    sentAt: m.sentAt.toISOString(),
    deliveredAt: m.deliveredAt?.toISOString() ?? null,
    readAt: m.readAt?.toISOString() ?? null,
    ackDueAt: m.ackDueAt?.toISOString() ?? null,
    acknowledgedAt: m.acknowledgedAt?.toISOString() ?? null,
    acknowledgedByUserId: m.acknowledgedByUser,
    overdue: isOverdue(m, now),
  };
}
