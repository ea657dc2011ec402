import { describe, expect, it } from 'vitest';
import type { PublicLine } from '@/lib/data/public-lines';
import type { CategorySpending } from '@/lib/data/spending-by-category';
import { wordsFor } from '@/lib/i18n/testing';
import { equitySummaryView, flagsSentence, goalSummaryRows } from './equity-summary-view';
import { flowTableRows, foldSmallSources, localityFlowView } from './locality-flow-view';
import { lineNotes, localityLinesView } from './locality-lines-view';
import { localityQuarterView, quarterTableRows } from './locality-quarter-view';
import { localitySpendingView } from './locality-spending-view';

const en = wordsFor('en');
const es = wordsFor('es');
/** The test framework's own key: no Spanish names, so its words stay as given (the shipped ones are tested below). */
const OWN = 'own-framework';

const FRAMEWORK = [
  { key: 'moud', label: 'Medications for opioid use disorder', group: 'Treatment' },
  { key: 'naloxone', label: 'Naloxone', group: 'Harm reduction' },
  { key: 'police', label: 'Police equipment', group: 'Criminal-legal' },
];

const spending = (key: string, group: string, allocated: bigint, spent: bigint, stance: CategorySpending['stance'] = 'recommended'): CategorySpending => ({
  key,
  label: FRAMEWORK.find((c) => c.key === key)?.label ?? key,
  group,
  stance,
  allocatedCents: allocated,
  spentCents: spent,
});

describe('locality spending view', () => {
  const view = localitySpendingView(
    [
      spending('moud', 'Treatment', 600_000_00n, 250_000_00n),
      spending('naloxone', 'Harm reduction', 300_000_00n, 100_000_00n),
      spending('police', 'Criminal-legal', 100_000_00n, 0n, 'discouraged'),
    ],
    FRAMEWORK,
    2026,
    OWN,
    en,
  );

  it('orders groups as the framework does, Other last, each with a colour', () => {
    expect(view.groupOrder).toEqual(['Treatment', 'Harm reduction', 'Criminal-legal', 'Other']);
    expect(Object.keys(view.colors)).toEqual(view.groupOrder);
    expect(view.colors.Other).toBe('#6b7280');
  });

  it('gives a row per category and per group present, in exact cents', () => {
    expect(view.categoryRows[0]).toEqual({ key: 'moud', label: 'Medications for opioid use disorder', group: 'Treatment', allocated: '60000000', spent: '25000000' });
    expect(view.groupRows.map((row) => [row.label, row.allocated])).toEqual([
      ['Treatment', '60000000'],
      ['Harm reduction', '30000000'],
      ['Criminal-legal', '10000000'],
    ]);
  });

  it('names the discouraged uses and their share', () => {
    expect(view.discouraged).toEqual({ cents: 100_000_00n, shareBasisPoints: 1000n, labels: ['Police equipment'] });
    expect(view.allocatedSummary).toBe('Of $1,000,000 allocated in FY2026, 60% went to Treatment, 30% to Harm reduction and 10% to Criminal-legal.');
  });

  it('flags nothing when no money went to discouraged uses', () => {
    expect(localitySpendingView([spending('moud', 'Treatment', 1n, 0n)], FRAMEWORK, 2026, OWN, en).discouraged).toBeNull();
  });
});

describe('locality quarter view', () => {
  const colors = { Treatment: '#1f3a68', 'Harm reduction': '#0e7490' };
  const view = localityQuarterView(
    [
      { quarter: 1, group: 'Harm reduction', spentCents: 5_00n },
      { quarter: 1, group: 'Treatment', spentCents: 10_00n },
      { quarter: 3, group: 'Treatment', spentCents: 2_50n },
    ],
    ['Treatment', 'Harm reduction', 'Other'],
    colors,
    2026,
    7,
    OWN,
    en,
  );

  it('labels the quarters of a fiscal year that starts in July', () => {
    expect(view.quarters.map((q) => q.label)).toEqual(['Q1 (Jul–Sep 2025)', 'Q2 (Oct–Dec 2025)', 'Q3 (Jan–Mar 2026)', 'Q4 (Apr–Jun 2026)']);
  });

  it('stacks only the groups that spent, in the framework order, and totals each row for the year', () => {
    expect(view.groups).toEqual([
      { name: 'Treatment', color: '#1f3a68' },
      { name: 'Harm reduction', color: '#0e7490' },
    ]);
    expect(quarterTableRows(view)).toEqual([
      { group: 'Treatment', Q1: '1000', Q2: '0', Q3: '250', Q4: '0', total: '1250' },
      { group: 'Harm reduction', Q1: '500', Q2: '0', Q3: '0', Q4: '0', total: '500' },
    ]);
    expect(view.cents).toEqual({ Q1: { 'Harm reduction': '500', Treatment: '1000' }, Q3: { Treatment: '250' } });
  });
});

describe('locality flow view', () => {
  const view = localityFlowView(
    [
      { source: 'Distributors settlement', group: 'Harm reduction', allocatedCents: 300n },
      { source: 'Teva settlement', group: 'Treatment', allocatedCents: 100n },
      { source: 'Distributors settlement', group: 'Treatment', allocatedCents: 600n },
    ],
    ['Treatment', 'Harm reduction', 'Other'],
    { Treatment: '#1f3a68', 'Harm reduction': '#0e7490' },
    2026,
    OWN,
    en,
  );

  it('lists sources, then groups in the framework order, with their totals', () => {
    expect(view.nodes.map((n) => [n.side, n.name, n.cents])).toEqual([
      ['source', 'Distributors settlement', '900'],
      ['source', 'Teva settlement', '100'],
      ['group', 'Treatment', '700'],
      ['group', 'Harm reduction', '300'],
    ]);
  });

  it('links each flow from its source node to its group node', () => {
    expect(view.links).toEqual([
      { source: 0, target: 3, cents: '300' },
      { source: 1, target: 2, cents: '100' },
      { source: 0, target: 2, cents: '600' },
    ]);
    expect(view.summary).toBe('Of $10 allocated in FY2026, 90% came from Distributors settlement and 10% from Teva settlement; 70% went to Treatment and 30% to Harm reduction.');
  });

  it('folds the smaller sources into one node for the diagram, keeping every cent and leaving few sources alone', () => {
    expect(foldSmallSources(view, en, 2)).toBe(view);
    const folded = foldSmallSources(view, en, 1);
    expect(folded.nodes.map((n) => [n.side, n.name, n.cents])).toEqual([
      ['source', '2 other sources', '1000'],
      ['group', 'Treatment', '700'],
      ['group', 'Harm reduction', '300'],
    ]);
    expect(folded.links).toEqual([
      { source: 0, target: 2, cents: '300' },
      { source: 0, target: 1, cents: '700' },
    ]);
  });

  it('keeps the largest sources by name when it folds', () => {
    const three = localityFlowView(
      [
        { source: 'A', group: 'Treatment', allocatedCents: 50n },
        { source: 'B', group: 'Treatment', allocatedCents: 500n },
        { source: 'C', group: 'Harm reduction', allocatedCents: 20n },
      ],
      ['Treatment', 'Harm reduction'],
      {},
      2026,
      OWN,
      en,
    );
    const folded = foldSmallSources(three, en, 2);
    expect(folded.nodes.map((n) => [n.name, n.cents])).toEqual([
      ['B', '500'],
      ['2 other sources', '70'],
      ['Treatment', '550'],
      ['Harm reduction', '20'],
    ]);
    expect(folded.links).toEqual([
      { source: 1, target: 2, cents: '50' },
      { source: 0, target: 2, cents: '500' },
      { source: 1, target: 3, cents: '20' },
    ]);
  });

  it('tables each flow as a row: source, group, amount', () => {
    expect(flowTableRows(view)[0]).toEqual({ source: 'Distributors settlement', group: 'Harm reduction', allocated: '300' });
  });
});

const line = (id: number, overrides: Partial<PublicLine> = {}): PublicLine => ({
  id,
  fiscalYear: 2026,
  lastFiscalYear: null,
  program: `Program ${id}`,
  description: 'A plain description',
  recipient: { name: `Recipient ${id}`, type: 'community_based_organization', livedExperienceLed: false },
  sourceName: null,
  allocatedCents: 1000n,
  spentToDateCents: 100n,
  categories: [{ key: 'moud', label: 'Medications for opioid use disorder', group: 'Treatment', shareBasisPoints: 10000, keptFrom: null, unclassified: false, amountCents: 1000n }],
  criminalLegalRecipients: [],
  flags: [],
  ...overrides,
});

describe('locality lines view', () => {
  const lines = [
    line(1),
    line(2, { program: 'Sheriff vehicles', recipient: { name: 'County Sheriff', type: 'law_enforcement', livedExperienceLed: false }, criminalLegalRecipients: ['County Sheriff'], description: '' }),
    line(3, { fiscalYear: 2025, lastFiscalYear: 2027, allocatedCents: 5000n }),
  ];
  const query = { category: '', recipientType: '', q: '', sort: '', page: '' };

  it('counts a multi-year line in its first year only, and spending to date for all', () => {
    const view = localityLinesView(lines, FRAMEWORK, 2026, query, OWN, en);
    expect(view.totals).toEqual({ allocated: '2000', spent: '300' });
    expect(view.rows.find((row) => row.id === '3')?.years).toBe('FY2025–FY2027 authorization, counted in FY2025');
    expect(view.rows.find((row) => row.id === '2')?.description).toBeNull();
  });

  it('ignores a filter that names nothing, and keeps a chosen category offered even with no lines', () => {
    expect(localityLinesView(lines, FRAMEWORK, 2026, { ...query, category: 'made-up', recipientType: 'aliens' }, OWN, en).filters).toMatchObject({ category: '', recipientType: '' });
    const naloxone = localityLinesView(lines, FRAMEWORK, 2026, { ...query, category: 'naloxone' }, OWN, en);
    expect(naloxone.matching.count).toBe(0);
    expect(naloxone.options.categories).toEqual([
      { value: 'moud', label: 'Medications for opioid use disorder (3)' },
      { value: 'naloxone', label: 'Naloxone (0)' },
    ]);
  });

  it('sorts and pages on the server', () => {
    const sorted = localityLinesView(lines, FRAMEWORK, 2026, { ...query, sort: 'allocated.desc' }, OWN, en);
    expect(sorted.rows.map((row) => row.id)).toEqual(['3', '1', '2']);
    expect(sorted.filters.sort).toBe('allocated.desc');
    expect(sorted.page).toEqual({ current: 1, count: 1 });
  });

  it('says which lines lack a description, go to criminal-legal recipients or are unclassified', () => {
    expect(lineNotes(lines, en)).toEqual({
      missingDescriptions: '1 line has no plain-language description.',
      criminalLegal:
        '1 line is paid to criminal-legal-system recipients (County Sheriff), shown under the category they were filed in, never as non-police care.',
      unclassified: null,
    });
  });
});

describe('flags sentence', () => {
  it('counts the flags and says how many are high', () => {
    expect(flagsSentence([], 2026, en)).toBe('No flags for FY2026.');
    expect(flagsSentence([{ severity: 'high' }], 2026, en)).toBe('1 flag for the board to look at first, high.');
    expect(flagsSentence([{ severity: 'medium' }, { severity: 'medium' }], 2026, en)).toBe('2 flags for the board to look at first.');
    expect(flagsSentence([{ severity: 'high' }, { severity: 'medium' }, { severity: 'high' }], 2026, en)).toBe(
      '3 flags for the board to look at first, 2 of them high.',
    );
  });
});

describe('goal summary rows', () => {
  const goal = { measure: 'group_share', subject: 'Treatment', basis: 'allocated', comparator: 'at_least', unit: 'percent', framework_key: 'health-first' } as const;
  it('says each goal, its actual and target in words, and withholds what small counts would reveal', () => {
    expect(
      goalSummaryRows(
        [
          { ...goal, id: 1, target: '30.00', actual: '55.48', status: 'met', suppression: null },
          { ...goal, id: 2, target: '30.00', actual: null, status: 'not_enough_data', suppression: 'Fewer than 11 people.' },
          { ...goal, id: 3, target: '30.00', actual: null, status: 'not_enough_data', suppression: null },
        ],
        {},
        en,
      ).map((row) => [row.actual, row.target, row.status]),
    ).toEqual([
      ['55.48%', 'at least 30.00%', 'met'],
      ['withheld', 'at least 30.00%', 'not_enough_data'],
      ['not enough data', 'at least 30.00%', 'not_enough_data'],
    ]);
  });
});

describe('the locality views in Spanish', () => {
  const HEALTH_FIRST = 'health-first';
  const byCategory = [spending('moud', 'Treatment', 600_000_00n, 250_000_00n), spending('police', 'Criminal-legal', 100_000_00n, 0n, 'discouraged')];

  it('names the shipped framework\'s categories and groups in Spanish, keeps the groups\' own names as keys, and writes es-US money', () => {
    const view = localitySpendingView(byCategory, FRAMEWORK, 2026, HEALTH_FIRST, es);
    expect(view.groupOrder).toEqual(['Treatment', 'Harm reduction', 'Criminal-legal', 'Other']);
    expect(view.categoryRows[0]).toMatchObject({ key: 'moud', group: 'Tratamiento' });
    expect(view.categoryRows[0]!.label).toMatch(/^Medicamentos para el trastorno/);
    expect(view.groupRows.map((row) => [row.key, row.label])).toEqual([
      ['Treatment', 'Tratamiento'],
      ['Criminal-legal', 'Sistema penal'],
    ]);
    expect(view.allocatedSummary).toBe('De $700,000 asignados en el AF 2026, el 85.71% se destinó a Tratamiento y el 14.29% a Sistema penal.');
    expect(view.spentSummary).toBe('De $250,000 gastados en el AF 2026, el 100% se destinó a Tratamiento.');
  });

  it('names the rows the database names itself', () => {
    const view = localitySpendingView([spending('uncategorized', 'Other', 1n, 0n), spending('unmapped', 'Other', 1n, 0n)], FRAMEWORK, 2026, HEALTH_FIRST, es);
    expect(view.categoryRows.map((row) => [row.label, row.group])).toEqual([
      ['Todavía sin categoría', 'Otros'],
      ['No incluido en este marco', 'Otros'],
    ]);
  });

  it('labels quarters and stacks groups by their Spanish names', () => {
    const view = localityQuarterView([{ quarter: 1, group: 'Treatment', spentCents: 10_00n }], ['Treatment', 'Other'], { Treatment: '#1f3a68' }, 2026, 7, HEALTH_FIRST, es);
    expect(view.quarters.map((q) => q.label)).toEqual(['T1 (jul–sep 2025)', 'T2 (oct–dic 2025)', 'T3 (ene–mar 2026)', 'T4 (abr–jun 2026)']);
    expect(view.groups).toEqual([{ name: 'Tratamiento', color: '#1f3a68' }]);
    expect(view.cents).toEqual({ Q1: { Tratamiento: '1000' } });
    expect(view.summary).toBe('De $10 gastados en el AF 2026, $10 (100%) en T1 (jul–sep 2025), $0 (0%) en T2 (oct–dic 2025), $0 (0%) en T3 (ene–mar 2026) y $0 (0%) en T4 (abr–jun 2026).');
  });

  it('says where the money came from and went, and folds small sources, in Spanish', () => {
    const view = localityFlowView(
      [
        { source: 'A', group: 'Treatment', allocatedCents: 50n },
        { source: 'B', group: 'Harm reduction', allocatedCents: 50n },
      ],
      ['Treatment', 'Harm reduction'],
      {},
      2026,
      HEALTH_FIRST,
      es,
    );
    expect(view.nodes.map((n) => n.name)).toEqual(['A', 'B', 'Tratamiento', 'Reducción de daños']);
    expect(view.summary).toBe('De $1 asignados en el AF 2026, el 50% vino de A y el 50% de B; el 50% se destinó a Reducción de daños y el 50% a Tratamiento.');
    expect(foldSmallSources(view, es, 1).nodes[0]!.name).toBe('2 fuentes más');
  });

  it('writes the lines\' notes, years, recipient types and shares in Spanish', () => {
    const lines = [
      line(1, { fiscalYear: 2025, lastFiscalYear: 2027 }),
      line(2, { recipient: { name: 'County Sheriff', type: 'law_enforcement', livedExperienceLed: false }, criminalLegalRecipients: ['County Sheriff', 'County Jail'], description: '' }),
      line(3, { recipient: null, description: '' }),
    ];
    const view = localityLinesView(lines, FRAMEWORK, 2026, { category: '', recipientType: '', q: '', sort: '', page: '' }, HEALTH_FIRST, es);
    expect(view.rows.find((row) => row.id === '1')?.years).toBe('Autorización del AF 2025 al AF 2027, contada en el AF 2025');
    expect(view.rows[0]!.categories[0]!.share).toBe('100%');
    expect(view.categoryLabels.moud).toMatch(/^Medicamentos para el trastorno/);
    expect(view.options.recipientTypes.map((o) => o.label)).toContain('No se registró ningún destinatario (1)');
    expect(view.notes).toEqual({
      missingDescriptions: '2 líneas no tienen una descripción en lenguaje sencillo.',
      criminalLegal:
        '1 línea se paga a destinatarios del sistema penal (County Sheriff y County Jail); se muestran en la categoría en que se registraron, nunca como atención no policial.',
      unclassified: null,
    });
  });

  it('counts the flags and the goals in Spanish', () => {
    expect(flagsSentence([], 2026, es)).toBe('No hay alertas para el AF 2026.');
    expect(flagsSentence([{ severity: 'high' }, { severity: 'medium' }], 2026, es)).toBe('2 alertas para que la junta revise primero, 1 de prioridad alta.');
    const rows = goalSummaryRows(
      [
        { measure: 'group_share', subject: 'Treatment', basis: 'allocated', comparator: 'at_least', unit: 'percent', framework_key: 'health-first', id: 1, target: '30.00', actual: null, status: 'not_enough_data', suppression: 'x' },
      ],
      {},
      es,
    );
    expect(rows[0]).toMatchObject({ title: 'Tratamiento: proporción del dinero asignado', target: 'al menos 30.00%' });
    expect(rows[0]!.actual).toBe(es.t('EquityPanel.withheld'));
    expect(equitySummaryView({ fiscal_year: 2026, goals: [], flags: [{ severity: 'medium' }] } as never, {}, es)?.goalsSentence).toBe(
      'No hay metas de equidad fijadas para el AF 2026.',
    );
  });
});
