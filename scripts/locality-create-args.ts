import { parseArgs } from 'node:util';
import { LOCALITY_KINDS } from '../lib/services/localities/input';

export const LOCALITY_CREATE_USAGE =
  `usage: npm run locality:create -- --name NAME --state XX --kind ${LOCALITY_KINDS.join('|')} ` +
  '[--fips CODE] [--fy-start-month 1-12] [--population N]\n' +
  '  --kind county looks the county up in the Census list by --name and --state when --fips is not given.\n' +
  '  The new slug (the address of its public pages, /l/SLUG) is printed on the last line.';

/** The verb's field behind each option, to name the option in an error. */
export const OPTION_OF_FIELD: Readonly<Record<string, string>> = {
  name: '--name',
  stateCode: '--state',
  kind: '--kind',
  fips: '--fips',
  fyStartMonth: '--fy-start-month',
  population: '--population',
};

export type LocalityCreateArgs =
  | { ok: true; help: boolean; input: Record<string, string | undefined> }
  | { ok: false; message: string };

/** The command line as the verb's input; values are checked by the verb itself, with the web form's messages. */
export function parseLocalityCreateArgs(args: string[]): LocalityCreateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        state: { type: 'string' },
        kind: { type: 'string' },
        fips: { type: 'string' },
        'fy-start-month': { type: 'string' },
        population: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
  if (values.help) return { ok: true, help: true, input: {} };
  const missing = ['state', 'kind'].filter((option) => values[option as 'state' | 'kind'] === undefined);
  // A county or a state can be named by its code alone; every other kind needs its name.
  const nameFromCode = values.kind === 'state' || (values.kind === 'county' && values.fips !== undefined);
  if (values.name === undefined && !nameFromCode) missing.unshift('name');
  if (missing.length > 0) return { ok: false, message: `missing ${missing.map((option) => `--${option}`).join(', ')}` };
  return {
    ok: true,
    help: false,
    input: {
      name: values.name,
      stateCode: values.state,
      kind: values.kind,
      fips: values.fips,
      fyStartMonth: values['fy-start-month'],
      population: values.population,
    },
  };
}

/** An Invalid's field errors as one line: "--fips: 06059 is Orange County, CA, not a county of NC." */
export function describeFieldErrors(fieldErrors: Record<string, string[]>, fallback: string): string {
  const parts = Object.entries(fieldErrors).map(([field, messages]) => `${OPTION_OF_FIELD[field] ?? field}: ${messages.join(' ')}`);
  return parts.length > 0 ? parts.join(' ') : fallback;
}
