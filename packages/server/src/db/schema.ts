/**
 * The one schema shared by PGlite (embedded) and PostgreSQL (production).
 * Keep to SQL that PostgreSQL 15 supports; PGlite runs a newer major.
 * Migrations in ../../drizzle are generated from this file with `npm run db:generate`.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
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

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull();

export const participants = pgTable(
  'participants',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    countryCode: text('country_code'),
    description: text('description').notNull().default(''),
    website: text('website'),
    status: text('status').notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('participants_name_key').on(sql`lower(${t.name})`),
    uniqueIndex('participants_country_code_key').on(t.countryCode),
    check(
      'participants_kind_check',
      sql`${t.kind} in ('state','regional_organisation','cert','vendor','researcher','civil_society','secretariat','assessor_body')`,
    ),
    check('participants_status_check', sql`${t.status} in ('active','suspended')`),
    // Only states carry an ISO 3166-1 alpha-3 code, and every state carries one.
    check(
      'participants_country_code_check',
      sql`(${t.kind} = 'state') = (${t.countryCode} is not null) and (${t.countryCode} is null or ${t.countryCode} ~ '^[A-Z]{3}$')`,
    ),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    roles: text('roles').array().notNull(),
    status: text('status').notNull().default('active'),
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email),
    index('users_participant_idx').on(t.participantId),
    check('users_status_check', sql`${t.status} in ('active','disabled')`),
    check('users_email_lower_check', sql`${t.email} = lower(${t.email})`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 (hex) of the cookie secret; the secret itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** The first characters of the token, shown in lists so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    /** SHA-256 (hex) of the whole token. */
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('api_tokens_hash_key').on(t.tokenHash),
    index('api_tokens_user_idx').on(t.userId),
  ],
);

export const participantKeys = pgTable(
  'participant_keys',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    label: text('label').notNull(),
    algorithm: text('algorithm').notNull().default('ed25519'),
    /** Raw 32-byte Ed25519 public key, base64 (RFC 4648 §4). */
    publicKey: text('public_key').notNull(),
    /** SHA-256 (hex) of the raw public key. */
    fingerprint: text('fingerprint').notNull(),
    status: text('status').notNull().default('active'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('participant_keys_fingerprint_key').on(t.fingerprint),
    index('participant_keys_participant_idx').on(t.participantId),
    check('participant_keys_algorithm_check', sql`${t.algorithm} in ('ed25519')`),
    check('participant_keys_status_check', sql`${t.status} in ('active','revoked')`),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorParticipantId: uuid('actor_participant_id'),
    actorLabel: text('actor_label').notNull(),
    via: text('via').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    /** The participant the subject belongs to, so participant admins see their own trail. */
    subjectParticipantId: uuid('subject_participant_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    requestId: text('request_id'),
    details: jsonb('details').notNull().default({}),
  },
  (t) => [
    index('audit_events_occurred_idx').on(t.occurredAt, t.id),
    index('audit_events_action_idx').on(t.action),
    index('audit_events_actor_idx').on(t.actorUserId),
    index('audit_events_subject_participant_idx').on(t.subjectParticipantId),
    index('audit_events_actor_participant_idx').on(t.actorParticipantId),
    check('audit_events_via_check', sql`${t.via} in ('session','token','cli','system')`),
  ],
);

/** Fixed-window counters shared by every server process (login throttling). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
);

/** bytea as Uint8Array on both drivers (pg returns Buffer, PGlite Uint8Array). */
export const bytea = customType<{ data: Uint8Array; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => new Uint8Array(value.buffer, value.byteOffset, value.byteLength),
});

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

/* ------------------------------------------------------------------------------------------
 * Points-of-contact directory (UN Global POC Directory; OSCE CBM 8), ping tests, messages.
 * ---------------------------------------------------------------------------------------- */

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    /** 'diplomatic' or 'technical' (the two POC kinds of the UN directory). */
    kind: text('kind').notNull(),
    /** 'primary' or 'alternate': one primary per participant and kind at any time. */
    designation: text('designation').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    organisation: text('organisation').notNull().default(''),
    languages: text('languages').array().notNull(),
    email: text('email'),
    phone: text('phone'),
    /** Secure messaging handle, e.g. `signal:+4312345`, `matrix:@poc:example.org`. */
    secureHandle: text('secure_handle'),
    /** '24/7', or 'hours' with `hours` and `timeZone`. */
    availability: text('availability').notNull(),
    hours: text('hours'),
    timeZone: text('time_zone'),
    validFrom: text('valid_from').notNull(),
    /** Inclusive last day; null while open-ended. ISO dates (YYYY-MM-DD). */
    validUntil: text('valid_until'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('contacts_participant_idx').on(t.participantId),
    check('contacts_kind_check', sql`${t.kind} in ('diplomatic','technical')`),
    check('contacts_designation_check', sql`${t.designation} in ('primary','alternate')`),
    check('contacts_availability_check', sql`${t.availability} in ('24/7','hours')`),
    check(
      'contacts_channel_check',
      sql`${t.email} is not null or ${t.phone} is not null or ${t.secureHandle} is not null`,
    ),
  ],
);

/** How a participant wants ping tasks and messages announced besides the app. */
export const directorySettings = pgTable('directory_settings', {
  participantId: uuid('participant_id')
    .primaryKey()
    .references(() => participants.id),
  webhookUrl: text('webhook_url'),
  /** HMAC-SHA256 key signing webhook bodies; shown to the participant once, when issued. */
  webhookSecret: text('webhook_secret'),
  updatedAt: updatedAt(),
});

export const pingRounds = pgTable(
  'ping_rounds',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    launchedByUser: uuid('launched_by_user').references(() => users.id),
    launchedAt: timestamp('launched_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Acknowledgements after this are late (overdue while missing). */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** A reminder goes to every unacknowledged contact this often until the round closes. */
    reminderIntervalMinutes: integer('reminder_interval_minutes').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('ping_rounds_launched_idx').on(t.launchedAt)],
);

export const pingTasks = pgTable(
  'ping_tasks',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => pingRounds.id),
    contactId: uuid('contact_id')
      .notNull()
      .references(() => contacts.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedByUser: uuid('acknowledged_by_user').references(() => users.id),
    remindersSent: integer('reminders_sent').notNull().default(0),
    lastRemindedAt: timestamp('last_reminded_at', { withTimezone: true, mode: 'date' }),
    /** Outcome of the last e-mail / webhook delivery attempt (null: not configured). */
    deliveryStatus: text('delivery_status'),
  },
  (t) => [
    uniqueIndex('ping_tasks_round_contact_key').on(t.roundId, t.contactId),
    index('ping_tasks_participant_idx').on(t.participantId, t.acknowledgedAt),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    /** The first message's id; replies share it. */
    threadId: uuid('thread_id').notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    /** The template's required fields, validated per template. */
    fields: jsonb('fields').notNull(),
    body: text('body').notNull().default(''),
    fromParticipant: uuid('from_participant')
      .notNull()
      .references(() => participants.id),
    fromUser: uuid('from_user').references(() => users.id),
    toParticipant: uuid('to_participant')
      .notNull()
      .references(() => participants.id),
    ackDueAt: timestamp('ack_due_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true, mode: 'date' }),
    acknowledgedByUser: uuid('acknowledged_by_user').references(() => users.id),
  },
  (t) => [
    index('messages_thread_idx').on(t.threadId, t.sentAt),
    index('messages_to_idx').on(t.toParticipant, t.sentAt),
    index('messages_from_idx').on(t.fromParticipant, t.sentAt),
    check(
      'messages_template_check',
      sql`${t.template} in ('request_for_information','incident_notification','assistance_request','consultation_request','reply')`,
    ),
  ],
);
