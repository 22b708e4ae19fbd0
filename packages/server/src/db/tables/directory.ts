/** Points-of-contact directory (UN Global POC Directory; OSCE CBM 8), ping tests, messages. */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt } from './common';
import { participants, users } from './core';

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
