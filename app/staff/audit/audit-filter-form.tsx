import { AUDIT_ENTITY_LABELS } from '@/lib/audit/readable';
import type { AuditFilterParams } from './audit-filter';

/** The audit log's filters, sent as the page's own URL (a GET form) so a filtered view can be bookmarked and shared. */
export function AuditFilterForm({ filter, localities }: { filter: AuditFilterParams; localities: readonly { id: number; slug: string; name: string }[] }) {
  return (
    <form method="get" className="form filter-form" aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="locality">Locality</label>
        <select id="locality" name="locality" defaultValue={filter.locality ?? ''}>
          <option value="">All</option>
          {localities.map((l) => (
            <option key={l.id} value={l.slug}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="user">User email</label>
        <input id="user" name="user" type="email" defaultValue={filter.user ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="entity">Record</label>
        <select id="entity" name="entity" defaultValue={filter.entity ?? ''}>
          <option value="">All</option>
          {Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {filter.record ? <input type="hidden" name="record" value={filter.record} /> : null}
      <div className="field">
        <label htmlFor="from">From</label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </div>
      <div className="field">
        <label htmlFor="to">To</label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </div>
      <button type="submit" className="button">
        Filter
      </button>
    </form>
  );
}
