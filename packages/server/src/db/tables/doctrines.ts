/** Doctrines and commitments (PRODUCT.md §2): signed, immutable, versioned. */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { participants, users } from './core';
import { norms } from './norms';

/* ------------------------------------------------------------------------------------------
 * Doctrines and commitments (PRODUCT.md §2): signed, immutable, versioned.
 * ---------------------------------------------------------------------------------------- */

export const doctrineVersions = pgTable(
  'doctrine_versions',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    /** Arrays of short statements, as signed. */
    redLines: jsonb('red_lines').notNull(),
    thresholds: jsonb('thresholds').notNull(),
    permissibleDefence: jsonb('permissible_defence').notNull(),
    visibility: text('visibility').notNull(),
    /** The DSSE envelope the participant signed (payload = the version document). */
    envelope: jsonb('envelope').notNull(),
    keyId: text('key_id').notNull(),
    ledgerQueueId: bigint('ledger_queue_id', { mode: 'number' }).notNull(),
    /**
     * The public log must not reveal community-only versions: they enter it as a salted
     * commitment to the signed envelope, and this (base64) is the salt that opens it. Null for
     * public versions, which are logged in full.
     */
    ledgerSalt: text('ledger_salt'),
    publishedByUser: uuid('published_by_user').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('doctrine_versions_participant_version_key').on(t.participantId, t.version),
    check('doctrine_versions_visibility_check', sql`${t.visibility} in ('public','community')`),
    check('doctrine_versions_version_check', sql`${t.version} >= 1`),
    check(
      'doctrine_versions_ledger_salt_check',
      sql`(${t.visibility} = 'community') = (${t.ledgerSalt} is not null)`,
    ),
  ],
);

export const doctrineCommitments = pgTable(
  'doctrine_commitments',
  {
    doctrineVersionId: uuid('doctrine_version_id')
      .notNull()
      .references(() => doctrineVersions.id),
    ordinal: integer('ordinal').notNull(),
    normId: text('norm_id')
      .notNull()
      .references(() => norms.id),
    statement: text('statement').notNull(),
    /** Empty when unconditional. */
    conditions: text('conditions').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.doctrineVersionId, t.ordinal] }),
    index('doctrine_commitments_norm_idx').on(t.normId),
  ],
);
