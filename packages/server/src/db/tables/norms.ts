/** Norms catalogue (PRODUCT.md §1) and glossary (§8). */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { participants, users } from './core';

/* ------------------------------------------------------------------------------------------
 * Norms catalogue (PRODUCT.md §1): norms, their immutable versions, and amendments.
 * ---------------------------------------------------------------------------------------- */

/** A norm's current state; its text lives in `norm_versions` (never updated, never deleted). */
export const norms = pgTable(
  'norms',
  {
    /** Stable identifier, e.g. `GGE-2015-13a`, `CONCORD-P1`. */
    id: text('id').primaryKey(),
    status: text('status').notNull(),
    currentVersion: integer('current_version').notNull(),
    /** Where the norm comes from (e.g. "UN GGE 2015, A/70/174 para 13(a)"), or null for new ones. */
    source: text('source'),
    /** Catalogue order. */
    position: integer('position').notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // 'proposed': only an open amendment proposes it; 'rejected'/'withdrawn': that proposal's end.
    check(
      'norms_status_check',
      sql`${t.status} in ('proposed','adopted','retired','rejected','withdrawn')`,
    ),
    check('norms_id_check', sql`${t.id} ~ '^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$'`),
  ],
);

export const normVersions = pgTable(
  'norm_versions',
  {
    normId: text('norm_id')
      .notNull()
      .references(() => norms.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** Plain-language text, in the regime's own words. */
    text: text('text').notNull(),
    category: text('category').notNull(),
    /** The regime pillar it serves (PRODUCT.md, 1–10). */
    pillar: integer('pillar').notNull(),
    sectors: text('sectors').array().notNull(),
    /** Glossary term ids the norm relies on. */
    termIds: text('term_ids').array().notNull(),
    /** The amendment whose adoption created this version; null for the shipped catalogue. */
    amendmentId: uuid('amendment_id'),
    /** Ledger entry of the adoption (queue id until sequenced, then its index). */
    ledgerQueueId: bigint('ledger_queue_id', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.normId, t.version] }),
    check(
      'norm_versions_category_check',
      sql`${t.category} in ('prohibition','restraint','defensive_permission','cooperation_duty','protection_duty')`,
    ),
    check('norm_versions_pillar_check', sql`${t.pillar} between 1 and 10`),
  ],
);

export const normAmendments = pgTable(
  'norm_amendments',
  {
    id: uuid('id').primaryKey(),
    /** 'new' proposes a norm; 'change' a new version of one; 'retire' its retirement. */
    kind: text('kind').notNull(),
    /** The norm changed or retired; for 'new', the id it will have once adopted. */
    normId: text('norm_id').notNull(),
    /** The version the change was written against (null for 'new'). */
    baseVersion: integer('base_version'),
    title: text('title').notNull(),
    text: text('text').notNull(),
    category: text('category').notNull(),
    pillar: integer('pillar').notNull(),
    sectors: text('sectors').array().notNull(),
    termIds: text('term_ids').array().notNull(),
    rationale: text('rationale').notNull(),
    status: text('status').notNull(),
    proposedByParticipant: uuid('proposed_by_participant')
      .notNull()
      .references(() => participants.id),
    proposedByUser: uuid('proposed_by_user').references(() => users.id),
    decisionReason: text('decision_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedByUser: uuid('decided_by_user').references(() => users.id),
    /** The norm version its adoption created. */
    resultingVersion: integer('resulting_version'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('norm_amendments_norm_idx').on(t.normId),
    index('norm_amendments_status_idx').on(t.status, t.createdAt),
    check('norm_amendments_kind_check', sql`${t.kind} in ('new','change','retire')`),
    check(
      'norm_amendments_status_check',
      sql`${t.status} in ('open','adopted','rejected','withdrawn')`,
    ),
  ],
);

export const amendmentComments = pgTable(
  'amendment_comments',
  {
    id: uuid('id').primaryKey(),
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => normAmendments.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    userId: uuid('user_id').references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('amendment_comments_amendment_idx').on(t.amendmentId, t.createdAt)],
);

/** A state's endorsement of an open amendment (one per state). */
export const amendmentEndorsements = pgTable(
  'amendment_endorsements',
  {
    amendmentId: uuid('amendment_id')
      .notNull()
      .references(() => normAmendments.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    userId: uuid('user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.amendmentId, t.participantId] })],
);

/* ------------------------------------------------------------------------------------------
 * Glossary (PRODUCT.md §8): harmonised terms and each participant's domestic definition.
 * ---------------------------------------------------------------------------------------- */

export const glossaryTerms = pgTable('glossary_terms', {
  /** kebab-case identifier, e.g. `critical-infrastructure`. */
  id: text('id').primaryKey(),
  term: text('term').notNull(),
  /** The regime's harmonised definition. */
  definition: text('definition').notNull(),
  /** Thresholds the definition sets (e.g. what makes an incident significant). */
  thresholds: text('thresholds').notNull().default(''),
  notes: text('notes').notNull().default(''),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const termVariants = pgTable(
  'term_variants',
  {
    id: uuid('id').primaryKey(),
    termId: text('term_id')
      .notNull()
      .references(() => glossaryTerms.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    /** The participant's own (domestic) definition. */
    definition: text('definition').notNull(),
    /** Where it is defined: statute, strategy, regulation (citation). */
    source: text('source').notNull(),
    sourceUrl: text('source_url'),
    /** The participant states that it has aligned with the harmonised definition. */
    aligned: text('aligned').notNull().default('no'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('term_variants_term_participant_key').on(t.termId, t.participantId),
    index('term_variants_participant_idx').on(t.participantId),
    check('term_variants_aligned_check', sql`${t.aligned} in ('no','partly','yes')`),
  ],
);
