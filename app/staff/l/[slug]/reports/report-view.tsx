import Link from 'next/link';
import { formatCents } from '@/lib/money';
import type { ReportCell, ReportDocument } from '@/lib/reports';
import styles from './reports.module.css';

/** Where a money figure leads: the staff list of what it sums (a balance leads to the fund page). */
export function figureHref(slug: string, report: ReportDocument, section: string, row: string, column: string): string {
  const q = new URLSearchParams({ report: report.key, fy: String(report.fiscalYear), section, row, column });
  return `/staff/l/${slug}/reports/figure?${q.toString()}`;
}

function Cell({ cell, href }: { cell: ReportCell | undefined; href: string }) {
  if (!cell) return <td />;
  switch (cell.kind) {
    case 'text':
      return <td>{cell.text}</td>;
    case 'date':
      return <td>{cell.date ?? ''}</td>;
    case 'percent':
      return <td className={styles.percent}>{cell.value === null ? '—' : `${cell.value}%`}</td>;
    case 'money': {
      const sums = cell.sources.receipts.length + cell.sources.payments.length + cell.sources.lines.length;
      const linked = sums > 0 || cell.sources.fund;
      return <td className={styles.money}>{linked ? <Link href={href}>{formatCents(cell.cents)}</Link> : formatCents(cell.cents)}</td>;
    }
  }
}

/** A report on screen: its sections as tables, every money figure a link to what it sums. */
export function ReportView({ report, slug }: { report: ReportDocument; slug: string }) {
  return (
    <article className={styles.report} aria-labelledby="report-title">
      <h2 id="report-title">{report.title}</h2>
      <p>
        {report.locality.name} ({report.locality.stateCode}) · fiscal year {report.fiscalYear}: {report.period.start} to {report.period.end} · due{' '}
        {report.dueOn}
      </p>
      {report.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`}>
          <h3 id={`section-${section.key}`}>{section.title}</h3>
          {/* A wide table scrolls inside its own box (focusable, so a keyboard can scroll it) instead of widening the page. */}
          <div className={styles.scroll} role="group" aria-labelledby={`section-${section.key}`} tabIndex={0}>
            <table>
              <thead>
                <tr>
                  {section.columns.map((c) => (
                    <th key={c.key} scope="col" className={c.kind === 'money' ? styles.money : c.kind === 'percent' ? styles.percent : undefined}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {section.rows.length === 0 ? (
                  <tr>
                    <td colSpan={section.columns.length}>Nothing in this fiscal year.</td>
                  </tr>
                ) : (
                  section.rows.map((row) => (
                    <tr key={row.key} className={row.total ? styles.total : undefined}>
                      {section.columns.map((c) => (
                        <Cell key={c.key} cell={row.cells[c.key]} href={figureHref(slug, report, section.key, row.key, c.key)} />
                      ))}
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
          {section.note ? <p className={styles.note}>{section.note}</p> : null}
        </section>
      ))}
    </article>
  );
}
