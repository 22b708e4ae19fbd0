CREATE TABLE "amendment_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"amendment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"user_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendment_endorsements" (
	"amendment_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"user_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "amendment_endorsements_amendment_id_participant_id_pk" PRIMARY KEY("amendment_id","participant_id")
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"designation" text NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"organisation" text DEFAULT '' NOT NULL,
	"languages" text[] NOT NULL,
	"email" text,
	"phone" text,
	"secure_handle" text,
	"availability" text NOT NULL,
	"hours" text,
	"time_zone" text,
	"valid_from" text NOT NULL,
	"valid_until" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contacts_kind_check" CHECK ("contacts"."kind" in ('diplomatic','technical')),
	CONSTRAINT "contacts_designation_check" CHECK ("contacts"."designation" in ('primary','alternate')),
	CONSTRAINT "contacts_availability_check" CHECK ("contacts"."availability" in ('24/7','hours')),
	CONSTRAINT "contacts_channel_check" CHECK ("contacts"."email" is not null or "contacts"."phone" is not null or "contacts"."secure_handle" is not null)
);
--> statement-breakpoint
CREATE TABLE "directory_settings" (
	"participant_id" uuid PRIMARY KEY NOT NULL,
	"webhook_url" text,
	"webhook_secret" text,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "doctrine_commitments" (
	"doctrine_version_id" uuid NOT NULL,
	"ordinal" integer NOT NULL,
	"norm_id" text NOT NULL,
	"statement" text NOT NULL,
	"conditions" text DEFAULT '' NOT NULL,
	CONSTRAINT "doctrine_commitments_doctrine_version_id_ordinal_pk" PRIMARY KEY("doctrine_version_id","ordinal")
);
--> statement-breakpoint
CREATE TABLE "doctrine_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"participant_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"red_lines" jsonb NOT NULL,
	"thresholds" jsonb NOT NULL,
	"permissible_defence" jsonb NOT NULL,
	"visibility" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"key_id" text NOT NULL,
	"ledger_queue_id" bigint NOT NULL,
	"ledger_salt" text,
	"published_by_user" uuid,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "doctrine_versions_visibility_check" CHECK ("doctrine_versions"."visibility" in ('public','community')),
	CONSTRAINT "doctrine_versions_version_check" CHECK ("doctrine_versions"."version" >= 1),
	CONSTRAINT "doctrine_versions_ledger_salt_check" CHECK (("doctrine_versions"."visibility" = 'community') = ("doctrine_versions"."ledger_salt" is not null))
);
--> statement-breakpoint
CREATE TABLE "glossary_terms" (
	"id" text PRIMARY KEY NOT NULL,
	"term" text NOT NULL,
	"definition" text NOT NULL,
	"thresholds" text DEFAULT '' NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"thread_id" uuid NOT NULL,
	"template" text NOT NULL,
	"subject" text NOT NULL,
	"fields" jsonb NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"from_participant" uuid NOT NULL,
	"from_user" uuid,
	"to_participant" uuid NOT NULL,
	"ack_due_at" timestamp with time zone,
	"sent_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user" uuid,
	CONSTRAINT "messages_template_check" CHECK ("messages"."template" in ('request_for_information','incident_notification','assistance_request','consultation_request','reply'))
);
--> statement-breakpoint
CREATE TABLE "norm_amendments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"norm_id" text NOT NULL,
	"base_version" integer,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"category" text NOT NULL,
	"pillar" integer NOT NULL,
	"sectors" text[] NOT NULL,
	"term_ids" text[] NOT NULL,
	"rationale" text NOT NULL,
	"status" text NOT NULL,
	"proposed_by_participant" uuid NOT NULL,
	"proposed_by_user" uuid,
	"decision_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by_user" uuid,
	"resulting_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "norm_amendments_kind_check" CHECK ("norm_amendments"."kind" in ('new','change','retire')),
	CONSTRAINT "norm_amendments_status_check" CHECK ("norm_amendments"."status" in ('open','adopted','rejected','withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "norm_versions" (
	"norm_id" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"text" text NOT NULL,
	"category" text NOT NULL,
	"pillar" integer NOT NULL,
	"sectors" text[] NOT NULL,
	"term_ids" text[] NOT NULL,
	"amendment_id" uuid,
	"ledger_queue_id" bigint,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "norm_versions_norm_id_version_pk" PRIMARY KEY("norm_id","version"),
	CONSTRAINT "norm_versions_category_check" CHECK ("norm_versions"."category" in ('prohibition','restraint','defensive_permission','cooperation_duty','protection_duty')),
	CONSTRAINT "norm_versions_pillar_check" CHECK ("norm_versions"."pillar" between 1 and 10)
);
--> statement-breakpoint
CREATE TABLE "norms" (
	"id" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"current_version" integer NOT NULL,
	"source" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "norms_status_check" CHECK ("norms"."status" in ('proposed','adopted','retired','rejected','withdrawn')),
	CONSTRAINT "norms_id_check" CHECK ("norms"."id" ~ '^[A-Z][A-Z0-9]*(-[A-Za-z0-9]+)+$')
);
--> statement-breakpoint
CREATE TABLE "ping_rounds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"launched_by_user" uuid,
	"launched_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"reminder_interval_minutes" integer NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ping_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"round_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"participant_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by_user" uuid,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"last_reminded_at" timestamp with time zone,
	"delivery_status" text
);
--> statement-breakpoint
CREATE TABLE "term_variants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"term_id" text NOT NULL,
	"participant_id" uuid NOT NULL,
	"definition" text NOT NULL,
	"source" text NOT NULL,
	"source_url" text,
	"aligned" text DEFAULT 'no' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "term_variants_aligned_check" CHECK ("term_variants"."aligned" in ('no','partly','yes'))
);
--> statement-breakpoint
ALTER TABLE "amendment_comments" ADD CONSTRAINT "amendment_comments_amendment_id_norm_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."norm_amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_comments" ADD CONSTRAINT "amendment_comments_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_comments" ADD CONSTRAINT "amendment_comments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_endorsements" ADD CONSTRAINT "amendment_endorsements_amendment_id_norm_amendments_id_fk" FOREIGN KEY ("amendment_id") REFERENCES "public"."norm_amendments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_endorsements" ADD CONSTRAINT "amendment_endorsements_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendment_endorsements" ADD CONSTRAINT "amendment_endorsements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_settings" ADD CONSTRAINT "directory_settings_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctrine_commitments" ADD CONSTRAINT "doctrine_commitments_doctrine_version_id_doctrine_versions_id_fk" FOREIGN KEY ("doctrine_version_id") REFERENCES "public"."doctrine_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctrine_commitments" ADD CONSTRAINT "doctrine_commitments_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctrine_versions" ADD CONSTRAINT "doctrine_versions_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "doctrine_versions" ADD CONSTRAINT "doctrine_versions_published_by_user_users_id_fk" FOREIGN KEY ("published_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_from_participant_participants_id_fk" FOREIGN KEY ("from_participant") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_from_user_users_id_fk" FOREIGN KEY ("from_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_to_participant_participants_id_fk" FOREIGN KEY ("to_participant") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_acknowledged_by_user_users_id_fk" FOREIGN KEY ("acknowledged_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_amendments" ADD CONSTRAINT "norm_amendments_proposed_by_participant_participants_id_fk" FOREIGN KEY ("proposed_by_participant") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_amendments" ADD CONSTRAINT "norm_amendments_proposed_by_user_users_id_fk" FOREIGN KEY ("proposed_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_amendments" ADD CONSTRAINT "norm_amendments_decided_by_user_users_id_fk" FOREIGN KEY ("decided_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "norm_versions" ADD CONSTRAINT "norm_versions_norm_id_norms_id_fk" FOREIGN KEY ("norm_id") REFERENCES "public"."norms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_rounds" ADD CONSTRAINT "ping_rounds_launched_by_user_users_id_fk" FOREIGN KEY ("launched_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_tasks" ADD CONSTRAINT "ping_tasks_round_id_ping_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."ping_rounds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_tasks" ADD CONSTRAINT "ping_tasks_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_tasks" ADD CONSTRAINT "ping_tasks_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ping_tasks" ADD CONSTRAINT "ping_tasks_acknowledged_by_user_users_id_fk" FOREIGN KEY ("acknowledged_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_variants" ADD CONSTRAINT "term_variants_term_id_glossary_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."glossary_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term_variants" ADD CONSTRAINT "term_variants_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "amendment_comments_amendment_idx" ON "amendment_comments" USING btree ("amendment_id","created_at");--> statement-breakpoint
CREATE INDEX "contacts_participant_idx" ON "contacts" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "doctrine_commitments_norm_idx" ON "doctrine_commitments" USING btree ("norm_id");--> statement-breakpoint
CREATE UNIQUE INDEX "doctrine_versions_participant_version_key" ON "doctrine_versions" USING btree ("participant_id","version");--> statement-breakpoint
CREATE INDEX "messages_thread_idx" ON "messages" USING btree ("thread_id","sent_at");--> statement-breakpoint
CREATE INDEX "messages_to_idx" ON "messages" USING btree ("to_participant","sent_at");--> statement-breakpoint
CREATE INDEX "messages_from_idx" ON "messages" USING btree ("from_participant","sent_at");--> statement-breakpoint
CREATE INDEX "norm_amendments_norm_idx" ON "norm_amendments" USING btree ("norm_id");--> statement-breakpoint
CREATE INDEX "norm_amendments_status_idx" ON "norm_amendments" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "ping_rounds_launched_idx" ON "ping_rounds" USING btree ("launched_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ping_tasks_round_contact_key" ON "ping_tasks" USING btree ("round_id","contact_id");--> statement-breakpoint
CREATE INDEX "ping_tasks_participant_idx" ON "ping_tasks" USING btree ("participant_id","acknowledged_at");--> statement-breakpoint
CREATE UNIQUE INDEX "term_variants_term_participant_key" ON "term_variants" USING btree ("term_id","participant_id");--> statement-breakpoint
CREATE INDEX "term_variants_participant_idx" ON "term_variants" USING btree ("participant_id");