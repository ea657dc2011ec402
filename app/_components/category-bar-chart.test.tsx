import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { WithMessages } from '@/app/_testing/intl';
import type { Locale } from '@/lib/i18n/locales';
import { CategoryBarChart } from './category-bar-chart';
import { QuarterChart } from './quarter-chart';

/** The chart's HTML as the server writes it, in `locale`. */
function render(chart: ReactElement, locale?: Locale): string {
  return renderToStaticMarkup(<WithMessages locale={locale}>{chart}</WithMessages>);
}

const LONG = 'Community prevention, education and outreach for families and schools';

describe('server-drawn charts', () => {
  it('the category chart is SVG in the HTML: whole names, bars in percent of the width, distinct ticks', () => {
    const html = render(
      <CategoryBarChart
        title="Allocated and spent per resident"
        summary="Per resident."
        data={[
          { key: 'a', label: LONG, allocatedCents: '187', spentCents: '50' },
          { key: 'b', label: 'Naloxone', allocatedCents: '-20', spentCents: '0' },
        ]}
      />,
    );
    expect(html).toContain('<svg class="chart-svg"');
    // The name is written whole across its lines, never cut with an ellipsis.
    const words = [...html.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]).join(' ');
    expect(words).toContain(LONG.replace(/&/g, '&amp;'));
    expect(html).not.toContain('…');
    // $1.87 on a $2.00 axis: 93.5% of the width; a net refund draws no bar but its title says it.
    expect(html).toMatch(/data-category="a" data-cents="187"/);
    expect(html).toContain('width="93.500%"');
    expect(html).toContain('Naloxone: allocated -$0.20, spent $0.00');
    const ticks = [...html.matchAll(/data-testid="axis-tick">([^<]*)</g)].map((m) => m[1]);
    expect(ticks).toEqual(['$0.00', '$0.50', '$1.00', '$1.50', '$2.00']);
  });

  it('the quarter chart stacks each quarter in its column, with a nice axis', () => {
    const html = render(
      <QuarterChart
        title="By quarter"
        summary="Spent."
        quarters={[
          { key: 'q1', label: 'Q1 (Jul–Sep 2025)' },
          { key: 'q2', label: 'Q2 (Oct–Dec 2025)' },
        ]}
        groups={[{ name: 'Treatment', color: '#1f3a68' }]}
        cents={{ q1: { Treatment: '123456789' }, q2: { Treatment: '0' } }}
      />,
    );
    expect(html.match(/data-testid="quarter-segment"/g)).toHaveLength(1);
    const ticks = [...html.matchAll(/data-testid="axis-tick"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(ticks.at(-1)).toBe('$1.4M');
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(html).toContain('>Jul–Sep</tspan>');
  });

  it('speaks the page\'s language: legend, names of the bars and the chart, es-US money', () => {
    const html = render(<CategoryBarChart title="Por categoría" summary="Resumen." data={[{ key: 'a', label: 'Naloxona', allocatedCents: '150', spentCents: '50' }]} />, 'es');
    expect(html).toContain('aria-label="Leyenda"');
    expect(html).toContain('Asignado (rayado)');
    expect(html).toContain('Naloxona: asignado $1.50, gastado $0.50');
    expect(html).toContain('aria-label="Por categoría. Gráfico de barras de las cantidades asignadas y gastadas por categoría."');
    const empty = render(<QuarterChart title="T" summary="S" quarters={[]} groups={[]} cents={{}} />, 'es');
    expect(empty).toContain('No se registró gasto en este año.');
  });
});
