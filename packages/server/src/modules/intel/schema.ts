import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';

export const TlpSchema = Type.Enum(['clear', 'green', 'amber', 'amber+strict', 'red'], {
  description: 'TLP 2.0 level',
});
const CommunityKind = Type.Enum(['all-members', 'group', 'bilateral']);

export const MemberSchema = Type.Object({
  participantId: Uuid,
  name: Type.String(),
  canRead: Type.Boolean(),
  canWrite: Type.Boolean(),
});
export const MemberInput = Type.Object(
  { participantId: Uuid, canRead: Type.Boolean(), canWrite: Type.Boolean() },
  { additionalProperties: false },
);

export const CommunitySchema = Type.Object({
  id: Uuid,
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  kind: CommunityKind,
  members: Type.Array(MemberSchema),
  collections: Type.Array(Type.Object({ id: Uuid, title: Type.String() })),
  createdAt: Timestamp,
});

export const CreateCommunityBody = Type.Object(
  {
    slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 }),
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    kind: CommunityKind,
    members: Type.Array(MemberInput, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export const MembersBody = Type.Object(
  { members: Type.Array(MemberInput, { maxItems: 1000 }) },
  { additionalProperties: false },
);

export const CollectionSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  description: Type.String(),
  alias: Nullable(Type.String()),
  community: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() }),
  canRead: Type.Boolean(),
  canWrite: Type.Boolean(),
  createdAt: Timestamp,
  counts: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  total: Type.Integer(),
});
export const CreateCollectionBody = Type.Object(
  {
    communityId: Uuid,
    title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    alias: Type.Optional(
      Nullable(Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 })),
    ),
  },
  { additionalProperties: false },
);

const StixType = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,248}[a-z0-9]$' });
export const PropertyCondition = Type.String({
  pattern: '^[a-z][a-z0-9_]{1,249}=.{1,500}$',
  description:
    'name=value: a top-level property equals the value or, for a list, contains it; the value is read as JSON when it is a number, true, false or a quoted string, else as text (e.g. `indicator_types=malicious-activity`, `confidence=80`, `created_by_ref=identity--…`)',
});
export const ObjectsQuery = Type.Object(
  {
    collectionId: Type.Optional(Uuid),
    type: Type.Optional(Type.Array(StixType, { maxItems: 20 })),
    tlp: Type.Optional(Type.Array(TlpSchema, { maxItems: 5 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    property: Type.Optional(Type.Array(PropertyCondition, { maxItems: 10 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const PublicObjectsQuery = Type.Object(
  {
    type: Type.Optional(Type.Array(StixType, { maxItems: 20 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const ObjectSummarySchema = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Nullable(Type.String()),
  tlp: TlpSchema,
  version: Nullable(Type.String()),
  dateAdded: Type.String(),
  collectionId: Uuid,
  revoked: Type.Boolean(),
});
export const StixIdParams = Type.Object({
  stixId: Type.String({ pattern: '^[a-z0-9][a-z0-9-]+--[0-9a-fA-F-]{36}$', maxLength: 300 }),
});

const SightingsSchema = Type.Object({
  total: Type.Integer(),
  reports: Type.Integer(),
  firstSeen: Nullable(Type.String()),
  lastSeen: Nullable(Type.String()),
  byDay: Type.Array(Type.Object({ day: Type.String(), count: Type.Integer() })),
});
export const ObjectDetailSchema = Type.Object({
  object: Type.Record(Type.String(), Type.Unknown()),
  tlp: TlpSchema,
  collectionId: Uuid,
  dateAdded: Type.String(),
  versions: Type.Array(Type.Object({ version: Nullable(Type.String()), dateAdded: Type.String() })),
  graph: Type.Object({
    nodes: Type.Array(
      Type.Object({ id: Type.String(), type: Type.String(), name: Nullable(Type.String()) }),
    ),
    edges: Type.Array(
      Type.Object({
        id: Type.String(),
        relationshipType: Type.String(),
        source: Type.String(),
        target: Type.String(),
      }),
    ),
  }),
  sightings: Nullable(SightingsSchema),
});

export const ImportBody = Type.Object(
  {
    /** A STIX 2.1 bundle, or… */
    bundle: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** …the URL of one (https; fetched by the node). */
    url: Type.Optional(Type.String({ maxLength: 2000 })),
    tlp: Type.Optional(TlpSchema),
    /** TLP:AMBER+STRICT objects: the organisations (participant ids) named as recipients. */
    recipients: Type.Optional(Type.Array(Uuid, { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
);
export const ImportResultSchema = Type.Object({
  total: Type.Integer(),
  stored: Type.Integer(),
  failures: Type.Array(
    Type.Object({
      id: Type.String(),
      version: Type.Optional(Type.String()),
      message: Type.Optional(Type.String()),
    }),
  ),
});

export const SightingBody = Type.Object(
  {
    collectionId: Uuid,
    indicatorId: Type.String({ pattern: '^indicator--[0-9a-fA-F-]{36}$' }),
    count: Type.Integer({ minimum: 1, maximum: 999_999_999 }),
    firstSeen: Timestamp,
    lastSeen: Type.Optional(Timestamp),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    tlp: Type.Optional(TlpSchema),
  },
  { additionalProperties: false },
);
export const ExportQuery = Type.Object(
  {
    type: Type.Optional(Type.Array(StixType, { maxItems: 20 })),
    tlp: Type.Optional(Type.Array(TlpSchema, { maxItems: 5 })),
    q: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const StixIdString = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]+--[0-9a-fA-F-]{36}$',
  maxLength: 300,
});
/** STIX 2.1 §5.1: relationship_type is lowercase ASCII letters, digits and hyphens, 3–250 characters. */
const RelationshipType = Type.String({
  pattern: '^[a-z0-9]+(-[a-z0-9]+)*$',
  minLength: 3,
  maxLength: 250,
});
export const LinkInputSchema = Type.Object(
  {
    objectId: StixIdString,
    relationshipType: Type.Optional(RelationshipType),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export const IncidentBody = Type.Object(
  {
    collectionId: Uuid,
    name: Type.String({ minLength: 1, maxLength: 250, pattern: '\\S' }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    labels: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }), {
        maxItems: 20,
        uniqueItems: true,
      }),
    ),
    tlp: Type.Optional(TlpSchema),
    links: Type.Optional(Type.Array(LinkInputSchema, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const LinkBody = Type.Object(
  {
    objectId: StixIdString,
    relationshipType: Type.Optional(RelationshipType),
    description: Type.Optional(Type.String({ maxLength: 2000 })),
    /** Where the link is stored; the incident's collection when left out. */
    collectionId: Type.Optional(Uuid),
    tlp: Type.Optional(TlpSchema),
  },
  { additionalProperties: false },
);
export const IncidentsQuery = Type.Object(
  {
    collectionId: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: 200 })),
    tlp: Type.Optional(Type.Array(TlpSchema, { maxItems: 5 })),
    label: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const LinksQuery = Type.Object(
  {
    type: Type.Optional(Type.Array(StixType, { maxItems: 20 })),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export const LinkParams = Type.Object({
  stixId: StixIdString,
  linkId: StixIdString,
});
export const IncidentSummarySchema = Type.Object({
  ...ObjectSummarySchema.properties,
  description: Nullable(Type.String()),
  labels: Type.Array(Type.String()),
  createdBy: Nullable(Type.String()),
  links: Type.Integer({ description: 'Links the caller may see' }),
});
export const LinkSchema = Type.Object({
  linkId: Type.String(),
  relationshipType: Type.String(),
  direction: Type.Enum(['outgoing', 'incoming']),
  description: Nullable(Type.String()),
  linkTlp: TlpSchema,
  linkCollectionId: Uuid,
  linkedAt: Type.String(),
  mine: Type.Boolean({ description: 'Made by the caller’s organisation (which may remove it)' }),
  object: ObjectSummarySchema,
});
export const LinkPageSchema = Type.Object({
  items: Type.Array(LinkSchema),
  nextCursor: Nullable(Type.String()),
  counts: Type.Array(Type.Object({ type: Type.String(), count: Type.Integer() })),
  total: Type.Integer(),
});
