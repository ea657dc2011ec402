import { describe, expect, it } from 'vitest';
import { encodeCursor } from './cursor';
import { ApiError } from './errors';
import { cursorParam, fyParam, limitParam, parseQuery, recipientTypeParam } from './params';

const shape = { fy: fyParam, limit: limitParam, cursor: cursorParam('allocations'), recipient_type: recipientTypeParam };

function failure(query: string): ApiError {
  try {
    parseQuery(new URLSearchParams(query), shape);
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error(`expected ${query} to fail`);
}

describe('parseQuery', () => {
  it('parses good values', () => {
    const cursor = encodeCursor('allocations', 9);
    expect(
      parseQuery(new URLSearchParams(`fy=2026&limit=500&cursor=${cursor}&recipient_type=community_based_organization`), shape),
    ).toEqual({ fy: 2026, limit: 500, cursor: 9, recipient_type: 'community_based_organization' });
    expect(parseQuery(new URLSearchParams(''), shape)).toEqual({});
  });

  it.each([
    ['fy=abc', 'fy'],
    ['fy=26', 'fy'],
    ['fy=1999', 'fy'],
    ['fy=2026.0', 'fy'],
    ["fy=2026' or 1=1", 'fy'],
    ['limit=0', 'limit'],
    ['limit=501', 'limit'],
    ['limit=-1', 'limit'],
    ['limit=ten', 'limit'],
    ['cursor=garbage', 'cursor'],
    ['recipient_type=police', 'recipient_type'],
    ['fiscal_year=2026', 'fiscal_year'],
    ['fy=2025&fy=2026', 'fy'],
  ])('%s is a 400 that names %s', (query, field) => {
    const error = failure(query);
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid');
    expect(error.field).toBe(field);
    expect(error.message.length).toBeGreaterThan(10);
  });
});
