// Server-compatible (no 'use client'): the state map of localities (docs/adr/0015-state-map-server-svg.md) drawn as
// SVG on the server, shaded by a measure per resident. Each shaded county and each city's point is a link to the
// locality's page, named with its value; the legend names the classes, and the table under the map lists every
// shaded locality with its value and class, so nothing depends on seeing the colours. Words from the LocalityMap
// messages (the view brings its own, lib/views/locality-map-view.ts), in the page's language.
import { useLocale, useTranslations } from 'next-intl';
import { localeFromIntl } from '@/lib/i18n/locales';
import type { LocalityMapView } from '@/lib/views/locality-map-view';
import { ChoiceLinks } from './choice-links';
import { LocaleLink } from './locale-link';

export function LocalityMap({ view, headingLevel = 2 }: { view: LocalityMapView; headingLevel?: 2 | 3 }) {
  const t = useTranslations('LocalityMap');
  const locale = localeFromIntl(useLocale());
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { map } = view;
  return (
    <section aria-labelledby="map-heading" className="locality-map" data-testid="locality-map-section">
      <Heading id="map-heading">{t('heading')}</Heading>
      <ChoiceLinks label={t('shadeBy')} choices={view.measureLinks} testId="map-measure" />
      <ChoiceLinks label={t('state')} choices={view.stateLinks} testId="map-state" />
      {map === null ? (
        <p className="chart-empty" data-testid="map-empty">
          {t('empty')}
        </p>
      ) : (
        <>
          <figure className="chart-figure map-figure" data-testid="locality-map">
            <figcaption id="map-title">{map.title}</figcaption>
            <ul className="chart-legend" aria-label={t('legend')} data-testid="map-legend">
              {map.classes.map((c) => (
                <li key={c.id} data-class={c.id}>
                  <span className="chart-swatch map-swatch" style={{ background: c.fill }} aria-hidden="true" />
                  {c.label}
                </li>
              ))}
            </ul>
            <svg
              className="map-svg"
              viewBox={`0 0 ${map.width} ${map.height}`}
              role="group"
              aria-labelledby="map-title"
              data-state={map.stateCode}
            >
              <g className="map-background" aria-hidden="true">
                {map.background.map((d, i) => (
                  <path key={i} d={d} />
                ))}
              </g>
              {map.shapes.map((shape) => (
                <a key={shape.key} href={shape.href} aria-label={shape.ariaLabel} data-locality={shape.key} data-class={shape.classId} data-fill={shape.fill}>
                  <path d={shape.d} fill={shape.fill} className="map-shape" />
                </a>
              ))}
              <path className="map-outline" d={map.outline} aria-hidden="true" />
              {map.points.map((point) => (
                <a key={point.key} href={point.href} aria-label={point.ariaLabel} data-locality={point.key} data-class={point.classId} data-fill={point.fill}>
                  <circle cx={point.cx} cy={point.cy} r={8} fill={point.fill} className="map-point" />
                </a>
              ))}
            </svg>
            <p className="chart-summary">{map.summary}</p>
          </figure>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('tableRegion')}>
            <table className="data-table" data-testid="map-table">
              <caption>{t('tableCaption', { title: map.title })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('locality')}</th>
                  <th scope="col">{t('value', { measure: view.measureLabel })}</th>
                  <th scope="col">{t('class')}</th>
                  <th scope="col">{t('drawnAs')}</th>
                </tr>
              </thead>
              <tbody>
                {map.table.map((row) => (
                  <tr key={row.key} data-locality={row.key} data-class={row.classId} data-fill={row.fill}>
                    <th scope="row">
                      <LocaleLink locale={locale} href={row.href}>
                        {row.name}
                      </LocaleLink>
                    </th>
                    <td className="cell--money">{row.valueText}</td>
                    <td data-column="class">
                      <span className="chart-swatch map-swatch" style={{ background: row.fill }} aria-hidden="true" /> {row.classLabel}
                    </td>
                    <td className="map-table__placement">{row.placement}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {view.hasPoints ? (
        <p className="muted" data-testid="map-points-note">
          {t('pointsNote')}
        </p>
      ) : null}
      {view.notOnMap.length > 0 ? (
        <p className="muted" data-testid="map-not-on-map">
          {t('notOnMap', { names: view.notOnMap.join(', ') })}
        </p>
      ) : null}
    </section>
  );
}
