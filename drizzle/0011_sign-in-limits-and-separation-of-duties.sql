CREATE INDEX "sign_in_attempts_at_idx" ON "sign_in_attempts" USING btree ("at");--> statement-breakpoint
-- Separation of duties: whoever created or submitted an allocation line never decides on it (approves or returns
-- it), whatever path writes it: a form, an import, a script or SQL by hand. The services refuse first, with a
-- message (lib/services/separation-of-duties.ts); this is the last line. Checked whenever a decision is written or
-- the people on a decided line change; the command line's imports write no person at all and pass.
CREATE OR REPLACE FUNCTION abate_allocation_separation_of_duties() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_by = NEW.submitted_by OR NEW.decided_by = NEW.created_by THEN
    RAISE EXCEPTION 'allocation %: the person who created or submitted a line cannot decide on it', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'allocations_separation_of_duties';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_separation_of_duties
  BEFORE INSERT OR UPDATE OF decided_by, submitted_by, created_by ON allocations
  FOR EACH ROW WHEN (NEW.decided_by IS NOT NULL)
  EXECUTE FUNCTION abate_allocation_separation_of_duties();
