import { describe, expect, it } from 'vitest';
import { CATEGORY_NAMES, CROSSWALK, FRAMEWORKS } from '@/db/reference';
import {
  createCategoryResolver,
  createSourceResolver,
  preferredFrameworkOf,
  unclassifiedCategory,
  type CategoryOption,
  type CategoryResolution,
  type CrosswalkLink,
} from './resolvers';

const CATEGORIES: CategoryOption[] = [
  { id: 1, key: 'naloxone', label: 'Naloxone distribution and training', frameworkKey: 'health-first', frameworkName: 'Health first' },
  { id: 2, key: 'moud', label: 'Medications for opioid use disorder', frameworkKey: 'health-first', frameworkName: 'Health first' },
  { id: 3, key: 'naloxone', label: '7. Naloxone distribution', frameworkKey: 'nc-high-impact', frameworkName: 'NC' },
  { id: 4, key: 'core-a', label: 'A. Naloxone or other FDA-approved drug to reverse opioid overdoses', frameworkKey: 'exhibit-e', frameworkName: 'Exhibit E' },
  { id: 5, key: 'use-a', label: 'A. Treat opioid use disorder (OUD)', frameworkKey: 'exhibit-e', frameworkName: 'Exhibit E' },
];

describe('category names in an import', () => {
  const resolve = createCategoryResolver(CATEGORIES, [
    // health-first naloxone and NC naloxone are reported as each other, and both as Exhibit E core-a.
    { fromId: 1, toId: 3, toFrameworkKey: 'nc-high-impact' },
    { fromId: 3, toId: 1, toFrameworkKey: 'health-first' },
    { fromId: 1, toId: 4, toFrameworkKey: 'exhibit-e' },
    { fromId: 3, toId: 4, toFrameworkKey: 'exhibit-e' },
  ]);
  const id = (name: string) => {
    const result = resolve(name);
    return result.ok ? result.categoryId : result.reason;
  };

  it('finds a key or a label exactly, then ignoring case and spacing', () => {
    expect(id('moud')).toBe(2);
    expect(id('Medications for opioid use disorder')).toBe(2);
    expect(id('  medications  FOR opioid use disorder ')).toBe(2);
    expect(id('MOUD')).toBe(2);
    expect(id('A. Treat opioid use disorder (OUD)')).toBe(5);
  });

  it('finds an official label without its list marker', () => {
    expect(id('Naloxone distribution')).toBe(3);
    expect(id('Treat opioid use disorder (OUD)')).toBe(5);
  });

  it('takes the first framework\'s category when the crosswalk reports two of one name alike', () => {
    expect(id('naloxone')).toBe(1);
    expect(id('nc-high-impact/naloxone')).toBe(3);
    expect(id('Health-First/Naloxone')).toBe(1);
  });

  it('refuses a name two frameworks share when they are reported differently, listing both as framework/key', () => {
    const strict = createCategoryResolver(CATEGORIES, [
      { fromId: 1, toId: 3, toFrameworkKey: 'nc-high-impact' },
      { fromId: 3, toId: 1, toFrameworkKey: 'health-first' },
      { fromId: 1, toId: 4, toFrameworkKey: 'exhibit-e' },
      { fromId: 3, toId: 5, toFrameworkKey: 'exhibit-e' },
    ]);
    const result = strict('naloxone');
    expect(result.ok ? result.categoryId : result.reason).toMatch(
      /^category "naloxone" is ambiguous: it names health-first\/naloxone \("Naloxone distribution and training"\) and nc-high-impact\/naloxone .*write the one you mean as framework\/key, like health-first\/naloxone$/,
    );
    expect(createCategoryResolver(CATEGORIES)('naloxone').ok).toBe(false);
  });

  it('suggests close names for an unknown one', () => {
    expect(id('opioid overdoses')).toMatch(/^unknown category "opioid overdoses"; did you mean exhibit-e\/core-a/);
    expect(id('xyz')).toMatch(/^unknown category "xyz"; use a category key or name/);
  });
});

// The frameworks and crosswalk Abate ships, as the import loads them from a seeded database.
const SHIPPED: CategoryOption[] = FRAMEWORKS.flatMap((framework) =>
  framework.categories.map((category) => ({
    key: category.key,
    label: category.label,
    frameworkKey: framework.key,
    frameworkName: framework.name,
  })),
).map((option, index) => ({ id: index + 1, ...option }));
const idOf = (qualified: string): number => {
  const option = SHIPPED.find((o) => `${o.frameworkKey}/${o.key}` === qualified);
  if (!option) throw new Error(`no category ${qualified}`);
  return option.id;
};
const SHIPPED_CROSSWALK: CrosswalkLink[] = CROSSWALK.map((row) => ({
  fromId: idOf(`${row.fromFramework}/${row.fromKey}`),
  toId: idOf(`${row.toFramework}/${row.toKey}`),
  toFrameworkKey: row.toFramework,
}));
// Where the import takes "Other / not yet classified" from: the column, or (for rows loaded without it) the key.
const WITH_COLUMN = SHIPPED.map((o) => ({ ...o, unclassified: o.key === 'unclassified' }));

/** framework/key of what a name resolved to, or the reason it did not. */
const where = (result: CategoryResolution): string =>
  result.ok ? `${result.frameworkKey}/${result.key}` : `refused: ${result.reason}`;

describe('names real reports use, against the shipped frameworks', () => {
  const resolve = createCategoryResolver(WITH_COLUMN, SHIPPED_CROSSWALK);

  // The Massachusetts municipal report, FY2024: the strategies spending is reported under, and the framework they
  // belong to (db/reference/category-names/exhibit-e.ts cites where each comes from).
  const MASSACHUSETTS_FY2024: ReadonlyArray<[string, string]> = [
    ['Opioid Use Disorder Treatment', 'exhibit-e/use-a'],
    ['OUD Treatment', 'exhibit-e/use-a'],
    ['Support People in Treatment and Recovery', 'exhibit-e/use-b'],
    ['Connections to Care', 'exhibit-e/use-c'],
    ['Address the Needs of Criminal Justice-Involved Persons', 'exhibit-e/use-d'],
    ['Support Pregnant or Parenting Women and Their Families', 'exhibit-e/use-e'],
    ['Prevent Misuse of Opioids', 'exhibit-e/use-g'],
    ['Harm Reduction', 'exhibit-e/use-h'],
    ['Administrative Costs', 'exhibit-e/use-j'],
    ['Other', 'exhibit-e/unclassified'],
  ];

  it('reads the Massachusetts FY2024 strategy list as Exhibit E approved uses, settled by the file\'s own names', () => {
    const preferred = preferredFrameworkOf(resolve, MASSACHUSETTS_FY2024.map(([name]) => name));
    expect(preferred).toBe('exhibit-e');
    for (const [name, expected] of MASSACHUSETTS_FY2024) expect(where(resolve(name, preferred)), name).toBe(expected);
    for (const entry of CATEGORY_NAMES['exhibit-e']!.filter((e) => e.source === 'ma-fy2024')) {
      expect(where(resolve(entry.name, preferred)), entry.name).toBe(`exhibit-e/${entry.key}`);
    }
  });

  it('shows how a Massachusetts name matched, for the preview', () => {
    expect(resolve('OUD Treatment', 'exhibit-e')).toEqual({
      ok: true,
      categoryId: idOf('exhibit-e/use-a'),
      label: 'A. Treat opioid use disorder (OUD)',
      matchedBy: 'synonym',
      frameworkKey: 'exhibit-e',
      frameworkName: 'National settlements: Exhibit E',
      key: 'use-a',
    });
    expect(resolve('Other', 'exhibit-e')).toMatchObject({ ok: true, matchedBy: 'unclassified', label: 'Other / not yet classified' });
  });

  // The national list's short names, one for every Schedule A and B item.
  const NATIONAL_SHORT_NAMES: ReadonlyArray<[string, string]> = [
    ['Naloxone', 'core-a'],
    ['MAT distribution', 'core-b'],
    ['Pregnant & postpartum women', 'core-c'],
    ['Neonatal abstinence syndrome', 'core-d'],
    ['Warm hand-off programs and recovery services', 'core-e'],
    ['Treatment for incarcerated population', 'core-f'],
    ['Prevention programs', 'core-g'],
    ['Syringe service programs', 'core-h'],
    ['Evidence-based data collection and research', 'core-i'],
    ['Treat opioid use disorder', 'use-a'],
    ['Support people in treatment and recovery', 'use-b'],
    ['Connections to care', 'use-c'],
    ['Criminal justice-involved persons', 'use-d'],
    ['Pregnant or parenting women and their families', 'use-e'],
    ['Prevent over-prescribing', 'use-f'],
    ['Prevent misuse of opioids', 'use-g'],
    ['Prevent overdose deaths and other harms', 'use-h'],
    ['First responders', 'use-i'],
    ['Leadership, planning and coordination', 'use-j'],
    ['Training', 'use-k'],
    ['Research', 'use-l'],
  ];

  it('reads the national list\'s short name of every Schedule A and B item', () => {
    const exhibitE = FRAMEWORKS.find((f) => f.key === 'exhibit-e')!;
    expect(NATIONAL_SHORT_NAMES.map(([, key]) => key)).toEqual(
      exhibitE.categories.filter((c) => !c.unclassified).map((c) => c.key),
    );
    for (const [name, key] of NATIONAL_SHORT_NAMES) expect(where(resolve(name, 'exhibit-e')), name).toBe(`exhibit-e/${key}`);
    for (const entry of CATEGORY_NAMES['exhibit-e']!.filter((e) => e.source === 'exhibit-e')) {
      expect(where(resolve(entry.name, 'exhibit-e')), entry.name).toBe(`exhibit-e/${entry.key}`);
    }
  });

  it('reads the national list\'s letters as people write them, with or without a name after them', () => {
    const letters: ReadonlyArray<[string, string]> = [
      ['Schedule B, C: Connections to care', 'exhibit-e/use-c'],
      ['Schedule B C', 'exhibit-e/use-c'],
      ['B-C', 'exhibit-e/use-c'],
      ['B.C', 'exhibit-e/use-c'],
      ['Sched. A-H', 'exhibit-e/core-h'],
      ['Core Strategy A', 'exhibit-e/core-a'],
      ['Approved Use C', 'exhibit-e/use-c'],
      ['Schedule A, Core Strategy I', 'exhibit-e/core-i'],
      ['Connections to Care', 'exhibit-e/use-c'],
    ];
    for (const [name, expected] of letters) expect(where(resolve(name)), name).toBe(expected);
    expect(resolve('B-C')).toMatchObject({ matchedBy: 'list-number' });
    expect(where(resolve('Schedule B, C: Harm reduction'))).toMatch(
      /^refused: category "Schedule B, C: Harm reduction" names two different categories: "Schedule B, C" is exhibit-e\/use-c/,
    );
  });

  // North Carolina's Exhibit A, with and without numbers, and the names counties use.
  const NC_EXHIBIT_A: ReadonlyArray<[string, string]> = [
    ['1.Collaborative strategic planning', 'strategic-planning'],
    ['2. Evidence-based addiction treatment', 'addiction-treatment'],
    ['Recovery Support Services', 'recovery-support'],
    ['Recovery housing support', 'recovery-housing'],
    ['(5) Employment Related Services', 'employment'],
    ['Early Intervention', 'early-intervention'],
    ['4. Early Intervention', 'early-intervention'],
    ['7. Naloxone distribution', 'naloxone'],
    ['Naloxone Distribution', 'naloxone'],
    ['Strategy 8: Post-overdose response team', 'post-overdose-response'],
    ['(8) Post-Overdose Response Teams', 'post-overdose-response'],
    ['PORT', 'post-overdose-response'],
    ['Option A 9', 'syringe-services'],
    ['SSP', 'syringe-services'],
    ['Syringe Services Programs', 'syringe-services'],
    ['10. Criminal justice diversion programs', 'diversion'],
    ['Addiction treatment for incarcerated persons', 'incarcerated-treatment'],
    ['12. Reentry Programs', 'reentry'],
  ];

  it('reads North Carolina\'s Exhibit A names, numbered or not, and the counties\' abbreviations', () => {
    const preferred = preferredFrameworkOf(resolve, NC_EXHIBIT_A.map(([name]) => name));
    expect(preferred).toBe('nc-high-impact');
    for (const [name, key] of NC_EXHIBIT_A) expect(where(resolve(name, preferred)), name).toBe(`nc-high-impact/${key}`);
    for (const entry of CATEGORY_NAMES['nc-high-impact']!) {
      expect(where(resolve(entry.name, preferred)), entry.name).toBe(`nc-high-impact/${entry.key}`);
    }
    expect(where(resolve('Strategy 8: Syringe Service Program'))).toMatch(/^refused: .* names two different categories/);
  });

  it('reads the common abbreviations as health-first categories', () => {
    const abbreviations: ReadonlyArray<[string, string]> = [
      ['MAT', 'moud'],
      ['MOUD', 'moud'],
      ['medication-assisted treatment', 'moud'],
      ['Narcan', 'naloxone'],
      ['SSP', 'syringe-services'],
      ['OUD treatment', 'treatment'],
      ['Harm reduction', 'naloxone'],
    ];
    for (const [name, key] of abbreviations) expect(where(resolve(name, 'health-first')), name).toBe(`health-first/${key}`);
    for (const entry of CATEGORY_NAMES['health-first']!) {
      expect(where(resolve(entry.name, 'health-first')), entry.name).toBe(`health-first/${entry.key}`);
    }
  });

  it('settles a shared name by the preferred framework, and asks only on a real tie', () => {
    expect(where(resolve('Harm Reduction', 'exhibit-e'))).toBe('exhibit-e/use-h');
    expect(where(resolve('Harm Reduction', 'nc-high-impact'))).toBe('nc-high-impact/syringe-services');
    expect(where(resolve('Harm Reduction', 'health-first'))).toBe('health-first/naloxone');
    const tie = resolve('Harm Reduction');
    expect(tie).toMatchObject({
      ok: false,
      candidates: ['health-first/naloxone', 'exhibit-e/use-h', 'nc-high-impact/syringe-services'],
    });
    expect(where(tie)).toMatch(/^refused: category "Harm Reduction" is ambiguous: .*write the one you mean as framework\/key/);
    // Reported alike in every framework: no question to ask.
    expect(where(resolve('Administrative Costs'))).toBe('health-first/administration');
    expect(where(resolve('Naloxone'))).toBe('health-first/naloxone');
    expect(where(resolve('Naloxone', 'nc-high-impact'))).toBe('nc-high-impact/naloxone');
    // A preference for a framework the name does not belong to changes nothing.
    expect(where(resolve('Connections to Care', 'nc-high-impact'))).toBe('exhibit-e/use-c');
    expect(where(resolve('Connections to Care', 'no-such-framework'))).toBe('exhibit-e/use-c');
  });

  it('puts "Other", "N/A", "TBD" and a blank cell in "Other / not yet classified", never a guessed category', () => {
    for (const name of ['Other', 'Not classified', 'Unclassified', 'Uncategorized', 'N/A', 'None', 'TBD', '']) {
      expect(where(resolve(name)), name).toBe('health-first/unclassified');
      expect(where(resolve(name, 'nc-high-impact')), name).toBe('nc-high-impact/unclassified');
    }
    expect(where(resolve.unclassifiedCategory('exhibit-e'))).toBe('exhibit-e/unclassified');
    expect(where(unclassifiedCategory(resolve))).toBe('health-first/unclassified');
    expect(where(unclassifiedCategory(SHIPPED, 'exhibit-e'))).toBe('exhibit-e/unclassified');
    expect(where(createCategoryResolver(CATEGORIES)('Other'))).toBe(
      'refused: category "Other" says the line is not classified yet, and there is no "Other / not yet classified" ' +
        'category to put it in; write the category it belongs to',
    );
  });

  it('takes the framework most unambiguous names use; shared names do not count; a tie gives none', () => {
    expect(preferredFrameworkOf(resolve, ['Harm Reduction', 'Other', 'Administrative Costs', 'Naloxone'])).toBeNull();
    expect(preferredFrameworkOf(resolve, ['Harm Reduction', 'B-C', 'Narcan distribution?'])).toBe('exhibit-e');
    expect(preferredFrameworkOf(resolve, ['B-C', 'PORT'])).toBeNull();
    expect(preferredFrameworkOf(resolve, ['B-C', 'PORT', 'Strategy 7'])).toBe('nc-high-impact');
    expect(preferredFrameworkOf(resolve, [])).toBeNull();
  });

  it('hints with the closest real names, and with none when nothing is close', () => {
    expect(where(resolve('Conections to care'))).toMatch(
      /^refused: unknown category "Conections to care"; did you mean "Connections to Care" \(exhibit-e\/use-c\)/,
    );
    // "Roads" is close to a real name: health-first's "Not opioid remediation (general fund, roads, …)".
    expect(where(resolve('Roads'))).toMatch(/did you mean health-first\/non-remediation/);
    expect(where(resolve('Narcn'))).toMatch(/did you mean "Narcan" \(health-first\/naloxone\)/);
    expect(where(resolve('Post overdose responce team'))).toMatch(/did you mean .*nc-high-impact\/post-overdose-response/);
    for (const unrelated of ['Police overtime', 'Parking meters', 'Other costs', 'Opioid', 'xyz']) {
      expect(where(resolve(unrelated)), unrelated).toMatch(/; use a category key or name from any framework/);
    }
    // "Other" is never hinted as naloxone ("A. Naloxone or other FDA-approved drug …"), even where there is no
    // "Other / not yet classified" to put it in, nor is "Other costs".
    const noOther = createCategoryResolver(
      SHIPPED.filter((o) => o.key !== 'unclassified'),
      SHIPPED_CROSSWALK,
    );
    for (const name of ['Other', 'Other costs', 'other']) {
      const reason = where(noOther(name));
      expect(reason, name).toMatch(/^refused: /);
      expect(reason, name).not.toMatch(/did you mean/);
    }
  });
});

describe('funding sources in an import', () => {
  const resolve = createSourceResolver([
    { id: 10, key: 'teva', name: 'Teva settlement' },
    { id: 11, key: 'sor-grant', name: 'State Opioid Response grant' },
  ]);
  it('finds a key or a name, case-insensitively; null when unknown', () => {
    expect(resolve('teva')).toBe(10);
    expect(resolve('TEVA')).toBe(10);
    expect(resolve('state opioid response GRANT')).toBe(11);
    expect(resolve('Purdue')).toBeNull();
  });
});
