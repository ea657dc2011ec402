-- Per-(locality, fiscal year) totals kept by the database in the same transaction as every write to receipts,
-- allocations and expenditures (docs/adr/0006-locality-year-totals.md). Two steps:
--   1. statement-level triggers (with transition tables, so a 5,000-row import batch fires once, not 5,000 times)
--      note which (locality, fiscal year) pairs the statement changed, in locality_totals_dirty;
--   2. a deferred constraint trigger on that table recomputes each noted pair ONCE, at COMMIT, from the rows
--      themselves, under a per-locality advisory lock, and deletes the notes.
-- Recomputing (never adding deltas) under the lock, at READ COMMITTED, is what keeps the totals exact when two
-- transactions write the same locality at once: whichever takes the lock second reads the first one's committed rows.

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
       WHERE r.locality_id = p_locality_id AND r.fiscal_year BETWEEN low AND high AND r.deleted_at IS NULL
      UNION ALL
      SELECT a.fiscal_year, 0, 0, a.amount_cents, 1, 0, 0
        FROM allocations a
       WHERE a.locality_id = p_locality_id AND a.fiscal_year BETWEEN low AND high
         AND a.status = 'approved' AND a.deleted_at IS NULL
      UNION ALL
      SELECT x.fiscal_year, 0, 0, 0, 0, x.amount_cents, 1
        FROM expenditures x
        JOIN allocations a ON a.id = x.allocation_id
       WHERE x.locality_id = p_locality_id AND x.fiscal_year BETWEEN low AND high AND x.deleted_at IS NULL
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
        FROM receipts r WHERE r.deleted_at IS NULL
       GROUP BY r.locality_id, r.fiscal_year
      UNION ALL
      SELECT a.locality_id, a.fiscal_year, 0, 0, sum(a.amount_cents), count(*), 0, 0
        FROM allocations a WHERE a.status = 'approved' AND a.deleted_at IS NULL
       GROUP BY a.locality_id, a.fiscal_year
      UNION ALL
      SELECT x.locality_id, x.fiscal_year, 0, 0, 0, 0, sum(x.amount_cents), count(*)
        FROM expenditures x
        JOIN allocations a ON a.id = x.allocation_id
       WHERE x.deleted_at IS NULL AND a.status = 'approved' AND a.deleted_at IS NULL
       GROUP BY x.locality_id, x.fiscal_year
    ) g
   GROUP BY g.locality_id, g.fiscal_year;
END;
$$;
--> statement-breakpoint
-- At COMMIT (deferred): the first of this transaction's notes settles all of them; the others find nothing left.
-- Locks are taken in locality order, so two transactions that touch the same localities cannot deadlock.
CREATE OR REPLACE FUNCTION abate_settle_locality_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target record;
BEGIN
  PERFORM 1 FROM locality_totals_dirty
   WHERE txid = NEW.txid AND locality_id = NEW.locality_id AND fiscal_year = NEW.fiscal_year;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  -- The recompute must see what was committed while it waited for the lock: a fresh snapshot per statement.
  IF current_setting('transaction_isolation') = 'repeatable read' THEN
    RAISE EXCEPTION 'writes to receipts, allocations and expenditures must run at READ COMMITTED or SERIALIZABLE'
      USING ERRCODE = 'object_not_in_prerequisite_state';
  END IF;
  FOR target IN
    SELECT DISTINCT locality_id FROM locality_totals_dirty WHERE txid = NEW.txid ORDER BY locality_id
  LOOP
    PERFORM pg_advisory_xact_lock(47112007, target.locality_id);
  END LOOP;
  FOR target IN
    WITH settled AS (
      DELETE FROM locality_totals_dirty WHERE txid = NEW.txid RETURNING locality_id, fiscal_year
    )
    SELECT DISTINCT s.locality_id, s.fiscal_year
      FROM settled s
     WHERE s.fiscal_year = 0
        OR NOT EXISTS (SELECT 1 FROM settled w WHERE w.locality_id = s.locality_id AND w.fiscal_year = 0)
     ORDER BY 1, 2
  LOOP
    PERFORM abate_refresh_locality_totals(target.locality_id, target.fiscal_year);
  END LOOP;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER locality_totals_dirty_settle
  AFTER INSERT ON locality_totals_dirty
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION abate_settle_locality_totals();
--> statement-breakpoint
-- Receipts count when not deleted. An update notes the old and the new pair, only when a counted column changed.
CREATE OR REPLACE FUNCTION abate_note_receipts_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), n.locality_id, n.fiscal_year FROM new_rows n WHERE n.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), o.locality_id, o.fiscal_year FROM old_rows o WHERE o.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), c.locality_id, c.fiscal_year
      FROM old_rows o
      FULL JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES
       (o.locality_id, o.fiscal_year, o.id IS NOT NULL AND o.deleted_at IS NULL),
       (n.locality_id, n.fiscal_year, n.id IS NOT NULL AND n.deleted_at IS NULL)) c(locality_id, fiscal_year, counted)
     WHERE c.counted
       AND (o.locality_id, o.fiscal_year, o.amount_cents, o.deleted_at)
           IS DISTINCT FROM (n.locality_id, n.fiscal_year, n.amount_cents, n.deleted_at)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Allocations count when approved and not deleted. When that changes, the spending under the line changes in every
-- year it was paid, so the whole locality is noted (year 0). Submitting or editing a draft notes nothing.
CREATE OR REPLACE FUNCTION abate_note_allocations_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), n.locality_id, n.fiscal_year FROM new_rows n
     WHERE n.status = 'approved' AND n.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), o.locality_id, 0 FROM old_rows o
     WHERE o.status = 'approved' AND o.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSE
    -- Spending is summed per expenditure locality: a line's payments must stay in the line's locality.
    IF EXISTS (
      SELECT 1 FROM old_rows o JOIN new_rows n ON n.id = o.id JOIN expenditures x ON x.allocation_id = n.id
       WHERE o.locality_id <> n.locality_id
    ) THEN
      RAISE EXCEPTION 'an allocation with payments cannot move to another locality' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), c.locality_id, c.fiscal_year
      FROM old_rows o
      FULL JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (SELECT coalesce(o.status = 'approved' AND o.deleted_at IS NULL, false) AS was,
                                coalesce(n.status = 'approved' AND n.deleted_at IS NULL, false) AS now) f
     CROSS JOIN LATERAL (VALUES
       (o.locality_id, CASE WHEN f.was <> f.now THEN 0 ELSE o.fiscal_year END),
       (n.locality_id, CASE WHEN f.was <> f.now THEN 0 ELSE n.fiscal_year END)) c(locality_id, fiscal_year)
     WHERE c.locality_id IS NOT NULL
       AND (f.was <> f.now
            OR (f.was AND f.now AND (o.locality_id, o.fiscal_year, o.amount_cents)
                                    IS DISTINCT FROM (n.locality_id, n.fiscal_year, n.amount_cents)))
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Expenditures count when not deleted (their line's status is read when the pair is recomputed). Each must belong to
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
    SELECT DISTINCT txid_current(), n.locality_id, n.fiscal_year FROM new_rows n WHERE n.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), o.locality_id, o.fiscal_year FROM old_rows o WHERE o.deleted_at IS NULL
    ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
    SELECT DISTINCT txid_current(), c.locality_id, c.fiscal_year
      FROM old_rows o
      FULL JOIN new_rows n ON n.id = o.id
     CROSS JOIN LATERAL (VALUES
       (o.locality_id, o.fiscal_year, o.id IS NOT NULL AND o.deleted_at IS NULL),
       (n.locality_id, n.fiscal_year, n.id IS NOT NULL AND n.deleted_at IS NULL)) c(locality_id, fiscal_year, counted)
     WHERE c.counted
       AND (o.locality_id, o.fiscal_year, o.amount_cents, o.deleted_at, o.allocation_id)
           IS DISTINCT FROM (n.locality_id, n.fiscal_year, n.amount_cents, n.deleted_at, n.allocation_id)
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- TRUNCATE has no transition table: note every locality, every year.
CREATE OR REPLACE FUNCTION abate_note_all_localities_totals() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO locality_totals_dirty (txid, locality_id, fiscal_year)
  SELECT txid_current(), l.id, 0 FROM localities l
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER receipts_totals_insert AFTER INSERT ON receipts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_receipts_totals();
--> statement-breakpoint
CREATE TRIGGER receipts_totals_update AFTER UPDATE ON receipts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_receipts_totals();
--> statement-breakpoint
CREATE TRIGGER receipts_totals_delete AFTER DELETE ON receipts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_receipts_totals();
--> statement-breakpoint
CREATE TRIGGER receipts_totals_truncate AFTER TRUNCATE ON receipts
  FOR EACH STATEMENT EXECUTE FUNCTION abate_note_all_localities_totals();
--> statement-breakpoint
CREATE TRIGGER allocations_totals_insert AFTER INSERT ON allocations
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_allocations_totals();
--> statement-breakpoint
CREATE TRIGGER allocations_totals_update AFTER UPDATE ON allocations
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_allocations_totals();
--> statement-breakpoint
CREATE TRIGGER allocations_totals_delete AFTER DELETE ON allocations
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_allocations_totals();
--> statement-breakpoint
CREATE TRIGGER allocations_totals_truncate AFTER TRUNCATE ON allocations
  FOR EACH STATEMENT EXECUTE FUNCTION abate_note_all_localities_totals();
--> statement-breakpoint
CREATE TRIGGER expenditures_totals_insert AFTER INSERT ON expenditures
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_expenditures_totals();
--> statement-breakpoint
CREATE TRIGGER expenditures_totals_update AFTER UPDATE ON expenditures
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_expenditures_totals();
--> statement-breakpoint
CREATE TRIGGER expenditures_totals_delete AFTER DELETE ON expenditures
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION abate_note_expenditures_totals();
--> statement-breakpoint
CREATE TRIGGER expenditures_totals_truncate AFTER TRUNCATE ON expenditures
  FOR EACH STATEMENT EXECUTE FUNCTION abate_note_all_localities_totals();
--> statement-breakpoint
-- Backfill: the totals of the rows already there.
SELECT abate_rebuild_locality_totals();
