CREATE TABLE "ledger_checkpoints" (
	"size" bigint PRIMARY KEY NOT NULL,
	"root" "bytea" NOT NULL,
	"note" text NOT NULL,
	"cosignatures" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_entries" (
	"idx" bigint PRIMARY KEY NOT NULL,
	"leaf_hash" "bytea" NOT NULL,
	"data" "bytea" NOT NULL,
	"kind" text NOT NULL,
	"payload_type" text NOT NULL,
	"participant_id" uuid,
	"key_id" text,
	"subject_type" text,
	"subject_id" text,
	"queue_id" bigint NOT NULL,
	"logged_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_entries_kind_check" CHECK ("ledger_entries"."kind" in ('statement','commitment'))
);
--> statement-breakpoint
CREATE TABLE "ledger_nodes" (
	"level" integer NOT NULL,
	"idx" bigint NOT NULL,
	"hash" "bytea" NOT NULL,
	CONSTRAINT "ledger_nodes_level_idx_pk" PRIMARY KEY("level","idx")
);
--> statement-breakpoint
CREATE TABLE "ledger_queue" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_queue_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"data" "bytea" NOT NULL,
	"kind" text NOT NULL,
	"payload_type" text NOT NULL,
	"participant_id" uuid,
	"key_id" text,
	"subject_type" text,
	"subject_id" text,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"origin" text NOT NULL,
	"verifier_key" text NOT NULL,
	"size" bigint NOT NULL,
	"root" "bytea" NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_state_singleton" CHECK ("ledger_state"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "witnessed_logs" (
	"origin" text PRIMARY KEY NOT NULL,
	"verifier_key" text NOT NULL,
	"size" bigint DEFAULT 0 NOT NULL,
	"root" "bytea",
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_queue_key" ON "ledger_entries" USING btree ("queue_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_subject_idx" ON "ledger_entries" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "ledger_entries_participant_idx" ON "ledger_entries" USING btree ("participant_id");