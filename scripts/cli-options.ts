import { parseArgs, type ParseArgsConfig } from 'node:util';

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

const HELP = { help: { type: 'boolean', default: false } } as const;

export type OptionValues<O extends OptionsConfig> = ReturnType<typeof parseArgs<{ options: O & typeof HELP }>>['values'];

/**
 * A command's options, and --help: an option it does not take prints why and the usage (exit 2), --help prints the
 * usage (exit 0), and so does a `required` option left out (exit 2). Returns the values, or the exit code.
 * `program` begins the line of a wrong option ("abate: …").
 */
export function readOptions<const O extends OptionsConfig, R extends keyof O & string = never>(
  usage: string,
  options: O,
  required: readonly R[] = [],
  program = 'abate',
): (OptionValues<O> & Record<R, string>) | number {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ options: { ...options, ...HELP } }));
  } catch (error) {
    console.error(`${program}: ${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.help) {
    console.log(usage);
    return 0;
  }
  if (required.some((name) => !values[name])) {
    console.error(usage);
    return 2;
  }
  return values as OptionValues<O> & Record<R, string>;
}
