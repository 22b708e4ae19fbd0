/** Participants, users, sessions, API tokens, participant keys, audit and rate limits. */
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
import { createdAt, updatedAt } from './common';

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
