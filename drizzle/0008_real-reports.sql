ALTER TYPE "public"."funding_source_kind" ADD VALUE 'interest';--> statement-breakpoint
ALTER TYPE "public"."funding_source_kind" ADD VALUE 'other';--> statement-breakpoint
ALTER TYPE "public"."locality_kind" ADD VALUE 'town';--> statement-breakpoint
ALTER TYPE "public"."locality_kind" ADD VALUE 'tribe';--> statement-breakpoint
ALTER TYPE "public"."locality_kind" ADD VALUE 'other';--> statement-breakpoint
ALTER TABLE "localities" ADD COLUMN "fips" text;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "payment_year" smallint;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "excludes_criminal_legal" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "categories" ADD COLUMN "unclassified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "allocations" ADD COLUMN "last_fiscal_year" smallint;--> statement-breakpoint
ALTER TABLE "expenditures" ADD COLUMN "recipient_id" integer;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_recipient_id_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "localities_fips_key" ON "localities" USING btree ("fips");--> statement-breakpoint
ALTER TABLE "localities" ADD CONSTRAINT "localities_fips_check" CHECK ("localities"."fips" is null or "localities"."fips" ~ '^([0-9]{2}|[0-9]{5}|[0-9]{7})$');--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_payment_year_check" CHECK ("receipts"."payment_year" is null or "receipts"."payment_year" between 2000 and 2100);--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_last_fiscal_year_check" CHECK ("allocations"."last_fiscal_year" is null or "allocations"."last_fiscal_year" between "allocations"."fiscal_year" and "allocations"."fiscal_year" + 20);