import Link from 'next/link';
import type { ReactNode } from 'react';

/**
 * A form's submit button; it says "Saving…" (or `pendingLabel`; null: the label stays) while the action runs, and
 * cannot be pressed twice.
 */
export function SubmitButton({
  pending,
  label,
  pendingLabel = 'Saving…',
  secondary = false,
  name,
  value,
  describedBy,
  disabled = false,
  children,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string | null;
  secondary?: boolean;
  /** The submitted choice, e.g. `intent=draft`. */
  name?: string;
  value?: string;
  describedBy?: string;
  /** Not available yet, whatever the action is doing (nothing selected). */
  disabled?: boolean;
  /** After the label: what it acts on, for a screen reader (`<span className="visually-hidden">`). */
  children?: ReactNode;
}) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={secondary ? 'button button--secondary' : 'button'}
      disabled={pending || disabled}
      aria-describedby={describedBy}
    >
      {pending && pendingLabel !== null ? pendingLabel : label}
      {children}
    </button>
  );
}

/** Back to where the person came from, nothing saved; a plain link, or (by default) one that looks like a button. */
export function CancelLink({ href, plain = false }: { href: string; plain?: boolean }) {
  return (
    <Link href={href} className={plain ? undefined : 'button button--secondary'}>
      Cancel
    </Link>
  );
}

/** The row under a form: save, and cancel when there is somewhere to go back to. */
export function SubmitRow({
  pending,
  label,
  pendingLabel,
  cancelHref,
  plainCancel,
}: {
  pending: boolean;
  label: string;
  pendingLabel?: string | null;
  cancelHref?: string;
  plainCancel?: boolean;
}) {
  return (
    <div className="button-row">
      <SubmitButton pending={pending} label={label} pendingLabel={pendingLabel} />
      {cancelHref ? <CancelLink href={cancelHref} plain={plainCancel} /> : null}
    </div>
  );
}

/** A board member's two answers to a submitted record: approve, or return it (with the reason the form asks for). */
export function DecisionButtons({ pending, returnLabel = 'Return with reason', title }: { pending: boolean; returnLabel?: string; title?: string }) {
  const what = title !== undefined ? <span className="visually-hidden">: {title}</span> : null;
  return (
    <>
      <SubmitButton pending={pending} label="Approve" pendingLabel={null} name="decision" value="approve">
        {what}
      </SubmitButton>
      <SubmitButton pending={pending} label={returnLabel} pendingLabel={null} name="decision" value="return" secondary>
        {what}
      </SubmitButton>
    </>
  );
}
