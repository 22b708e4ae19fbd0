import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';

export const ContactKind = Type.Union([Type.Literal('diplomatic'), Type.Literal('technical')]);
export const Designation = Type.Union([Type.Literal('primary'), Type.Literal('alternate')]);
const Availability = Type.Union([Type.Literal('24/7'), Type.Literal('hours')], {
  description: '24/7, or office hours given by `hours` in `timeZone`',
});
export const isoDate = (description = 'ISO 8601 calendar date, YYYY-MM-DD (UTC days)') =>
  Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
export const IsoDate = isoDate();
const uuid = (description: string) => Type.String({ format: 'uuid', description });

/** Replaced as a whole on update. */
const Channels = Type.Object(
  {
    email: Type.Optional(Nullable(Type.String({ maxLength: 254 }))),
    phone: Type.Optional(
      Nullable(Type.String({ maxLength: 16, description: 'E.164, e.g. +254201234567' })),
    ),
    secureHandle: Type.Optional(
      Nullable(
        Type.String({
          maxLength: 200,
          description: '<service>:<address>, e.g. signal:+37255512345',
        }),
      ),
    ),
  },
  { additionalProperties: false, description: 'At least one channel' },
);

const fields = {
  kind: ContactKind,
  designation: Designation,
  name: Type.String({ minLength: 1, maxLength: 200 }),
  role: Type.String({ minLength: 1, maxLength: 200 }),
  organisation: Type.String({ maxLength: 300 }),
  languages: Type.Array(Type.String({ minLength: 1, maxLength: 35 }), {
    minItems: 1,
    maxItems: 12,
    description: 'BCP 47 language tags, e.g. en, fr, sw-KE',
  }),
  channels: Channels,
  availability: Availability,
  hours: Nullable(Type.String({ maxLength: 200, description: 'e.g. Mon–Fri 08:00–18:00' })),
  timeZone: Nullable(Type.String({ maxLength: 64, description: 'IANA zone, e.g. Africa/Nairobi' })),
  validFrom: IsoDate,
  validUntil: Nullable(isoDate('last day, inclusive; null: open-ended')),
};

export const CreateContactBody = Type.Object(
  {
    participantId: Type.Optional(uuid("whose contact; default the caller's participant")),
    kind: fields.kind,
    designation: fields.designation,
    name: fields.name,
    role: fields.role,
    organisation: Type.Optional(fields.organisation),
    languages: fields.languages,
    channels: fields.channels,
    availability: fields.availability,
    hours: Type.Optional(fields.hours),
    timeZone: Type.Optional(fields.timeZone),
    validFrom: Type.Optional(isoDate('first day; default today')),
    validUntil: Type.Optional(fields.validUntil),
  },
  { additionalProperties: false },
);

export const UpdateContactBody = Type.Object(
  {
    kind: Type.Optional(fields.kind),
    designation: Type.Optional(fields.designation),
    name: Type.Optional(fields.name),
    role: Type.Optional(fields.role),
    organisation: Type.Optional(fields.organisation),
    languages: Type.Optional(fields.languages),
    channels: Type.Optional(Channels),
    availability: Type.Optional(fields.availability),
    hours: Type.Optional(fields.hours),
    timeZone: Type.Optional(fields.timeZone),
    validFrom: Type.Optional(fields.validFrom),
    validUntil: Type.Optional(fields.validUntil),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RetireContactBody = Type.Object(
  {
    validUntil: Type.Optional(isoDate('the last day (default today)')),
  },
  { additionalProperties: false },
);

export const ContactSchema = Type.Object({
  id: Uuid,
  participant: Type.Object({ id: Uuid, name: Type.String() }),
  kind: ContactKind,
  designation: Designation,
  name: Type.String(),
  role: Type.String(),
  organisation: Type.String(),
  languages: Type.Array(Type.String()),
  channels: Type.Object({
    email: Nullable(Type.String()),
    phone: Nullable(Type.String()),
    secureHandle: Nullable(Type.String()),
  }),
  availability: Availability,
  hours: Nullable(Type.String()),
  timeZone: Nullable(Type.String()),
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  current: Type.Boolean({ description: 'valid today' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ContactQuery = Type.Object({
  participant: Type.Optional(uuid('participant id')),
  kind: Type.Optional(ContactKind),
  designation: Type.Optional(Designation),
  current: Type.Optional(Type.Boolean({ description: 'true: only contacts valid today' })),
  language: Type.Optional(Type.String({ maxLength: 35, description: 'BCP 47 tag' })),
  q: Type.Optional(Type.String({ maxLength: 200 })),
  ...PageQuery,
});

export const SettingsSchema = Type.Object({
  participantId: Uuid,
  webhookUrl: Nullable(Type.String()),
  webhookSecretSet: Type.Boolean(),
  webhookSecret: Type.Optional(
    Type.String({
      description:
        'Shown once, when issued: verify Concord-Signature (t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">) with it',
    }),
  ),
  updatedAt: Nullable(Timestamp),
});

export const UpdateSettingsBody = Type.Object(
  {
    webhookUrl: Nullable(
      Type.String({
        maxLength: 2000,
        description: 'https://…, or http:// to a loopback address; null removes the webhook',
      }),
    ),
    rotateSecret: Type.Optional(
      Type.Boolean({ description: 'issue a new signing secret for the webhook' }),
    ),
  },
  { additionalProperties: false },
);
