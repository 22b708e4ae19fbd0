import { Type } from 'typebox';
import { Nullable, PageQuery, Timestamp, Uuid } from '../../http/schemas';
import { ParticipantKindSchema } from '../users/schema';
import { DEFAULT_DIVERGENCE_THRESHOLD } from './similarity';

export const MAX_DEFINITION_LENGTH = 5000;

const TERM_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const TermId = Type.String({
  pattern: TERM_ID_PATTERN,
  maxLength: 100,
  description: 'kebab-case identifier, e.g. `critical-infrastructure`',
});
export const TermParams = Type.Object({ id: TermId });

const Definition = Type.String({ minLength: 1, maxLength: MAX_DEFINITION_LENGTH, pattern: '\\S' });
const LongText = Type.String({ maxLength: MAX_DEFINITION_LENGTH });
const TermName = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });
const Alignment = Type.Enum(['no', 'partly', 'yes'], {
  description: 'Whether the participant has aligned its definition with the harmonised one',
});
const Threshold = Type.Number({
  minimum: 0,
  maximum: 1,
  description: `A variant diverges below this similarity (default ${DEFAULT_DIVERGENCE_THRESHOLD}) or when its participant has not aligned`,
});

export const GlossaryParticipantSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: ParticipantKindSchema,
  countryCode: Nullable(Type.String()),
});

const DiffPartSchema = Type.Object({
  op: Type.Enum(['equal', 'insert', 'delete']),
  text: Type.String(),
});

const Reasons = Type.Array(Type.Enum(['low_similarity', 'declared_not_aligned']));

export const TermSchema = Type.Object({
  id: Type.String(),
  term: Type.String(),
  definition: Type.String({ description: 'The harmonised definition' }),
  thresholds: Type.String(),
  notes: Type.String(),
  variantCount: Type.Integer({ description: 'Participants that recorded their own definition' }),
  divergingCount: Type.Integer({ description: 'Of those, how many diverge' }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const VariantSchema = Type.Object({
  termId: Type.String(),
  participant: GlossaryParticipantSchema,
  definition: Type.String({ description: 'The participant’s domestic definition' }),
  source: Type.String({ description: 'Where it is defined: statute, strategy, regulation' }),
  sourceUrl: Nullable(Type.String()),
  aligned: Alignment,
  similarity: Type.Number({ description: 'Cosine similarity to the harmonised definition, 0–1' }),
  diverging: Type.Boolean(),
  reasons: Reasons,
  diff: Type.Array(DiffPartSchema, {
    description: 'Word diff from the harmonised definition to this one',
  }),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const TermDetailSchema = Type.Intersect([
  TermSchema,
  Type.Object({ threshold: Type.Number(), variants: Type.Array(VariantSchema) }),
]);

export const TermQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Searches term and definition' })),
  diverging: Type.Optional(
    Type.Boolean({ description: 'Only terms with at least one diverging variant' }),
  ),
  threshold: Type.Optional(Threshold),
  ...PageQuery,
});

export const TermDetailQuery = Type.Object({ threshold: Type.Optional(Threshold) });

export const CreateTermBody = Type.Object(
  {
    id: TermId,
    term: TermName,
    definition: Definition,
    thresholds: Type.Optional(LongText),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);

export const UpdateTermBody = Type.Object(
  {
    term: Type.Optional(TermName),
    definition: Type.Optional(Definition),
    thresholds: Type.Optional(LongText),
    notes: Type.Optional(LongText),
  },
  { additionalProperties: false },
);

export const SaveVariantBody = Type.Object(
  {
    definition: Definition,
    source: Type.String({
      minLength: 1,
      maxLength: 500,
      pattern: '\\S',
      description: 'Citation: statute, strategy or regulation',
    }),
    sourceUrl: Type.Optional(
      Nullable(Type.String({ maxLength: 2000, format: 'uri', pattern: '^https?://' })),
    ),
    aligned: Alignment,
  },
  { additionalProperties: false },
);

export const DivergenceItemSchema = Type.Object({
  term: Type.Object({
    id: Type.String(),
    term: Type.String(),
    definition: Type.String(),
    thresholds: Type.String(),
  }),
  variants: Type.Array(VariantSchema, { description: 'The diverging variants only' }),
});

export const DivergenceQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 200 })),
  participantId: Type.Optional(Uuid),
  threshold: Type.Optional(Threshold),
  ...PageQuery,
});

export const AlignmentItemSchema = Type.Object({
  participant: GlossaryParticipantSchema,
  terms: Type.Integer({ description: 'Harmonised terms in the glossary' }),
  variants: Type.Integer({ description: 'Terms this participant has its own definition for' }),
  aligned: Type.Object({ yes: Type.Integer(), partly: Type.Integer(), no: Type.Integer() }),
  diverging: Type.Integer(),
});

export const AlignmentQuery = Type.Object({
  kind: Type.Optional(ParticipantKindSchema),
  threshold: Type.Optional(Threshold),
  ...PageQuery,
});
