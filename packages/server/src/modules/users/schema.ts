import { Type } from 'typebox';
import { PARTICIPANT_KIND_IDS, ROLE_IDS } from '../../auth/roles';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';
import { MAX_PASSWORD_LENGTH } from '../../auth/passwords';

export const RoleSchema = Type.Enum([...ROLE_IDS]);
export const ParticipantKindSchema = Type.Enum([...PARTICIPANT_KIND_IDS]);
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH });

export const ParticipantRefSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  kind: ParticipantKindSchema,
  countryCode: Nullable(Type.String()),
});

export const UserSchema = Type.Object({
  id: Uuid,
  email: Type.String(),
  displayName: Type.String(),
  roles: Type.Array(RoleSchema),
  status: Type.Union([Type.Literal('active'), Type.Literal('disabled')]),
  participant: ParticipantRefSchema,
  lastLoginAt: Nullable(Timestamp),
  lockedUntil: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const CreateUserBody = Type.Object(
  {
    participantId: Uuid,
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(RoleSchema, { minItems: 1, maxItems: ROLE_IDS.length }),
    password: Password,
  },
  { additionalProperties: false },
);

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(RoleSchema, { minItems: 1, maxItems: ROLE_IDS.length })),
    status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  },
  { additionalProperties: false },
);

export const ResetPasswordBody = Type.Object(
  { newPassword: Password },
  { additionalProperties: false },
);

export const UserQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  participantId: Type.Optional(Uuid),
  role: Type.Optional(RoleSchema),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('disabled')])),
  ...PageQuery,
});
