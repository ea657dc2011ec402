ALTER TABLE "receipts" ADD COLUMN "posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "receipts" ADD COLUMN "posted_by" integer;--> statement-breakpoint
ALTER TABLE "expenditures" ADD COLUMN "posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "expenditures" ADD COLUMN "posted_by" integer;--> statement-breakpoint
ALTER TABLE "receipts" ADD CONSTRAINT "receipts_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expenditures" ADD CONSTRAINT "expenditures_posted_by_users_id_fk" FOREIGN KEY ("posted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- Receipts and payments are recorded as drafts and count (publicly and in locality_year_totals) once posted. What
-- was recorded before this migration was counted the moment it was saved, so it is posted as of then, by whoever
-- recorded it. This runs under the old note functions, which do not look at posted_at: nothing is noted.
UPDATE "receipts" SET "posted_at" = "created_at", "posted_by" = "created_by" WHERE "posted_at" IS NULL;--> statement-breakpoint
UPDATE "expenditures" SET "posted_at" = "created_at", "posted_by" = "created_by" WHERE "posted_at" IS NULL;--> statement-breakpoint
-- The totals' functions of 0007, now counting receipts and payments only once posted.
-- The one place that computes totals from the rows: one locality, one fiscal year or (0) all of its years. The
-- year range form keeps one plan that uses the (locality_id, fiscal_year) indexes for both.
CREATE OR REPLACE FUNCTION abate_refresh_locality_totals(p_locality_id integer, p_fiscal_year smallint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  low smallint := CASE WHEN p_fiscal_year = 0 THEN -32768 ELSE p_fiscal_year END;
  high smallint := CASE WHEN p_fiscal_year = 0 THEN 32767 ELSE p_fiscal_year END;
BEGIN
  -- Reentrant: the settling trigger already holds it; a direct caller (bench, repairs) gets it here.
  PERFORM pg_advisory_xact_lock(47112007, p_locality_id);
  DELETE FROM locality_year_totals
   WHERE locality_id = p_locality_id AND fiscal_year BETWEEN low AND high;
  INSERT INTO locality_year_totals
    (locality_id, fiscal_year, received_cents, receipt_count, allocated_cents, approved_lines, spent_cents, payment_count)
  SELECT p_locality_id, g.fiscal_year, sum(g.received)::bigint, sum(g.receipts)::integer, sum(g.allocated)::bigint,
         sum(g.lines)::integer, sum(g.spent)::bigint, sum(g.payments)::integer
    FROM (
      SELECT r.fiscal_year, r.amount_cents AS received, 1 AS receipts, 0::bigint AS allocated, 0 AS lines,
             0::bigint AS spent, 0 AS payments
        FROM receipts r
       WHERE r.locality_id = p_locality_id AND r.fiscal_year BETWEEN low AND high AND r.deleted_at IS NULL AND r.posted_at IS NOT NULL
      UNION ALL
      SELECT a.fiscal_year, 0, 0, a.amount_cents, 1, 0, 0
        FROM allocations a
       WHERE a.locality_id = p_locality_id AND a.fiscal_year BETWEEN low AND high
         AND a.status = 'approved' AND a.deleted_at IS NULL
      UNION ALL
      SELECT x.fiscal_year, 0, 0, 0, 0, x.amount_cents, 1
        FROM expenditures x
        JOIN allocations a ON a.id = x.allocation_id
       WHERE x.locality_id = p_locality_id AND x.fiscal_year BETWEEN low AND high AND x.deleted_at IS NULL AND x.posted_at IS NOT NULL
         AND a.status = 'approved' AND a.deleted_at IS NULL
    ) g
   GROUP BY g.fiscal_year;
END;
$$;
--> statement-breakpoint
-- Every total from scratch, set-wise: after a load with triggers off (the benchmark's replica-role COPY), a
-- restore, or this migration. The EXCLUSIVE lock makes concurrent writers' COMMIT-time recomputes wait and then run
-- over what this one wrote, so the result is exact even on a live database. Readers are not blocked.
-- No nested loops: it runs right after bulk loads (restore, the benchmark), before any statistics exist, when the
-- planner would otherwise guess "two rows" and probe the payments once per line; hash joins read each table once.
CREATE OR REPLACE FUNCTION abate_rebuild_locality_totals() RETURNS void
LANGUAGE plpgsql SET enable_nestloop = off AS $$
BEGIN
  LOCK TABLE locality_year_totals IN EXCLUSIVE MODE;
  -- This transaction's own notes (and any a crashed session left): the rebuild below covers them.
  DELETE FROM locality_totals_dirty;
  DELETE FROM locality_year_totals;
  INSERT INTO locality_year_totals
    (locality_id, fiscal_year, received_cents, receipt_count, allocated_cents, approved_lines, spent_cents, payment_count)
  SELECT g.locality_id, g.fiscal_year, sum(g.received)::bigint, sum(g.receipts)::integer, sum(g.allocated)::bigint,
         sum(g.lines)::integer, sum(g.spent)::bigint, sum(g.payments)::integer
    FROM (
      SELECT r.locality_id, r.fiscal_year, sum(r.amount_cents) AS received, count(*) AS receipts,
             0::numeric AS allocated, 0::bigint AS lines, 0::numeric AS spent, 0::bigint AS payments
        FROM receipts r WHERE r.deleted_at IS NULL AND r.posted_at IS NOT NULL
       GROUP BY r.locality_id, r.fiscal_year
      UNION ALL
      SELECT a.locality_id, a.fiscal_year, 0, 0, sum(a.amount_cents), count(*), 0, 0
        FROM allocations a WHERE a.status = 'approved' AND a.deleted_at IS NULL
       GROUP BY a.locality_id, a.fiscal_year
      UNION ALL
      SELECT x.locality_id, x.fiscal_year, 0, 0, 0, 0, sum(x.amount_cents), count(*)
        FROM expenditures x
        JOIN allocations a ON a.id = x.allocation_id
       WHERE x.deleted_at IS NULL AND x.posted_at IS NOT NULL AND a.status = 'approved' AND a.deleted_at IS NULL
       GROUP BY x.locality_id, x.fiscal_year
    ) g
   GROUP BY g.locality_id, g.fiscal_year;
END;
$$;
--> statement-breakpoint
-- Receipts count when posted and not deleted. An update notes the old and the new pair, only when a counted column changed.
CREATE OR REPLACE FUNCTION abate_note_receipts_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), n.locality_id, n.fiscal_year FROM new_rows n WHERE n.deleted_at IS NULL AND n.posted_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), o.locality_id, o.fiscal_year FROM old_rows o WHERE o.deleted_at IS NULL AND o.posted_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), c.locality_id, c.fiscal_year
      FROM old_rows o
      FULL JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES
       (o.locality_id, o.fiscal_year, o.id IS NOT NULL AND o.deleted_at IS NULL AND o.posted_at IS NOT NULL),
       (n.locality_id, n.fiscal_year, n.id IS NOT NULL AND n.deleted_at IS NULL AND n.posted_at IS NOT NULL)) c(locality_id, fiscal_year, counted)
     WHERE c.counted
       AND (o.locality_id, o.fiscal_year, o.amount_cents, o.deleted_at, o.posted_at IS NULL)
           IS DISTINCT FROM (n.locality_id, n.fiscal_year, n.amount_cents, n.deleted_at, n.posted_at IS NULL)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Expenditures count when posted and not deleted (their line's status is read when the pair is recomputed). Each must belong to
-- its allocation's locality: that is what lets a line's approval touch only its own locality's totals.
CREATE OR REPLACE FUNCTION abate_note_expenditures_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR TG_OP = 'UPDATE' THEN
    IF EXISTS (
      SELECT 1 FROM new_rows n JOIN allocations a ON a.id = n.allocation_id WHERE a.locality_id <> n.locality_id
    ) THEN
      RAISE EXCEPTION 'an expenditure must belong to the locality of its allocation' USING ERRCODE = 'check_violation';
    END IF;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), n.locality_id, n.fiscal_year FROM new_rows n WHERE n.deleted_at IS NULL AND n.posted_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), o.locality_id, o.fiscal_year FROM old_rows o WHERE o.deleted_at IS NULL AND o.posted_at IS NOT NULL
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), c.locality_id, c.fiscal_year
      FROM old_rows o
      FULL JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES
       (o.locality_id, o.fiscal_year, o.id IS NOT NULL AND o.deleted_at IS NULL AND o.posted_at IS NOT NULL),
       (n.locality_id, n.fiscal_year, n.id IS NOT NULL AND n.deleted_at IS NULL AND n.posted_at IS NOT NULL)) c(locality_id, fiscal_year, counted)
     WHERE c.counted
       AND (o.locality_id, o.fiscal_year, o.amount_cents, o.deleted_at, o.allocation_id, o.posted_at IS NULL)
           IS DISTINCT FROM (n.locality_id, n.fiscal_year, n.amount_cents, n.deleted_at, n.allocation_id, n.posted_at IS NULL)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
SELECT abate_rebuild_locality_totals();
