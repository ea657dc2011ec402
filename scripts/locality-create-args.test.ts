import { describe, expect, it } from 'vitest';
import { describeFieldErrors, parseLocalityCreateArgs } from './locality-create-args';

describe('npm run locality:create arguments', () => {
  it('become the verb input, with the options named as the form fields', () => {
    expect(
      parseLocalityCreateArgs(['--name', 'Orange County', '--state', 'NC', '--kind', 'county', '--fy-start-month', '7', '--population', '148696']),
    ).toEqual({
      ok: true,
      help: false,
      input: { name: 'Orange County', stateCode: 'NC', kind: 'county', fips: undefined, fyStartMonth: '7', population: '148696' },
    });
    expect(parseLocalityCreateArgs(['--state', 'NC', '--kind', 'county', '--fips', '37135'])).toMatchObject({
      ok: true,
      input: { name: undefined, fips: '37135' },
    });
  });

  it('say which options are missing or unknown', () => {
    expect(parseLocalityCreateArgs(['--kind', 'city'])).toEqual({ ok: false, message: 'missing --name, --state' });
    expect(parseLocalityCreateArgs(['--name', 'Cary', '--state', 'NC'])).toEqual({ ok: false, message: 'missing --kind' });
    expect(parseLocalityCreateArgs(['--name', 'Cary', '--state', 'NC', '--kind', 'city', '--county', 'Wake'])).toMatchObject({
      ok: false,
      message: expect.stringContaining("Unknown option '--county'"),
    });
    expect(parseLocalityCreateArgs(['--help'])).toEqual({ ok: true, help: true, input: {} });
  });

  it('report the verb field errors on one line, by option', () => {
    expect(describeFieldErrors({ fips: ['06059 is Orange County, CA, not a county of NC.'], fyStartMonth: ['From 1 to 12.'] }, 'x')).toBe(
      '--fips: 06059 is Orange County, CA, not a county of NC. --fy-start-month: From 1 to 12.',
    );
    expect(describeFieldErrors({}, 'Please sign in.')).toBe('Please sign in.');
  });
});
