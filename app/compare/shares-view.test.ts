import { describe, expect, it } from 'vitest';
import type { ShareRow } from '@/lib/views/compare-view';
import { shareTable } from './shares-view';

const shareRows: ShareRow[] = [
  { key: 'ash', name: 'Ash', href: '/l/ash?fy=2026', shares: { 'Harm reduction': 2_000, Treatment: 8_000 } },
  { key: 'birch', name: 'Birch', href: '/l/birch?fy=2026', shares: { Treatment: 10_000 } },
  { key: 'cedar', name: 'Cedar', href: '/l/cedar?fy=2026', shares: null },
];

const view = {
  groupsPresent: ['Harm reduction', 'Treatment'],
  groupNames: { 'Harm reduction': 'Reducción de daños' } as Record<string, string>,
  notEnough: 'Not enough data',
  shareRows,
};

describe('shareTable', () => {
  it('names the locality column, then one percent column per group present, worded by groupNames or by its key', () => {
    expect(shareTable(view, 'Locality').columns).toEqual([
      { id: 'name', header: 'Locality', kind: 'link', hrefKey: 'href' },
      { id: 'g:Harm reduction', header: 'Reducción de daños', kind: 'percent', emptyText: 'Not enough data' },
      { id: 'g:Treatment', header: 'Treatment', kind: 'percent', emptyText: 'Not enough data' },
    ]);
  });

  it('writes each share in basis points as a string: 0 for a group without spending, null for a locality without any', () => {
    expect(shareTable(view, 'Locality').rows).toEqual([
      { key: 'ash', name: 'Ash', href: '/l/ash?fy=2026', 'g:Harm reduction': '2000', 'g:Treatment': '8000' },
      { key: 'birch', name: 'Birch', href: '/l/birch?fy=2026', 'g:Harm reduction': '0', 'g:Treatment': '10000' },
      { key: 'cedar', name: 'Cedar', href: '/l/cedar?fy=2026', 'g:Harm reduction': null, 'g:Treatment': null },
    ]);
  });

  it('has no group columns and no rows when no locality is shown', () => {
    expect(shareTable({ ...view, groupsPresent: [], shareRows: [] }, 'Localidad')).toEqual({
      columns: [{ id: 'name', header: 'Localidad', kind: 'link', hrefKey: 'href' }],
      rows: [],
    });
  });
});
