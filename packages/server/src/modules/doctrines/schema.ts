import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';
import { ParticipantKindSchema } from '../users/schema';
import { NORM_CATEGORIES, NORM_ID_PATTERN, NORM_STATUSES } from '../norms/vocabulary';
import { DOCTRINE_PAYLOAD_TYPE, VISIBILITIES } from './document';

const Visibility = Type.Enum([...VISIBILITIES]);
const PublisherKind = Type.Enum(['state', 'regional_organisation']);
const NormId = Type.String({ pattern: NORM_ID_PATTERN, maxLength: 100 });

export const PublishBody = Type.Object(
  {
    envelope: Type.Object(
      {
        payloadType: Type.String({ maxLength: 200, description: DOCTRINE_PAYLOAD_TYPE }),
        payload: Type.String({
          maxLength: 60_000,
          description: 'base64 of the RFC 8785 canonical JSON doctrine document',
        }),
        signatures: Type.Array(Type.Object({ keyid: Type.String(), sig: Type.String() }), {
          minItems: 1,
          maxItems: 16,
        }),
      },
      {
        additionalProperties: false,
        description:
          'DSSE envelope signed with one of your participant’s registered Ed25519 keys. The payload is { participantId, version, title, summary, redLines, thresholds, permissibleDefence, commitments: [{ normId, statement, conditions? }], visibility, previousVersion? }',
      },
    ),
  },
  { additionalProperties: false },
);

const ParticipantSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: ParticipantKindSchema,
  countryCode: Nullable(Type.String()),
});

const LedgerRefSchema = Type.Object({
  kind: Type.Enum(['statement', 'commitment'], {
    description:
      'statement: logged in full (public versions); commitment: a salted commitment to the envelope (community versions)',
  }),
  queueId: Type.Integer(),
  index: Nullable(Type.Integer({ description: 'Ledger index once sequenced' })),
});

export const DoctrineSummarySchema = Type.Object({
  id: Uuid,
  participant: ParticipantSchema,
  version: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  visibility: Visibility,
  redLineCount: Type.Integer(),
  commitmentCount: Type.Integer(),
  normIds: Type.Array(Type.String()),
  publishedAt: Timestamp,
  ledger: LedgerRefSchema,
});

const CommitmentViewSchema = Type.Object({
  normId: Type.String(),
  normTitle: Nullable(Type.String()),
  statement: Type.String(),
  conditions: Nullable(Type.String()),
});

export const DoctrineVersionSchema = Type.Object({
  id: Uuid,
  participant: ParticipantSchema,
  version: Type.Integer(),
  previousVersion: Nullable(Type.Integer()),
  title: Type.String(),
  summary: Type.String(),
  redLines: Type.Array(Type.String()),
  thresholds: Type.Array(Type.String()),
  permissibleDefence: Type.Array(Type.String()),
  commitments: Type.Array(CommitmentViewSchema),
  visibility: Visibility,
  keyId: Type.String({ description: 'Fingerprint of the signing key' }),
  envelope: Type.Object({
    payloadType: Type.String(),
    payload: Type.String(),
    signatures: Type.Array(Type.Object({ keyid: Type.String(), sig: Type.String() })),
  }),
  publishedAt: Timestamp,
  publishedByUser: Nullable(Uuid),
  ledger: Type.Intersect([
    LedgerRefSchema,
    Type.Object({
      salt: Nullable(
        Type.String({ description: 'base64 salt that opens the commitment (community versions)' }),
      ),
    }),
  ]),
});

export const DoctrineQuery = Type.Object({
  participantId: Type.Optional(Uuid),
  participantKind: Type.Optional(PublisherKind),
  visibility: Type.Optional(Visibility),
  normId: Type.Optional(NormId),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Searches title, summary, name' })),
  ...PageQuery,
});

export const ParticipantParams = Type.Object({ participantId: Uuid });
export const VersionParams = Type.Object({
  participantId: Uuid,
  version: Type.Integer({ minimum: 1 }),
});

export const VersionsQuery = Type.Object({
  visibility: Type.Optional(Visibility),
  ...PageQuery,
});

export const DiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Integer({ minimum: 1 }),
});

const DiffPart = Type.Object({ op: Type.Enum(['equal', 'insert', 'delete']), text: Type.String() });
const ListChange = Type.Object({
  added: Type.Array(Type.String()),
  removed: Type.Array(Type.String()),
  reworded: Type.Array(
    Type.Object({ from: Type.String(), to: Type.String(), diff: Type.Array(DiffPart) }),
  ),
  unchanged: Type.Array(Type.String()),
});
const Change = Type.Object({ from: Type.String(), to: Type.String(), changed: Type.Boolean() });
const CommitmentText = Type.Object({ statement: Type.String(), conditions: Type.String() });
const CommitmentItem = Type.Object({
  normId: Type.String(),
  statement: Type.String(),
  conditions: Type.String(),
});

export const DoctrineDiffSchema = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  title: Change,
  visibility: Change,
  summary: Type.Object({ changed: Type.Boolean(), diff: Type.Array(DiffPart) }),
  redLines: ListChange,
  thresholds: ListChange,
  permissibleDefence: ListChange,
  commitments: Type.Object({
    added: Type.Array(CommitmentItem),
    removed: Type.Array(CommitmentItem),
    changed: Type.Array(
      Type.Object({
        normId: Type.String(),
        from: CommitmentText,
        to: CommitmentText,
        statementDiff: Type.Array(DiffPart),
        conditionsDiff: Type.Array(DiffPart),
      }),
    ),
    unchanged: Type.Array(Type.String()),
  }),
});

export const MatrixQuery = Type.Object({
  category: Type.Optional(Type.Enum(NORM_CATEGORIES.map((c) => c.id))),
  pillar: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  status: Type.Optional(Type.Enum([...NORM_STATUSES], { description: 'The norm’s status' })),
  normId: Type.Optional(NormId),
  participantKind: Type.Optional(PublisherKind),
  participantId: Type.Optional(Uuid),
});

const CellStatus = Type.Enum(['committed', 'conditional', 'none']);

export const MatrixSchema = Type.Object({
  norms: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      category: Type.String(),
      pillar: Type.Integer(),
      status: Type.String(),
    }),
  ),
  participants: Type.Array(
    Type.Intersect([
      ParticipantSchema,
      Type.Object({
        version: Nullable(Type.Integer({ description: 'Doctrine version the column comes from' })),
      }),
    ]),
  ),
  rows: Type.Array(
    Type.Object({
      normId: Type.String(),
      cells: Type.Array(Type.Object({ participantId: Uuid, status: CellStatus })),
      totals: Type.Object({
        committed: Type.Integer(),
        conditional: Type.Integer(),
        none: Type.Integer(),
      }),
    }),
  ),
});
