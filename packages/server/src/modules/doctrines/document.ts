/**
 * The doctrine document a participant signs (DSSE payload), its schema and its shape check.
 * Pure: the web app can run the same check before asking the user to sign.
 */
import { Ajv } from 'ajv';
import formatsPlugin from 'ajv-formats';
import { Type, type Static } from 'typebox';
import type { FieldError } from '../../errors';
import { fieldErrorsFromValidation } from '../../http/validation';
import { NORM_ID_PATTERN } from '../norms/vocabulary';

/** DSSE payloadType of a signed doctrine version. */
export const DOCTRINE_PAYLOAD_TYPE = 'application/vnd.concord.doctrine+json';

export const MAX_LIST_ITEMS = 50;
export const MAX_ITEM_LENGTH = 2000;
export const MAX_COMMITMENTS = 100;

export const VISIBILITIES = ['public', 'community'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

const Item = Type.String({ minLength: 1, maxLength: MAX_ITEM_LENGTH, pattern: '\\S' });
const Items = (minItems: number, description: string) =>
  Type.Array(Item, { minItems, maxItems: MAX_LIST_ITEMS, description });

export const CommitmentSchema = Type.Object(
  {
    normId: Type.String({ pattern: NORM_ID_PATTERN, maxLength: 100 }),
    statement: Item,
    conditions: Type.Optional(
      Type.String({
        maxLength: MAX_ITEM_LENGTH,
        description: 'Conditions or reservations; absent or empty when unconditional',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DoctrineDocumentSchema = Type.Object(
  {
    participantId: Type.String({ format: 'uuid' }),
    version: Type.Integer({ minimum: 1, description: 'Exactly the latest version + 1' }),
    title: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
    summary: Type.String({ minLength: 1, maxLength: 10_000, pattern: '\\S' }),
    redLines: Items(1, 'What the participant will not do, or will not accept'),
    thresholds: Items(0, 'When the participant considers an operation or incident grave'),
    permissibleDefence: Items(0, 'What the participant holds to be legitimate defence'),
    commitments: Type.Array(CommitmentSchema, { maxItems: MAX_COMMITMENTS }),
    visibility: Type.Enum([...VISIBILITIES]),
    previousVersion: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export type DoctrineDocument = Static<typeof DoctrineDocumentSchema>;
export type Commitment = Static<typeof CommitmentSchema>;

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false, useDefaults: false });
(formatsPlugin as unknown as (a: Ajv) => Ajv)(ajv);
const validate = ajv.compile<DoctrineDocument>(DoctrineDocumentSchema);

/**
 * Checks the shape of a signed payload (the part no key can vouch for) and what the schema
 * cannot say: previousVersion follows version, and each norm is committed to at most once.
 * Errors name fields of the document, e.g. `commitments.2.normId`.
 */
export function checkDoctrineDocument(
  payload: unknown,
): { ok: true; document: DoctrineDocument } | { ok: false; errors: FieldError[] } {
  if (!validate(payload))
    return { ok: false, errors: fieldErrorsFromValidation(validate.errors ?? [], 'payload') };
  const doc = payload;
  const errors: FieldError[] = [];
  if (doc.previousVersion !== undefined && doc.previousVersion !== doc.version - 1) {
    errors.push({ field: 'previousVersion', message: `must be ${doc.version - 1} (version − 1)` });
  }
  const seen = new Set<string>();
  doc.commitments.forEach((c, i) => {
    if (seen.has(c.normId)) {
      errors.push({
        field: `commitments.${i}.normId`,
        message: `${c.normId} is committed to twice`,
      });
    }
    seen.add(c.normId);
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, document: doc };
}

/** Conditions as stored: trimmed, empty when there are none. */
export const conditionsOf = (c: Commitment): string => c.conditions?.trim() ?? '';
