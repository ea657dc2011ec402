import { describe, expect, it } from 'vitest';
import { Forbidden, NotFound, Unauthenticated } from '@/lib/errors';
import { can, requireScope, requireVisible, ROLES_ALLOWED, VERBS, type Actor, type Role, type Verb } from './authorize';

const OWN = 1;
const OTHER = 2;

function actorWith(role: Role | 'site-admin'): Actor {
  return {
    userId: 7,
    email: 'x@example.org',
    name: 'X',
    isSiteAdmin: role === 'site-admin',
    memberships: new Map(role === 'site-admin' ? [] : [[OWN, role]]),
  };
}

// role × verb → allowed in the person's own locality. In any other locality: nobody but a site admin.
const EXPECTED: Record<Verb, Record<Role | 'site-admin', boolean>> = {
  'locality.read': { admin: true, editor: true, reviewer: true, 'site-admin': true },
  'money.write': { admin: true, editor: true, reviewer: false, 'site-admin': true },
  'allocation.submit': { admin: true, editor: true, reviewer: false, 'site-admin': true },
  'allocation.decide': { admin: false, editor: false, reviewer: true, 'site-admin': false },
  'import.commit': { admin: true, editor: true, reviewer: false, 'site-admin': true },
  'audit.read': { admin: true, editor: false, reviewer: false, 'site-admin': true },
  'users.manage': { admin: true, editor: false, reviewer: false, 'site-admin': true },
};

describe('who may do what, where', () => {
  it('covers every verb', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...VERBS].sort());
    expect(Object.keys(ROLES_ALLOWED).sort()).toEqual([...VERBS].sort());
  });

  for (const verb of VERBS) {
    for (const role of ['admin', 'editor', 'reviewer', 'site-admin'] as const) {
      const own = EXPECTED[verb][role];
      const other = role === 'site-admin' ? own : false;
      it(`${role} ${own ? 'may' : 'may not'} ${verb} in their own locality and ${other ? 'may' : 'may not'} in another`, () => {
        const actor = actorWith(role);
        expect(can(actor, verb, OWN)).toBe(own);
        expect(can(actor, verb, OTHER)).toBe(other);
        if (own) expect(() => requireScope(actor, verb, OWN)).not.toThrow();
        else expect(() => requireScope(actor, verb, OWN)).toThrow(Forbidden);
        if (!other) expect(() => requireScope(actor, verb, OTHER)).toThrow(Forbidden);
      });
    }
    it(`nobody signed in may ${verb}`, () => {
      expect(can(null, verb, OWN)).toBe(false);
      expect(() => requireScope(null, verb, OWN)).toThrow(Unauthenticated);
    });
  }
});

describe('records of a locality one cannot see (issue #14)', () => {
  const ours = { id: 1, localityId: OWN };
  const theirs = { id: 2, localityId: OTHER };

  it('are "not found", exactly like records that do not exist', () => {
    for (const role of ['admin', 'editor', 'reviewer'] as const) {
      const actor = actorWith(role);
      expect(() => requireVisible(actor, theirs, 'That allocation')).toThrow(new NotFound('That allocation'));
      expect(() => requireVisible(actor, null, 'That allocation')).toThrow(new NotFound('That allocation'));
      expect(requireVisible(actor, ours, 'That allocation')).toBe(ours);
    }
    expect(requireVisible(actorWith('site-admin'), theirs, 'That allocation')).toBe(theirs);
  });

  it('ask nobody signed in to sign in, whether the record exists or not', () => {
    for (const record of [ours, theirs, null]) expect(() => requireVisible(null, record, 'That receipt')).toThrow(Unauthenticated);
  });
});

