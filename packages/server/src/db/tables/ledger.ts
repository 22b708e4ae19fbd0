/** The transparency log's tables. */
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
import { bytea } from './common';

/**
 * The transparency log (RFC 9162 Merkle tree). One row: the log's identity and head.
 * Indices and sizes are int8 read as JS numbers: exact up to 2^53 entries.
 */
export const ledgerState = pgTable(
  'ledger_state',
  {
    id: integer('id').primaryKey(),
    origin: text('origin').notNull(),
    verifierKey: text('verifier_key').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    root: bytea('root').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [check('ledger_state_singleton', sql`${t.id} = 1`)],
);

/** Statements waiting for the sequencer; inserted in the submitting module's transaction. */
export const ledgerQueue = pgTable('ledger_queue', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  data: bytea('data').notNull(),
  kind: text('kind').notNull(),
  payloadType: text('payload_type').notNull(),
  participantId: uuid('participant_id'),
  keyId: text('key_id'),
  subjectType: text('subject_type'),
  subjectId: text('subject_id'),
  submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    idx: bigint('idx', { mode: 'number' }).primaryKey(),
    leafHash: bytea('leaf_hash').notNull(),
    /** The leaf data exactly as hashed: the canonical (RFC 8785) JSON of the statement record. */
    data: bytea('data').notNull(),
    kind: text('kind').notNull(),
    payloadType: text('payload_type').notNull(),
    participantId: uuid('participant_id'),
    keyId: text('key_id'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** The queue row it came from; null for direct appends, which never touched the queue. */
    queueId: bigint('queue_id', { mode: 'number' }),
    loggedAt: timestamp('logged_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // Partial: most entries have no queue row, subject or participant, and an index entry per
    // null would cost every append for lookups that never ask for null.
    uniqueIndex('ledger_entries_queue_key')
      .on(t.queueId)
      .where(sql`${t.queueId} is not null`),
    index('ledger_entries_subject_idx')
      .on(t.subjectType, t.subjectId)
      .where(sql`${t.subjectId} is not null`),
    index('ledger_entries_participant_idx')
      .on(t.participantId)
      .where(sql`${t.participantId} is not null`),
    check('ledger_entries_kind_check', sql`${t.kind} in ('statement','commitment')`),
  ],
);

/** Every perfect-subtree hash: node (level, idx) covers leaves [idx·2^level, (idx+1)·2^level). */
export const ledgerNodes = pgTable(
  'ledger_nodes',
  {
    level: integer('level').notNull(),
    idx: bigint('idx', { mode: 'number' }).notNull(),
    hash: bytea('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.level, t.idx] })],
);

/** Every checkpoint the node signed, with the cosignatures witnesses returned. */
export const ledgerCheckpoints = pgTable('ledger_checkpoints', {
  size: bigint('size', { mode: 'number' }).primaryKey(),
  root: bytea('root').notNull(),
  note: text('note').notNull(),
  cosignatures: text('cosignatures').notNull().default(''),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Logs this node witnesses (C2SP tlog-witness): the latest checkpoint it cosigned for each. */
export const witnessedLogs = pgTable('witnessed_logs', {
  origin: text('origin').primaryKey(),
  verifierKey: text('verifier_key').notNull(),
  size: bigint('size', { mode: 'number' }).notNull().default(0),
  root: bytea('root'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
