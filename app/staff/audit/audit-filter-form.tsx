import { Options } from '@/app/_components/forms/bound-fields';
import { FieldBox } from '@/app/_components/forms/field';
import { AUDIT_ENTITY_LABELS } from '@/lib/audit/readable';
import type { AuditFilterParams } from './audit-filter';

const ENTITY_OPTIONS = Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => ({ value, label }));

/** The audit log's filters, sent as the page's own URL (a GET form) so a filtered view can be bookmarked and shared. */
export function AuditFilterForm({ filter, localities }: { filter: AuditFilterParams; localities: readonly { id: number; slug: string; name: string }[] }) {
  return (
    <form method="get" className="form filter-form" aria-label="Filter the audit log">
      <FieldBox id="locality" label="Locality">
        <select id="locality" name="locality" defaultValue={filter.locality ?? ''}>
          <Options options={localities.map((l) => ({ value: l.slug, label: l.name }))} empty="All" />
        </select>
      </FieldBox>
      <FieldBox id="user" label="User email">
        <input id="user" name="user" type="email" defaultValue={filter.user ?? ''} />
      </FieldBox>
      <FieldBox id="entity" label="Record">
        <select id="entity" name="entity" defaultValue={filter.entity ?? ''}>
          <Options options={ENTITY_OPTIONS} empty="All" />
        </select>
      </FieldBox>
      {filter.record ? <input type="hidden" name="record" value={filter.record} /> : null}
      <FieldBox id="from" label="From">
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} />
      </FieldBox>
      <FieldBox id="to" label="To">
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} />
      </FieldBox>
      <button type="submit" className="button">
        Filter
      </button>
    </form>
  );
}
