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
  ['Other', 'unclassified', 'neutral'],
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

  it('health-first has exactly the 24 categories, groups and stances of DOMAIN.md, each with a reason', () => {
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
    expect(EXHIBIT_E.categories.map((c) => c.key)).toEqual([...core, ...uses].map((c) => c.key).concat('unclassified'));
    for (const c of [...core, ...uses]) {
      expect(c.label.startsWith(`${c.key.slice(-1).toUpperCase()}. `)).toBe(true);
    }
    expect(findCategory('exhibit-e', 'core-a')?.label).toBe(
      'A. Naloxone or other FDA-approved drug to reverse opioid overdoses',
    );
    expect(EXHIBIT_E.categories.some((c) => c.stance === 'discouraged')).toBe(false);
  });

  it('NC lists its 12 high-impact strategies, all recommended, in one group, then "Other"', () => {
    const strategies = NC_STRATEGIES.categories.filter((c) => !c.unclassified);
    expect(strategies).toHaveLength(12);
    strategies.forEach((c, index) => {
      expect(c.group).toBe('High-impact strategies');
      expect(c.stance).toBe('recommended');
      expect(c.label.startsWith(`${index + 1}. `), c.label).toBe(true);
    });
    expect(NC_STRATEGIES.categories.at(-1)?.key).toBe('unclassified');
  });

  it.each(FRAMEWORKS.map((f) => [f.key, f] as const))(
    '%s ends with one honest "Other / not yet classified" that never guesses a category',
    (_k, f) => {
      const unclassified = f.categories.filter((c) => c.unclassified);
      expect(unclassified).toHaveLength(1);
      expect(unclassified[0]).toMatchObject({
        key: 'unclassified',
        label: 'Other / not yet classified',
        group: 'Other',
        stance: 'neutral',
        excludesCriminalLegal: false,
      });
      expect(f.categories.at(-1)).toBe(unclassified[0]);
      expect(unclassified[0]!.description).toMatch(/gave no category, or called it "Other"\. Abate never guesses/);
    },
  );

  // The crosswalk never reports a police, sheriff or jail recipient's money under a category whose name promises it is
  // not police money; the flag says which names promise that, so a new or reworded label cannot slip past.
  // Whole words: "involuntary treatment" (drug courts) promises the opposite.
  const NON_POLICE_WORDS = /\b(?:non-police|community|voluntary)\b/i;
  it.each(FRAMEWORKS.map((f) => [f.key, f] as const))(
    '%s: a category excludes criminal-legal recipients exactly when its label says non-police, community or voluntary',
    (_k, f) => {
      for (const c of f.categories) expect(c.excludesCriminalLegal, c.label).toBe(NON_POLICE_WORDS.test(c.label));
    },
  );

  it('flags the health-first categories whose names promise voluntary or non-police care, and no others', () => {
    const flagged = FRAMEWORKS.flatMap((f) => f.categories.filter((c) => c.excludesCriminalLegal).map((c) => `${f.key}/${c.key}`));
    expect(flagged).toEqual([
      'health-first/treatment',
      'health-first/crisis-response',
      'health-first/diversion',
      'health-first/prevention',
    ]);
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

  it('maps "Other / not yet classified" only to the other frameworks\' "Other / not yet classified", both ways', () => {
    const touching = CROSSWALK.filter((r) => r.fromKey === 'unclassified' || r.toKey === 'unclassified');
    expect(touching).toHaveLength(6);
    for (const row of touching) expect([row.fromKey, row.toKey]).toEqual(['unclassified', 'unclassified']);
  });

  it('never maps non-remediation anywhere and never launders it into a remediation category', () => {
    expect(CROSSWALK.filter((r) => r.fromKey === 'non-remediation' || r.toKey === 'non-remediation')).toEqual([]);
  });
});
