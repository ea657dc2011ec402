import { describe, expect, it } from 'vitest';
import {
  CROSSWALK,
  CROSSWALK_TABLES,
  EXHIBIT_E,
  FRAMEWORKS,
  HEALTH_FIRST,
  NC_STRATEGIES,
  UNMAPPED_LABEL,
  crosswalkTarget,
  findCategory,
  type FrameworkDef,
} from './frameworks';

// DOMAIN.md's table, copied by hand so a drift in either place fails the test.
const DOMAIN_TABLE: ReadonlyArray<[group: string, key: string, stance: string]> = [
  ['Treatment', 'moud', 'recommended'],
  ['Treatment', 'treatment', 'recommended'],
  ['Treatment', 'contingency-management', 'recommended'],
  ['Treatment', 'polysubstance', 'recommended'],
  ['Harm reduction', 'naloxone', 'recommended'],
  ['Harm reduction', 'syringe-services', 'recommended'],
  ['Harm reduction', 'opc', 'recommended'],
  ['Harm reduction', 'drug-checking', 'recommended'],
  ['Harm reduction', 'hr-education', 'recommended'],
  ['Recovery & basic needs', 'housing', 'recommended'],
  ['Recovery & basic needs', 'recovery-support', 'recommended'],
  ['Recovery & basic needs', 'mental-health', 'recommended'],
  ['Recovery & basic needs', 'legal-relief', 'recommended'],
  ['Crisis response', 'crisis-response', 'recommended'],
  ['Crisis response', 'diversion', 'recommended'],
  ['Crisis response', 'reentry', 'recommended'],
  ['Data & planning', 'data', 'recommended'],
  ['Data & planning', 'administration', 'neutral'],
  ['Prevention', 'prevention', 'neutral'],
  ['Criminal-legal', 'law-enforcement', 'discouraged'],
  ['Criminal-legal', 'coerced-treatment', 'discouraged'],
  ['Criminal-legal', 'incarceration', 'discouraged'],
  ['Other', 'non-remediation', 'discouraged'],
];

const keysOf = (framework: FrameworkDef) => framework.categories.map((c) => c.key);

describe('frameworks', () => {
  it('ships the three frameworks, health-first first, with unique keys', () => {
    expect(FRAMEWORKS.map((f) => f.key)).toEqual(['health-first', 'exhibit-e', 'nc-high-impact']);
    expect(new Set(FRAMEWORKS.map((f) => f.key)).size).toBe(3);
  });

  it.each(FRAMEWORKS.map((f) => [f.key, f] as const))('%s: keys unique, kebab-case, sort orders 1..n', (_k, f) => {
    const keys = keysOf(f);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(f.categories.map((c) => c.sortOrder)).toEqual(keys.map((_, i) => i + 1));
    for (const c of f.categories) {
      expect(c.label.trim()).not.toBe('');
      expect(c.description.trim().length).toBeGreaterThan(20);
      // Plain language: no "Section G, Subsection 9".
      expect(c.description).not.toMatch(/section|subsection|schedule/i);
    }
  });

  it('health-first has exactly the 23 categories, groups and stances of DOMAIN.md, each with a reason', () => {
    expect(HEALTH_FIRST.key).toBe('health-first');
    expect(HEALTH_FIRST.name).toBe('Abate health-first framework');
    expect(HEALTH_FIRST.categories.map((c) => [c.group, c.key, c.stance])).toEqual(DOMAIN_TABLE);
    for (const c of HEALTH_FIRST.categories) expect(c.why?.trim()).toBeTruthy();
  });

  it('Exhibit E has core strategies A–I and approved uses A–L with official letters', () => {
    const core = EXHIBIT_E.categories.filter((c) => c.group === 'Schedule A: core strategies');
    const uses = EXHIBIT_E.categories.filter((c) => c.group === 'Schedule B: approved uses');
    expect(core.map((c) => c.key)).toEqual('abcdefghi'.split('').map((l) => `core-${l}`));
    expect(uses.map((c) => c.key)).toEqual('abcdefghijkl'.split('').map((l) => `use-${l}`));
    expect(core.length + uses.length).toBe(EXHIBIT_E.categories.length);
    for (const c of EXHIBIT_E.categories) {
      expect(c.label.startsWith(`${c.key.slice(-1).toUpperCase()}. `)).toBe(true);
    }
    expect(findCategory('exhibit-e', 'core-a')?.label).toBe(
      'A. Naloxone or other FDA-approved drug to reverse opioid overdoses',
    );
    expect(EXHIBIT_E.categories.some((c) => c.stance === 'discouraged')).toBe(false);
  });

  it('NC lists its 12 high-impact strategies, all recommended, in one group', () => {
    expect(NC_STRATEGIES.categories).toHaveLength(12);
    for (const c of NC_STRATEGIES.categories) {
      expect(c.group).toBe('High-impact strategies');
      expect(c.stance).toBe('recommended');
    }
  });
});

describe('crosswalk', () => {
  const frameworkKeys = new Map(FRAMEWORKS.map((f) => [f.key, new Set(keysOf(f))]));

  it('names only categories that exist, never within one framework', () => {
    for (const row of CROSSWALK) {
      expect(row.fromFramework).not.toBe(row.toFramework);
      expect(frameworkKeys.get(row.fromFramework)?.has(row.fromKey), JSON.stringify(row)).toBe(true);
      expect(frameworkKeys.get(row.toFramework)?.has(row.toKey), JSON.stringify(row)).toBe(true);
    }
  });

  it('maps each category to at most one category per other framework', () => {
    const seen = new Set<string>();
    for (const row of CROSSWALK) {
      const id = `${row.fromFramework}/${row.fromKey}->${row.toFramework}`;
      expect(seen.has(id), id).toBe(false);
      seen.add(id);
    }
  });

  it('has a table entry (mapped or deliberately null) for every category of each source framework', () => {
    expect(CROSSWALK_TABLES).toHaveLength(6);
    for (const table of CROSSWALK_TABLES) {
      const from = FRAMEWORKS.find((f) => f.key === table.from);
      expect(from).toBeDefined();
      expect(Object.keys(table.mapping).sort()).toEqual(keysOf(from!).sort());
    }
  });

  it('maps every Exhibit E and NC category back to a health-first category', () => {
    for (const f of [EXHIBIT_E, NC_STRATEGIES]) {
      for (const c of f.categories) expect(crosswalkTarget(f.key, c.key, 'health-first'), c.key).not.toBeNull();
    }
  });

  it('maps health-first to Exhibit E and NC except where DOMAIN says nothing fits', () => {
    for (const c of HEALTH_FIRST.categories) {
      const toE = crosswalkTarget('health-first', c.key, 'exhibit-e');
      const toNc = crosswalkTarget('health-first', c.key, 'nc-high-impact');
      if (c.key === 'non-remediation') expect(toE).toBeNull();
      else expect(toE, c.key).not.toBeNull();
      if (['law-enforcement', 'incarceration', 'non-remediation'].includes(c.key)) expect(toNc).toBeNull();
      else expect(toNc, c.key).not.toBeNull();
    }
    // Kept on purpose: this is how localities report police spending today.
    expect(crosswalkTarget('health-first', 'law-enforcement', 'exhibit-e')).toBe('use-i');
    expect(UNMAPPED_LABEL).toBe('Not covered by this framework');
  });

  it('never maps non-remediation anywhere and never launders it into a remediation category', () => {
    expect(CROSSWALK.filter((r) => r.fromKey === 'non-remediation' || r.toKey === 'non-remediation')).toEqual([]);
  });
});
