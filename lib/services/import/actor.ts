import { can, requireScope, type Actor } from '@/lib/auth/authorize';

/**
 * Who is importing. A person (an `Actor` from their session) is checked against their role in the locality like
 * every other verb. The command line is the other importer: whoever runs `npm run import` already holds the
 * database itself (the embedded folder, or DATABASE_URL), so there is no role to check, and it must not pretend to
 * be a user. It is its own kind of actor, named explicitly by the one caller that may use it (scripts/import.ts):
 * nothing that comes from a request can become one, and the audit log records it as `userId: null` with the reason
 * "command-line import".
 */
export class SystemActor {
  readonly kind = 'system' as const;
  constructor(readonly reason: string) {}
}

export const COMMAND_LINE_IMPORT = 'command-line import';

/** The actor of `npm run import`. */
export function cliActor(): SystemActor {
  return new SystemActor(COMMAND_LINE_IMPORT);
}

export type ImportActor = Actor | SystemActor;

export function isSystemActor(actor: ImportActor | null): actor is SystemActor {
  return actor instanceof SystemActor;
}

export interface ImportAuthority {
  /** For `created_by` and the audit log; null for the command line. */
  userId: number | null;
  /** Said in every audit row of the import. */
  via: string;
  /** Whether rows may arrive as approved or returned: those are the oversight board's decisions, not an editor's. */
  mayDecide: boolean;
}

/** The first line of both import verbs: may this actor import into this locality? Throws Unauthenticated/Forbidden. */
export function requireImportScope(actor: ImportActor | null, localityId: number): ImportAuthority {
  if (isSystemActor(actor)) return { userId: null, via: actor.reason, mayDecide: true };
  requireScope(actor, 'import.commit', localityId);
  return { userId: actor.userId, via: 'spreadsheet import', mayDecide: can(actor, 'allocation.decide', localityId) };
}
