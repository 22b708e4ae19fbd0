/**
 * Intelligence exchange (PRODUCT.md §2): sharing communities, TAXII 2.1 collections, STIX 2.1
 * object versions with their TLP audience, and TAXII status resources.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
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
import { bytea, createdAt } from './common';
import { participants, users } from './core';

/**
 * A sharing community: who may read and write its collections. `all-members` includes every
 * active participant of the node (read and write); `group` and `bilateral` list their members.
 */
export const intelCommunities = pgTable(
  'intel_communities',
  {
    id: uuid('id').primaryKey(),
    slug: text('slug').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    kind: text('kind').notNull(),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('intel_communities_slug_idx').on(t.slug),
    check('intel_communities_kind_check', sql`${t.kind} in ('all-members','group','bilateral')`),
  ],
);

export const intelCommunityMembers = pgTable(
  'intel_community_members',
  {
    communityId: uuid('community_id')
      .notNull()
      .references(() => intelCommunities.id),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    canRead: boolean('can_read').notNull(),
    canWrite: boolean('can_write').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.communityId, t.participantId] }),
    index('intel_community_members_participant_idx').on(t.participantId),
  ],
);

/** A TAXII 2.1 collection (§5.2); its id is the TAXII collection id. */
export const intelCollections = pgTable(
  'intel_collections',
  {
    id: uuid('id').primaryKey(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => intelCommunities.id),
    alias: text('alias'),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
    createdBy: uuid('created_by').references(() => users.id),
    /**
     * The latest date_added given in this collection. Adds take this row's lock and never go
     * below it, so date_added order is commit order within a collection and a reader's
     * (date_added, seq) cursor never has a row committed behind it.
     */
    lastAddedAt: timestamp('last_added_at', { withTimezone: true, mode: 'date', precision: 6 }),
  },
  (t) => [
    uniqueIndex('intel_collections_alias_idx')
      .on(t.alias)
      .where(sql`${t.alias} is not null`),
    index('intel_collections_community_idx').on(t.communityId),
  ],
);

/**
 * One version of one STIX object in one collection. `version_key` orders versions (the
 * object's `modified`, else `created`, as a fixed-width UTC timestamp with 9 fractional
 * digits; '' for unversioned objects such as SCOs, which are stored once).
 *
 * No foreign keys: their checks were a fifth of the database's time per stored version in
 * bulk ingest (three lookups a row; bench/RESULTS.md, "Intel"). What they would guard holds
 * by construction: every add holds the lock on its collection row (`claimAddTime`, which
 * fails if the row is gone) for the whole transaction, the origin and sharer are the signed-in
 * actor's own participant and user, and collections, participants and users are never
 * deleted (participants and users are deactivated).
 */
export const intelObjects = pgTable(
  'intel_objects',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    collectionId: uuid('collection_id').notNull(),
    stixId: text('stix_id').notNull(),
    type: text('type').notNull(),
    specVersion: text('spec_version').notNull(),
    /** The object's own `modified` (or `created`) text, as given; null when unversioned. */
    version: text('version'),
    versionKey: text('version_key').notNull(),
    dateAdded: timestamp('date_added', {
      withTimezone: true,
      mode: 'date',
      precision: 6,
    }).notNull(),
    isLatest: boolean('is_latest').notNull(),
    isFirst: boolean('is_first').notNull(),
    /** TLP 2.0 level: clear, green, amber, amber+strict, red. */
    tlp: text('tlp').notNull(),
    /** The organisation that shared it (AMBER, AMBER+STRICT: always in the audience). */
    originParticipantId: uuid('origin_participant_id').notNull(),
    recipientParticipantIds: uuid('recipient_participant_ids').array().notNull(),
    /** TLP:RED audience: named individuals (the sharer is one of them). */
    recipientUserIds: uuid('recipient_user_ids').array().notNull(),
    addedBy: uuid('added_by'),
    /** relationship: source_ref / target_ref; sighting: first where_sighted_ref / sighting_of_ref. */
    sourceRef: text('source_ref'),
    targetRef: text('target_ref'),
    /** The object as compact JSON text, served as it is. */
    body: text('body').notNull(),
  },
  (t) => [
    uniqueIndex('intel_objects_version_idx').on(t.collectionId, t.stixId, t.versionKey),
    index('intel_objects_added_idx').on(t.collectionId, t.dateAdded, t.seq),
    index('intel_objects_latest_idx')
      .on(t.collectionId, t.dateAdded, t.seq)
      .where(sql`${t.isLatest}`),
    index('intel_objects_latest_type_idx')
      .on(t.collectionId, t.type, t.dateAdded, t.seq)
      .where(sql`${t.isLatest}`),
    index('intel_objects_target_idx')
      .on(t.targetRef)
      .where(sql`${t.targetRef} is not null`),
    index('intel_objects_source_idx')
      .on(t.sourceRef)
      .where(sql`${t.sourceRef} is not null`),
    check(
      'intel_objects_tlp_check',
      sql`${t.tlp} in ('clear','green','amber','amber+strict','red')`,
    ),
  ],
);

/** tsvector: the text search document (PostgreSQL §8.11.2). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The full-text index of object versions, kept out of the ingest transaction: a GIN insert
 * costs more than the rest of storing a version together (bench/RESULTS.md, "Intel"), so
 * adds queue each version's search text in `intel_search_pending` and a background indexer
 * (modules/intel/search-index.ts) moves it here. A version is always in exactly one of the
 * two tables, and search reads both, so results never lag; only their speed does.
 * No foreign keys: deleting a version deletes its rows here in the same transaction, and the
 * indexer's bulk inserts are not slowed by a check per row.
 */
export const intelSearch = pgTable(
  'intel_search',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    document: tsvector('document').notNull(),
  },
  (t) => [index('intel_search_document_idx').using('gin', t.document)],
);

/** Search text (name, description, pattern, value …) of versions not yet indexed. */
export const intelSearchPending = pgTable('intel_search_pending', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  searchText: text('search_text').notNull(),
});

/** A TAXII 2.1 status resource (§4.3.1) for one POST to a collection's objects. */
export const intelStatus = pgTable(
  'intel_status',
  {
    id: uuid('id').primaryKey(),
    collectionId: uuid('collection_id')
      .notNull()
      .references(() => intelCollections.id),
    /** Only the poster's organisation may read a status. */
    participantId: uuid('participant_id')
      .notNull()
      .references(() => participants.id),
    userId: uuid('user_id').references(() => users.id),
    status: text('status').notNull(),
    requestTimestamp: timestamp('request_timestamp', {
      withTimezone: true,
      mode: 'date',
      precision: 6,
    }).notNull(),
    totalCount: integer('total_count').notNull(),
    successCount: integer('success_count').notNull(),
    failureCount: integer('failure_count').notNull(),
    pendingCount: integer('pending_count').notNull(),
    /** [{ id, version?, message? }] per TAXII §4.3.1 status-details. */
    successes: jsonb('successes').notNull(),
    failures: jsonb('failures').notNull(),
    pendings: jsonb('pendings').notNull(),
    /** The envelope of a POST processed in the background; cleared once done. */
    body: bytea('body'),
    /** Default TLP and audience chosen by the poster, applied to the pending objects. */
    options: jsonb('options').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('intel_status_pending_idx')
      .on(t.requestTimestamp)
      .where(sql`${t.status} = 'pending'`),
    check('intel_status_status_check', sql`${t.status} in ('pending','complete')`),
  ],
);
