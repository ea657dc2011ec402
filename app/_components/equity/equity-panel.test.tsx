import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WithMessages } from '@/app/_testing/intl';
import type { EquityApiAnswer, PublicEquityGoal } from '@/lib/equity/public';
import type { Locale } from '@/lib/i18n/locales';
import { suggestedGoals } from '@/lib/equity/default-goals';
import { SUPPRESSION_NOTE } from '@/lib/equity/public-notes';
import { EquityPanel } from './equity-panel';

function goal(overrides: Partial<PublicEquityGoal>): PublicEquityGoal {
  return {
    id: 1,
    measure: 'group_share',
    measure_label: 'Share of spending in a group of categories',
    subject: 'Harm reduction',
    framework_key: 'health-first',
    basis: 'allocated',
    comparator: 'at_least',
    unit: 'percent',
    target: '25.00',
    amber_margin: '5.00',
    reason: 'Naloxone reverses an overdose at once.',
    actual: '22.10',
    status: 'close',
    thresholds: { green: 'green at 25% or more', amber: 'amber from 20% up to 25%; red below 20%' },
    missing: [],
    inputs: {},
    suppression: null,
    ...overrides,
  };
}

const equity: Omit<EquityApiAnswer, 'locality'> = {
  fiscal_year: 2026,
  goals: [
    goal({}),
    goal({
      id: 2,
      measure: 'reach_parity',
      subject: 'native',
      unit: 'ratio',
      target: '0.8000',
      amber_margin: '0.1000',
      actual: null,
      status: 'missed',
      thresholds: { green: 'green at a ratio of 0.8 or more', amber: 'amber from a ratio of 0.7 up to a ratio of 0.8; red below a ratio of 0.7' },
      suppression: 'Some counts of people behind this goal are between 1 and 10.',
    }),
    goal({ id: 3, subject: 'Criminal-legal', comparator: 'at_most', target: '0.00', amber_margin: '0.00', actual: null, status: 'not_enough_data', missing: ['approved allocations for FY2026'] }),
  ],
  flags: [
    { kind: 'missing_description', severity: 'medium', title: 'No plain-language description: “Section G”', detail: 'Every line needs one.', allocation_id: 7, amount: { cents: '1000000', decimal: '10000.00' }, share: null, category_key: null, recipient_id: null },
    { kind: 'discouraged_use', severity: 'high', title: 'Law enforcement: “Patrol vehicles”', detail: 'Discouraged.', allocation_id: 3, amount: { cents: '2000000', decimal: '20000.00' }, share: '18.18', category_key: 'law-enforcement', recipient_id: null },
  ],
};

/** The panel of Alder County, whose American Indian residents' group is named, in `locale`. */
function renderPanel(panelEquity: Omit<EquityApiAnswer, 'locality'>, locale?: Locale): string {
  return renderToStaticMarkup(
    <WithMessages locale={locale}>
      <EquityPanel equity={panelEquity} localityName="Alder County" labels={{ raceGroups: { native: 'American Indian' } }} lineHrefBase="/l/alder-county/lines/" />
    </WithMessages>,
  );
}

describe('EquityPanel', () => {
  it('shows every goal with its actual, target and status in words, the reasons, and the flags high first', () => {
    const html = renderPanel(equity);
    expect(html).toContain('Equity goals for FY2026');
    expect(html).toContain('Harm reduction share of allocated money');
    expect(html).toContain('Actual <strong>22.10%</strong>');
    expect(html).toContain('Target at least 25.00%');
    expect(html).toContain('Close (amber)');
    expect(html).toContain('Green at 25% or more; amber from 20% up to 25%; red below 20%.');
    expect(html).toContain('Naloxone reverses an overdose at once.');
    // Small counts: the actual is withheld, and the reason is said.
    expect(html).toContain('Reach of American Indian residents against their share of overdose deaths');
    expect(html).toContain('Actual <strong>withheld</strong>');
    expect(html).toContain('Some counts of people behind this goal are between 1 and 10.');
    expect(html).toContain('Not enough data: missing approved allocations for FY2026.');
    // Flags: high severity first, linked to the public line.
    expect(html.indexOf('Law enforcement: “Patrol vehicles”')).toBeLessThan(html.indexOf('No plain-language description'));
    expect(html).toContain('href="/l/alder-county/lines/3"');
    expect(html).toContain('2 flags for FY2026, 1 of high severity.');
    // Every goal is in the data table too.
    expect(html).toContain('(data table)');
    expect(html.match(/data-testid="goal-bullet"/g)).toHaveLength(3);
  });

  it('speaks Spanish on a Spanish page: headings, goal names, statuses, thresholds, reasons Abate wrote and flags', () => {
    const withFacts = {
      ...equity,
      goals: equity.goals.map((g) =>
        g.id === 1 ? { ...g, reason: suggestedGoals(2026)[0]!.reason } : g.id === 2 ? { ...g, suppression: SUPPRESSION_NOTE } : g,
      ),
      flags: [
        ...equity.flags.slice(0, 1),
        {
          ...equity.flags[1]!,
          facts: {
            kind: 'discouraged_use' as const,
            program: 'Patrol vehicles',
            categoryKey: 'law-enforcement',
            label: 'Law enforcement: equipment, task forces, drug enforcement',
            why: null,
            taggedAs: null,
            lineYear: 2026,
            fiscalYear: 2026,
            allocatedCents: '2000000',
            spentCents: '0',
            share: '18.18',
          },
        },
      ],
    };
    const html = renderPanel(withFacts, 'es');
    expect(html).toContain('Metas de equidad del AF 2026');
    expect(html).toContain('Valor real <strong>22.10%</strong>');
    expect(html).toContain('Meta al menos 25.00%');
    expect(html).toContain('Cerca (ámbar)');
    expect(html).toContain('Verde con 25% o más; ámbar desde 20% hasta 25%; rojo por debajo de 20%.');
    expect(html).toContain('La naloxona, los suministros estériles');
    expect(html).toContain('Sin datos suficientes: falta asignaciones aprobadas del AF 2026.');
    expect(html).toContain('Algunos conteos de personas detrás de esta meta');
    // A locality's own group name is kept; a flag with its facts is written in Spanish, one without keeps its words.
    expect(html).toContain('American Indian: alcance frente a su proporción de las muertes por sobredosis');
    expect(html).toContain('Fuerzas del orden: “Patrol vehicles”');
    expect(html).toContain('No plain-language description: “Section G”');
    expect(html).toContain('2 alertas para el AF 2026, 1 de gravedad alta.');
    expect(html).toContain('(tabla de datos)');
    expect(html).not.toContain('Equity goals for');
  });

  it('renders nothing for a year without goals or flags', () => {
    expect(renderToStaticMarkup(<EquityPanel equity={{ fiscal_year: 2026, goals: [], flags: [] }} localityName="Alder County" />)).toBe('');
  });
});
