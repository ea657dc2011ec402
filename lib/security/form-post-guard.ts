import { CROSS_SITE_MESSAGE, isSameOrigin } from './same-origin';

/**
 * Form posts to pages are server actions. Next.js refuses one from another site, and one whose body is over its
 * limit, by throwing, which the browser sees as a 500 with an error digest. The proxy answers both first, with the
 * status that says what happened and a sentence a person can act on: 403 for a post that did not come from a page
 * of this site (a missing Origin included, as for route handlers: lib/security/same-origin.ts), 413 for a form
 * larger than the limit. Route handlers (/api/…, and the upload routes the proxy does not see) check their own.
 */

/** Next.js's own limit for a server action's body (`serverActions.bodySizeLimit`, default 1 MB), in bytes. */
export const FORM_BODY_LIMIT_BYTES = 1024 * 1024;

export const FORM_TOO_LARGE_MESSAGE =
  'The form is larger than 1 MB, the most Abate accepts from a form. Shorten the longest text, or import large ' +
  'data as a spreadsheet instead.';

export interface FormPostRefusal {
  status: 403 | 413;
  message: string;
}

/** Why the proxy answers this request itself, or null to let it through. */
export function refuseFormPost(request: { method: string; pathname: string; headers: Headers }): FormPostRefusal | null {
  if (request.method !== 'POST' || request.pathname.startsWith('/api/')) return null;
  if (!isSameOrigin(request.headers)) return { status: 403, message: CROSS_SITE_MESSAGE };
  const length = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(length) && length > FORM_BODY_LIMIT_BYTES) return { status: 413, message: FORM_TOO_LARGE_MESSAGE };
  return null;
}
