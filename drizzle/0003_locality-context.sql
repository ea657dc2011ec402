CREATE TABLE "locality_context" (
	"locality_id" integer NOT NULL,
	"fiscal_year" smallint NOT NULL,
	"population" integer,
	"overdose_deaths" integer,
	"source" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "locality_context_pk" PRIMARY KEY("locality_id","fiscal_year"),
	CONSTRAINT "locality_context_counts_check" CHECK (coalesce("locality_context"."population", 0) >= 0 and coalesce("locality_context"."overdose_deaths", 0) >= 0)
);
--> statement-breakpoint
ALTER TABLE "locality_context" ADD CONSTRAINT "locality_context_locality_id_localities_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."localities"("id") ON DELETE cascade ON UPDATE no action;