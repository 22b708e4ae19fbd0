CREATE TABLE "intel_collections" (
	"id" uuid PRIMARY KEY NOT NULL,
	"community_id" uuid NOT NULL,
	"alias" text,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"last_added_at" timestamp (6) with time zone
);
--> statement-breakpoint
CREATE TABLE "intel_communities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	CONSTRAINT "intel_communities_kind_check" CHECK ("intel_communities"."kind" in ('all-members','group','bilateral'))
);
--> statement-breakpoint
CREATE TABLE "intel_community_members" (
	"community_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"can_read" boolean NOT NULL,
	"can_write" boolean NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "intel_community_members_community_id_participant_id_pk" PRIMARY KEY("community_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "intel_objects" (
	"seq" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "intel_objects_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"collection_id" uuid NOT NULL,
	"stix_id" text NOT NULL,
	"type" text NOT NULL,
	"spec_version" text NOT NULL,
	"version" text,
	"version_key" text NOT NULL,
	"date_added" timestamp (6) with time zone NOT NULL,
	"is_latest" boolean NOT NULL,
	"is_first" boolean NOT NULL,
	"tlp" text NOT NULL,
	"origin_participant_id" uuid NOT NULL,
	"recipient_participant_ids" uuid[] NOT NULL,
	"recipient_user_ids" uuid[] NOT NULL,
	"added_by" uuid,
	"source_ref" text,
	"target_ref" text,
	"search_text" text NOT NULL,
	"body" text NOT NULL,
	CONSTRAINT "intel_objects_tlp_check" CHECK ("intel_objects"."tlp" in ('clear','green','amber','amber+strict','red'))
);
--> statement-breakpoint
CREATE TABLE "intel_status" (
	"id" uuid PRIMARY KEY NOT NULL,
	"collection_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"user_id" uuid,
	"status" text NOT NULL,
	"request_timestamp" timestamp (6) with time zone NOT NULL,
	"total_count" integer NOT NULL,
	"success_count" integer NOT NULL,
	"failure_count" integer NOT NULL,
	"pending_count" integer NOT NULL,
	"successes" jsonb NOT NULL,
	"failures" jsonb NOT NULL,
	"pendings" jsonb NOT NULL,
	"body" "bytea",
	"options" jsonb NOT NULL,
	"claimed_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "intel_status_status_check" CHECK ("intel_status"."status" in ('pending','complete'))
);
--> statement-breakpoint
ALTER TABLE "intel_collections" ADD CONSTRAINT "intel_collections_community_id_intel_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."intel_communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_collections" ADD CONSTRAINT "intel_collections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_communities" ADD CONSTRAINT "intel_communities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_community_members" ADD CONSTRAINT "intel_community_members_community_id_intel_communities_id_fk" FOREIGN KEY ("community_id") REFERENCES "public"."intel_communities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_community_members" ADD CONSTRAINT "intel_community_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_objects" ADD CONSTRAINT "intel_objects_collection_id_intel_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."intel_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_objects" ADD CONSTRAINT "intel_objects_origin_participant_id_participants_id_fk" FOREIGN KEY ("origin_participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_objects" ADD CONSTRAINT "intel_objects_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_status" ADD CONSTRAINT "intel_status_collection_id_intel_collections_id_fk" FOREIGN KEY ("collection_id") REFERENCES "public"."intel_collections"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_status" ADD CONSTRAINT "intel_status_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intel_status" ADD CONSTRAINT "intel_status_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "intel_collections_alias_idx" ON "intel_collections" USING btree ("alias") WHERE "intel_collections"."alias" is not null;--> statement-breakpoint
CREATE INDEX "intel_collections_community_idx" ON "intel_collections" USING btree ("community_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_communities_slug_idx" ON "intel_communities" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "intel_community_members_participant_idx" ON "intel_community_members" USING btree ("participant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "intel_objects_version_idx" ON "intel_objects" USING btree ("collection_id","stix_id","version_key");--> statement-breakpoint
CREATE INDEX "intel_objects_added_idx" ON "intel_objects" USING btree ("collection_id","date_added","seq");--> statement-breakpoint
CREATE INDEX "intel_objects_latest_idx" ON "intel_objects" USING btree ("collection_id","date_added","seq") WHERE "intel_objects"."is_latest";--> statement-breakpoint
CREATE INDEX "intel_objects_latest_type_idx" ON "intel_objects" USING btree ("collection_id","type","date_added","seq") WHERE "intel_objects"."is_latest";--> statement-breakpoint
CREATE INDEX "intel_objects_target_idx" ON "intel_objects" USING btree ("target_ref") WHERE "intel_objects"."target_ref" is not null;--> statement-breakpoint
CREATE INDEX "intel_objects_source_idx" ON "intel_objects" USING btree ("source_ref") WHERE "intel_objects"."source_ref" is not null;--> statement-breakpoint
CREATE INDEX "intel_objects_search_idx" ON "intel_objects" USING gin (to_tsvector('simple'::regconfig, "search_text"));--> statement-breakpoint
CREATE INDEX "intel_status_pending_idx" ON "intel_status" USING btree ("request_timestamp") WHERE "intel_status"."status" = 'pending';