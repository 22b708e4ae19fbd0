import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';

const templateLiterals = [
  Type.Literal('request_for_information'),
  Type.Literal('incident_notification'),
  Type.Literal('assistance_request'),
  Type.Literal('consultation_request'),
] as const;
const TemplateId = Type.Union([...templateLiterals]);
const AnyTemplate = Type.Union([...templateLiterals, Type.Literal('reply')]);

const AckDueInHours = Type.Integer({
  minimum: 1,
  maximum: 24 * 30,
  description: 'the receiver is asked to acknowledge within this many hours',
});

export const SendMessageBody = Type.Object(
  {
    to: Type.String({ format: 'uuid', description: 'the receiving participant' }),
    template: TemplateId,
    subject: Type.String({ minLength: 1, maxLength: 300 }),
    fields: Type.Record(Type.String(), Type.Unknown(), {
      description: 'the template’s fields (GET /directory/message-templates)',
    }),
    body: Type.Optional(Type.String({ maxLength: 20_000 })),
    ackDueInHours: Type.Optional(AckDueInHours),
  },
  { additionalProperties: false },
);

export const ReplyBody = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    ackDueInHours: Type.Optional(AckDueInHours),
  },
  { additionalProperties: false },
);

export const MessageSchema = Type.Object({
  id: Uuid,
  threadId: Uuid,
  template: AnyTemplate,
  subject: Type.String(),
  fields: Type.Record(Type.String(), Type.String()),
  body: Type.String(),
  from: Type.Object({ participantId: Uuid, name: Type.String(), userId: Nullable(Uuid) }),
  to: Type.Object({ participantId: Uuid, name: Type.String() }),
  direction: Type.Union([Type.Literal('inbox'), Type.Literal('sent')]),
  sentAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
  readAt: Nullable(Timestamp),
  ackDueAt: Nullable(Timestamp),
  acknowledgedAt: Nullable(Timestamp),
  acknowledgedByUserId: Nullable(Uuid),
  overdue: Type.Boolean(),
});

export const ThreadSchema = Type.Object({
  threadId: Uuid,
  subject: Type.String(),
  template: AnyTemplate,
  participants: Type.Array(Type.Object({ id: Uuid, name: Type.String() })),
  messages: Type.Array(MessageSchema),
});

export const MessageQuery = Type.Object({
  box: Type.Optional(
    Type.Union([Type.Literal('inbox'), Type.Literal('sent')], { description: 'default inbox' }),
  ),
  template: Type.Optional(AnyTemplate),
  unread: Type.Optional(Type.Boolean()),
  overdue: Type.Optional(Type.Boolean({ description: 'true: acknowledgement due and not given' })),
  ...PageQuery,
});

export const ThreadParams = Type.Object({ threadId: Uuid });

const Field = Type.Object({
  name: Type.String(),
  label: Type.String(),
  type: Type.Union([Type.Literal('text'), Type.Literal('datetime'), Type.Literal('choice')]),
  required: Type.Boolean(),
  maxLength: Type.Optional(Type.Integer()),
  options: Type.Optional(Type.Array(Type.String())),
});

export const TemplatesSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: TemplateId,
      title: Type.String(),
      purpose: Type.String(),
      fields: Type.Array(Field),
    }),
  ),
});
