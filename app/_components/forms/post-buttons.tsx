import { CancelLink, SubmitButton } from './form-buttons';

/**
 * The buttons of a receipt or payment form. A draft is seen only in the workspace and counts on the public pages
 * once posted, so a new or draft record offers "Save as draft" — first, so that Enter saves a draft — and "Save and
 * post" (`intent=post`, read by postIntentField). A posted record is saved as it is and stays posted.
 */
export function PostButtons({
  posted,
  pending,
  saveLabel,
  cancelHref,
  noun,
  boardPosts = false,
}: {
  posted: boolean;
  /** The locality's board approves and posts each receipt and payment: staff save drafts only. */
  boardPosts?: boolean;
  pending: boolean;
  saveLabel: string;
  cancelHref: string;
  noun: 'receipt' | 'payment';
}) {
  return (
    <>
      {posted ? null : (
        <p className="field-hint" id="post-hint">
          {boardPosts
            ? `A draft is seen only in the workspace. The oversight board approves and posts each ${noun} before it counts on the public pages.`
            : `A draft is seen only in the workspace. Posting the ${noun} counts it on the public pages.`}
        </p>
      )}
      <div className="button-row">
        {posted ? (
          <SubmitButton pending={pending} label={saveLabel} />
        ) : (
          <>
            <SubmitButton pending={pending} label="Save as draft" name="intent" value="draft" secondary describedBy="post-hint" />
            {boardPosts ? null : (
              <SubmitButton pending={pending} label="Save and post" pendingLabel={null} name="intent" value="post" describedBy="post-hint" />
            )}
          </>
        )}
        <CancelLink href={cancelHref} />
      </div>
    </>
  );
}
