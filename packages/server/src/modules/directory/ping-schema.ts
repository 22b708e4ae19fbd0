import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';

export const LaunchRoundBody = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    dueInHours: Type.Integer({
      minimum: 1,
      maximum: 24 * 30,
      description: 'acknowledgements after this are late',
    }),
    reminderIntervalMinutes: Type.Optional(
      Type.Integer({
        minimum: 5,
        maximum: 7 * 24 * 60,
        description:
          'remind unacknowledged contacts this often until the round closes (default 60)',
      }),
    ),
  },
  { additionalProperties: false },
);

const TaskStatus = Type.Union([
  Type.Literal('acknowledged'),
  Type.Literal('late'),
  Type.Literal('pending'),
  Type.Literal('overdue'),
  Type.Literal('missed'),
]);

const Rate = Nullable(Type.Number({ minimum: 0, maximum: 1 }));

export const RoundSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  launchedAt: Timestamp,
  launchedByUserId: Nullable(Uuid),
  dueAt: Timestamp,
  reminderIntervalMinutes: Type.Integer(),
  closedAt: Nullable(Timestamp),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  tasks: Type.Integer(),
  acknowledged: Type.Integer(),
  onTime: Type.Integer(),
  responseRate: Rate,
});

const summaryFields = {
  tasks: Type.Integer(),
  acknowledged: Type.Integer(),
  onTime: Type.Integer(),
  late: Type.Integer(),
  pending: Type.Integer(),
  overdue: Type.Integer(),
  missed: Type.Integer(),
  responseRate: Rate,
  onTimeRate: Rate,
  medianResponseSeconds: Nullable(Type.Number()),
};
const Summary = Type.Object(summaryFields);
const Named = Type.Object({ id: Uuid, name: Type.String() });

export const TaskSchema = Type.Object({
  id: Uuid,
  round: Type.Object({
    id: Uuid,
    title: Type.String(),
    dueAt: Timestamp,
    closedAt: Nullable(Timestamp),
  }),
  participant: Named,
  contact: Type.Object({
    id: Uuid,
    name: Type.String(),
    kind: Type.String(),
    designation: Type.String(),
  }),
  sentAt: Timestamp,
  acknowledgedAt: Nullable(Timestamp),
  acknowledgedByUserId: Nullable(Uuid),
  responseSeconds: Nullable(Type.Integer()),
  status: TaskStatus,
  remindersSent: Type.Integer(),
  lastRemindedAt: Nullable(Timestamp),
  nextReminderAt: Nullable(Timestamp),
  delivery: Nullable(
    Type.Object({
      email: Nullable(Type.Union([Type.Literal('sent'), Type.Literal('failed')])),
      webhook: Nullable(Type.Union([Type.Literal('delivered'), Type.Literal('failed')])),
    }),
  ),
});

export const RoundDetailSchema = Type.Object({
  ...RoundSchema.properties,
  summary: Summary,
  participants: Type.Array(
    Type.Object({ participant: Named, ...summaryFields, items: Type.Array(TaskSchema) }),
  ),
});

export const RoundQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
  ...PageQuery,
});

export const MyTasksQuery = Type.Object({
  status: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('acknowledged')], {
      description: 'open: not acknowledged, round still open',
    }),
  ),
  round: Type.Optional(Type.String({ format: 'uuid', description: 'ping round id' })),
  ...PageQuery,
});

export const StatsQuery = Type.Object({
  rounds: Type.Optional(
    Type.Integer({ minimum: 2, maximum: 100, description: 'how many recent rounds (default 12)' }),
  ),
});

const StaleReason = Type.Union([
  Type.Literal('missed_last_two_rounds'),
  Type.Literal('expiring'),
  Type.Literal('expired'),
]);

export const StatsSchema = Type.Object({
  generatedAt: Timestamp,
  rounds: Type.Array(
    Type.Object({
      id: Uuid,
      title: Type.String(),
      launchedAt: Timestamp,
      dueAt: Timestamp,
      closedAt: Nullable(Timestamp),
      ...summaryFields,
    }),
    { description: 'oldest first' },
  ),
  participants: Type.Array(Type.Object({ participant: Named, ...summaryFields })),
  overdueTasks: Type.Array(TaskSchema),
  staleContacts: Type.Array(
    Type.Object({
      contact: Type.Object({
        id: Uuid,
        name: Type.String(),
        kind: Type.String(),
        designation: Type.String(),
        validFrom: Type.String(),
        validUntil: Nullable(Type.String()),
      }),
      participant: Named,
      reasons: Type.Array(StaleReason),
    }),
  ),
});
