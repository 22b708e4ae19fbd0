import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';
import { ParticipantKindSchema } from '../users/schema';

const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);

export const ParticipantSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: ParticipantKindSchema,
  countryCode: Nullable(Type.String({ description: 'ISO 3166-1 alpha-3, states only' })),
  countryName: Nullable(Type.String()),
  description: Type.String(),
  website: Nullable(Type.String()),
  status: Status,
  userCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

const Website = Type.String({ maxLength: 500, pattern: '^https?://' });

export const CreateParticipantBody = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    shortName: Type.Optional(Type.String({ maxLength: 50 })),
    kind: ParticipantKindSchema,
    countryCode: Type.Optional(
      Type.String({
        pattern: '^[A-Za-z]{3}$',
        description: 'ISO 3166-1 alpha-3; required for states',
      }),
    ),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    website: Type.Optional(Website),
  },
  { additionalProperties: false },
);

export const UpdateParticipantBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    shortName: Type.Optional(Nullable(Type.String({ maxLength: 50 }))),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    website: Type.Optional(Nullable(Website)),
    status: Type.Optional(Status),
  },
  { additionalProperties: false },
);

export const ParticipantQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  kind: Type.Optional(ParticipantKindSchema),
  status: Type.Optional(Status),
  ...PageQuery,
});

export const KeySchema = Type.Object({
  id: Uuid,
  participantId: Uuid,
  label: Type.String(),
  algorithm: Type.Literal('ed25519'),
  publicKey: Type.String({ description: 'Raw 32-byte Ed25519 public key, base64' }),
  fingerprint: Type.String({ description: 'SHA-256 of the raw key, hex' }),
  status: Type.Union([Type.Literal('active'), Type.Literal('revoked')]),
  createdAt: Timestamp,
  revokedAt: Nullable(Timestamp),
  revokedReason: Nullable(Type.String()),
  ledgerIndex: Type.Optional(
    Nullable(Type.Integer({ description: 'Ledger index of this change (changes only)' })),
  ),
});

export const RegisterKeyBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200 }),
    publicKey: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'base64 raw key or PEM SPKI',
    }),
  },
  { additionalProperties: false },
);

export const RevokeKeyBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
);

export const KeyParams = Type.Object({ id: Uuid, keyId: Uuid });

export const RotateKeyBody = Type.Object(
  {
    label: Type.String({ minLength: 1, maxLength: 200 }),
    publicKey: Type.String({
      minLength: 1,
      maxLength: 2000,
      description: 'the new key: base64 raw key or PEM SPKI',
    }),
    reason: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
