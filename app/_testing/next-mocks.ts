/**
 * Stand-ins for the parts of Next.js that only exist inside a request (`next/headers`, `next/navigation`,
 * `next/cache`, `connection()`), so tests can call server actions and route handlers as plain functions. A test
 * file installs them with `vi.mock` (see app-surface.ts) and sets the request with `setTestRequest`.
 *
 * `redirect()` and `notFound()` throw the classes below, so a test can tell "sent elsewhere" from a crash.
 */

export class RedirectSignal extends Error {
  constructor(readonly url: string) {
    super(`redirect to ${url}`);
  }
}

export class NotFoundSignal extends Error {
  constructor() {
    super('not found');
  }
}

/** forbidden() / unauthorized() from next/navigation (experimental in Next, unused today but cheap to support). */
export class StatusSignal extends Error {
  constructor(readonly status: 401 | 403) {
    super(`status ${status}`);
  }
}

interface TestRequestState {
  cookies: Map<string, string>;
  headers: Headers;
}

const state: TestRequestState = { cookies: new Map(), headers: new Headers() };

/** The cookies and headers the next server action or route handler sees. */
export function setTestRequest(input: { cookies?: Record<string, string>; headers?: Record<string, string> }): void {
  state.cookies = new Map(Object.entries(input.cookies ?? {}));
  state.headers = new Headers({ host: 'localhost:3000', ...input.headers });
}

function cookieStore() {
  return {
    get(name: string) {
      const value = state.cookies.get(name);
      return value === undefined ? undefined : { name, value };
    },
    getAll() {
      return [...state.cookies.entries()].map(([name, value]) => ({ name, value }));
    },
    has(name: string) {
      return state.cookies.has(name);
    },
    set(name: string | { name: string; value: string }, value?: string) {
      if (typeof name === 'object') state.cookies.set(name.name, name.value);
      else state.cookies.set(name, value ?? '');
      return this;
    },
    delete(name: string) {
      state.cookies.delete(name);
      return this;
    },
  };
}

export const nextHeadersMock = {
  cookies: async () => cookieStore(),
  headers: async () => state.headers,
  draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
};

export const nextNavigationMock = {
  redirect(url: string): never {
    throw new RedirectSignal(url);
  },
  permanentRedirect(url: string): never {
    throw new RedirectSignal(url);
  },
  notFound(): never {
    throw new NotFoundSignal();
  },
  forbidden(): never {
    throw new StatusSignal(403);
  },
  unauthorized(): never {
    throw new StatusSignal(401);
  },
  RedirectType: { push: 'push', replace: 'replace' },
};

export const nextCacheMock = {
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  refresh: () => undefined,
  updateTag: () => undefined,
  unstable_noStore: () => undefined,
  unstable_cache: <T>(fn: T) => fn,
};
