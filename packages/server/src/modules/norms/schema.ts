import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';
import { NormCategory, NORM_ID_PATTERN, NormStatus, Sector } from './vocabulary';

const NormId = Type.String({ pattern: NORM_ID_PATTERN, maxLength: 60 });
const TermId = Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 80 });
const AmendmentStatus = Type.Union([
  Type.Literal('open'),
  Type.Literal('adopted'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);
const AmendmentKind = Type.Union([
  Type.Literal('new'),
  Type.Literal('change'),
  Type.Literal('retire'),
]);

export const NormVersionSchema = Type.Object({
  version: Type.Integer(),
  title: Type.String(),
  text: Type.String(),
  category: NormCategory,
  pillar: Type.Integer({ minimum: 1, maximum: 10 }),
  pillarName: Type.String(),
  sectors: Type.Array(Type.String(), { description: 'Empty: every sector' }),
  termIds: Type.Array(Type.String()),
  amendmentId: Nullable(Uuid),
  ledgerIndex: Nullable(Type.Integer({ description: 'Ledger entry recording the adoption' })),
  createdAt: Timestamp,
});

export const NormSchema = Type.Object({
  id: Type.String(),
  status: NormStatus,
  source: Nullable(Type.String()),
  position: Type.Integer(),
  currentVersion: Type.Integer(),
  current: NormVersionSchema,
  updatedAt: Timestamp,
});

const DiffPart = Type.Object({
  op: Type.Union([Type.Literal('equal'), Type.Literal('insert'), Type.Literal('delete')]),
  text: Type.String(),
});

export const AmendmentSummarySchema = Type.Object({
  id: Uuid,
  kind: AmendmentKind,
  normId: Type.String(),
  baseVersion: Nullable(Type.Integer()),
  title: Type.String(),
  status: AmendmentStatus,
  proposedBy: Type.Object({ id: Uuid, name: Type.String() }),
  endorsements: Type.Integer(),
  comments: Type.Integer(),
  createdAt: Timestamp,
  decidedAt: Nullable(Timestamp),
});

export const AmendmentSchema = Type.Object({
  ...AmendmentSummarySchema.properties,
  text: Type.String(),
  category: NormCategory,
  pillar: Type.Integer(),
  sectors: Type.Array(Type.String()),
  termIds: Type.Array(Type.String()),
  rationale: Type.String(),
  decisionReason: Nullable(Type.String()),
  resultingVersion: Nullable(Type.Integer()),
  /** Against the version it was written for (for 'new': against nothing). */
  diff: Type.Object({
    title: Type.Array(DiffPart),
    text: Type.Array(DiffPart),
    category: Nullable(Type.Object({ from: Type.String(), to: Type.String() })),
    pillar: Nullable(Type.Object({ from: Type.Integer(), to: Type.Integer() })),
    sectors: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }),
    termIds: Type.Object({ added: Type.Array(Type.String()), removed: Type.Array(Type.String()) }),
  }),
  endorsedBy: Type.Array(
    Type.Object({
      participantId: Uuid,
      name: Type.String(),
      countryCode: Nullable(Type.String()),
      at: Timestamp,
    }),
  ),
  thread: Type.Array(
    Type.Object({
      id: Uuid,
      participantId: Uuid,
      participantName: Type.String(),
      body: Type.String(),
      createdAt: Timestamp,
    }),
  ),
  ledgerIndex: Nullable(Type.Integer()),
  /** What the caller may do now. */
  can: Type.Object({
    comment: Type.Boolean(),
    endorse: Type.Boolean(),
    withdraw: Type.Boolean(),
    decide: Type.Boolean(),
  }),
});

export const NormDetailSchema = Type.Object({
  ...NormSchema.properties,
  versions: Type.Array(NormVersionSchema),
  amendments: Type.Array(AmendmentSummarySchema),
});

export const NormQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  category: Type.Optional(NormCategory),
  pillar: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  sector: Type.Optional(Sector),
  term: Type.Optional(TermId),
  status: Type.Optional(NormStatus),
  ...PageQuery,
});

export const AmendmentQuery = Type.Object({
  status: Type.Optional(AmendmentStatus),
  normId: Type.Optional(NormId),
  kind: Type.Optional(AmendmentKind),
  proposedBy: Type.Optional(Uuid),
  ...PageQuery,
});

const Title = Type.String({ minLength: 3, maxLength: 200 });
const Text = Type.String({ minLength: 10, maxLength: 5000 });
const Rationale = Type.String({ minLength: 3, maxLength: 5000 });

export const ProposeBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('new'),
      normId: NormId,
      title: Title,
      text: Text,
      category: NormCategory,
      pillar: Type.Integer({ minimum: 1, maximum: 10 }),
      sectors: Type.Array(Sector, { maxItems: 20, uniqueItems: true }),
      termIds: Type.Array(TermId, { maxItems: 30, uniqueItems: true }),
      rationale: Rationale,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('change'),
      normId: NormId,
      baseVersion: Type.Integer({ minimum: 1 }),
      title: Type.Optional(Title),
      text: Type.Optional(Text),
      category: Type.Optional(NormCategory),
      pillar: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
      sectors: Type.Optional(Type.Array(Sector, { maxItems: 20, uniqueItems: true })),
      termIds: Type.Optional(Type.Array(TermId, { maxItems: 30, uniqueItems: true })),
      rationale: Rationale,
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('retire'),
      normId: NormId,
      baseVersion: Type.Integer({ minimum: 1 }),
      rationale: Rationale,
    },
    { additionalProperties: false },
  ),
]);

export const CommentBody = Type.Object(
  { body: Type.String({ minLength: 1, maxLength: 10000 }) },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  {
    decision: Type.Union([Type.Literal('adopted'), Type.Literal('rejected')]),
    reason: Type.String({ minLength: 3, maxLength: 5000 }),
  },
  { additionalProperties: false },
);

export const WithdrawBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 5000 }) },
  { additionalProperties: false },
);

export const NormIdParams = Type.Object({ id: NormId });
export const VocabularySchema = Type.Object({
  categories: Type.Array(Type.Object({ id: Type.String(), label: Type.String() })),
  pillars: Type.Array(Type.Object({ id: Type.Integer(), label: Type.String() })),
  sectors: Type.Array(Type.String()),
  statuses: Type.Array(Type.String()),
});

export const NormCommitmentSchema = Type.Object({
  participant: Type.Object({
    id: Uuid,
    name: Type.String(),
    shortName: Nullable(Type.String()),
    kind: Type.String(),
    countryCode: Nullable(Type.String()),
  }),
  version: Type.Integer({ description: 'The doctrine version the commitment is in' }),
  visibility: Type.Union([Type.Literal('public'), Type.Literal('community')]),
  publishedAt: Timestamp,
  statement: Type.String(),
  conditions: Nullable(Type.String()),
});
