/** The staff session cookie's name. No imports: the page cache's request rule reads it (lib/cache/page-request.ts). */
export const SESSION_COOKIE = 'abate_session';
