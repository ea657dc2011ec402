CREATE TABLE "locality_totals_dirty" (
	"txid" bigint NOT NULL,
	"locality_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	CONSTRAINT "locality_totals_dirty_pk" PRIMARY KEY("txid","locality_id","fiscal_year")
);
--> statement-breakpoint
CREATE TABLE "locality_year_totals" (
	"locality_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"received_cents" bigint NOT NULL,
	"receipt_count" integer NOT NULL,
	"allocated_cents" bigint NOT NULL,
	"approved_lines" integer NOT NULL,
	"spent_cents" bigint NOT NULL,
	"payment_count" integer NOT NULL,
	CONSTRAINT "locality_year_totals_pk" PRIMARY KEY("locality_id","fiscal_year"),
	CONSTRAINT "locality_year_totals_counts_check" CHECK ("locality_year_totals"."receipt_count" >= 0 and "locality_year_totals"."approved_lines" >= 0 and "locality_year_totals"."payment_count" >= 0
        and "locality_year_totals"."receipt_count" + "locality_year_totals"."approved_lines" + "locality_year_totals"."payment_count" > 0)
);
--> statement-breakpoint
ALTER TABLE "locality_year_totals" ADD CONSTRAINT "locality_year_totals_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "locality_year_totals_fy_idx" ON "locality_year_totals" USING btree ("fiscal_year");