-- The audit log is append-only: the database refuses to rewrite history, whoever asks.
CREATE OR REPLACE FUNCTION abate_audit_log_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update_delete
  BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION abate_audit_log_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate
  BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION abate_audit_log_append_only();
--> statement-breakpoint
-- An allocation's category splits must cover exactly 100% and add up to its amount to the cent.
-- Checked at commit (deferred), so a transaction may replace the splits one row at a time.
CREATE OR REPLACE FUNCTION abate_check_allocation_splits() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  target_id integer;
  split_count integer;
  share_total bigint;
  amount_total numeric;
  allocation_amount bigint;
BEGIN
  IF TG_TABLE_NAME = 'allocations' THEN
    target_id := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    target_id := OLD.allocation_id;
  ELSE
    target_id := NEW.allocation_id;
  END IF;

  SELECT amount_cents INTO allocation_amount FROM allocations WHERE id = target_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  SELECT count(*), coalesce(sum(share_bp), 0), coalesce(sum(amount_cents), 0)
    INTO split_count, share_total, amount_total
    FROM allocation_splits WHERE allocation_id = target_id;

  IF split_count > 0 AND share_total <> 10000 THEN
    RAISE EXCEPTION 'allocation % category splits add up to % basis points, not 10000', target_id, share_total
      USING ERRCODE = 'check_violation';
  END IF;
  IF split_count > 0 AND amount_total <> allocation_amount THEN
    RAISE EXCEPTION 'allocation % category split amounts add up to % cents, not %', target_id, amount_total, allocation_amount
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER allocation_splits_sum_check
  AFTER INSERT OR UPDATE OR DELETE ON allocation_splits
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION abate_check_allocation_splits();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER allocations_splits_sum_check
  AFTER INSERT OR UPDATE OF amount_cents ON allocations
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION abate_check_allocation_splits();
