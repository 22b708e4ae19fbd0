DROP INDEX "ledger_entries_queue_key";--> statement-breakpoint
DROP INDEX "ledger_entries_subject_idx";--> statement-breakpoint
DROP INDEX "ledger_entries_participant_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_entries_queue_key" ON "ledger_entries" USING btree ("queue_id") WHERE "ledger_entries"."queue_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_subject_idx" ON "ledger_entries" USING btree ("subject_type","subject_id") WHERE "ledger_entries"."subject_id" is not null;--> statement-breakpoint
CREATE INDEX "ledger_entries_participant_idx" ON "ledger_entries" USING btree ("participant_id") WHERE "ledger_entries"."participant_id" is not null;