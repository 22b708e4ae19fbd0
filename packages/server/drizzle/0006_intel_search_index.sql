CREATE TABLE "intel_search" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intel_search_pending" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"search_text" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "intel_objects" DROP CONSTRAINT "intel_objects_collection_id_intel_collections_id_fk";
--> statement-breakpoint
ALTER TABLE "intel_objects" DROP CONSTRAINT "intel_objects_origin_participant_id_participants_id_fk";
--> statement-breakpoint
ALTER TABLE "intel_objects" DROP CONSTRAINT "intel_objects_added_by_users_id_fk";
--> statement-breakpoint
-- Versions stored before this migration: indexed here, from the column about to go.
INSERT INTO "intel_search" ("seq", "document")
SELECT "seq", to_tsvector('simple'::regconfig, "search_text") FROM "intel_objects";--> statement-breakpoint
DROP INDEX "intel_objects_search_idx";--> statement-breakpoint
CREATE INDEX "intel_search_document_idx" ON "intel_search" USING gin ("document");--> statement-breakpoint
ALTER TABLE "intel_objects" DROP COLUMN "search_text";