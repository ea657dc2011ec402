import { describe, expect, it } from 'vitest';
import { isConnectionFailure } from './connection-failure';
import { asDatabaseUnavailable, DatabaseUnavailable, Invalid, NOTHING_SAVED_UNAVAILABLE, toActionFailure } from './index';

function withCode(code: string, message = 'x'): Error {
  return Object.assign(new Error(message), { code });
}

describe('what counts as "the database is unavailable"', () => {
  it.each([
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET', 'read ECONNRESET')],
    ['57P01 admin_shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P03 cannot_connect_now', withCode('57P03', 'the database system is starting up')],
    ['08006 connection_failure', withCode('08006')],
    ['node-postgres connection timeout', new Error('timeout exceeded when trying to connect')],
    ['node-postgres lost connection', new Error('Connection terminated unexpectedly')],
    ['PGlite closed', new Error('PGlite is closed')],
    ['Drizzle wrapping a refused connection', new Error('Failed query: select 1', { cause: withCode('ECONNREFUSED') })],
    ['an AggregateError of refused addresses', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')])],
  ])('%s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true);
    expect(asDatabaseUnavailable(error)).toBeInstanceOf(DatabaseUnavailable);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a serialization failure', withCode('40001')],
    ['a check violation from a trigger', new Error('Failed query: insert', { cause: withCode('23514') })],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['our own invalid input', new Invalid('Please correct the field marked below.')],
    ['not an object', 'ECONNREFUSED'],
  ])('not %s', (_, error) => {
    expect(isConnectionFailure(error)).toBe(false);
    expect(asDatabaseUnavailable(error)).toBeNull();
  });

  it('a form is told the database is unavailable and nothing was saved, with no driver detail', () => {
    const failure = toActionFailure(new Error('Failed query: update "allocations" set …', { cause: withCode('57P01') }));
    expect(failure).toEqual({ ok: false, code: 'unavailable', message: NOTHING_SAVED_UNAVAILABLE });
  });
});
