import { sql, type SQL } from 'drizzle-orm';
import { lineCriminalLegalRecipientsSql } from '@/lib/data/sql/criminal-legal-line';
import { crosswalkTargetSql } from '@/lib/data/sql/crosswalk-target';
import { CUSTODY_CARE_CATEGORIES, type LineFlagFacts } from './line-flags';

const HEALTH_FIRST_ID = sql`(select id from frameworks where key = 'health-first')`;

const CUSTODY_CARE_PAIRS = Object.entries(CUSTODY_CARE_CATEGORIES).flatMap(([framework, keys]) => keys.map((key) => `${framework}/${key}`));

/**
 * The facts of lineFlags for the line `allocationId`, as one JSON object (read it with readLineFlagFacts): its
 * criminal-legal-system recipients, the discouraged health-first uses its money falls in through the crosswalk,
 * whether a part is "not yet classified", and whether all of it is for care in custody or at release.
 */
export function lineFlagFactsSql(allocationId: SQL): SQL {
  return sql`json_build_object(
    'criminalLegalRecipients', to_json(${lineCriminalLegalRecipientsSql(allocationId)}),
    'discouragedUses', coalesce((
      select json_agg(distinct lft.label)
      from allocation_splits lfs
      join categories lft on lft.id = ${crosswalkTargetSql({ categoryId: sql`lfs.category_id`, allocationId: sql`lfs.allocation_id`, targetFrameworkId: HEALTH_FIRST_ID })}
      where lfs.allocation_id = ${allocationId} and lft.stance = 'discouraged' and lft.framework_id = ${HEALTH_FIRST_ID}
    ), '[]'::json),
    'unclassified', exists (
      select 1 from allocation_splits lfs join categories lfc on lfc.id = lfs.category_id
      where lfs.allocation_id = ${allocationId} and lfc.unclassified),
    'custodyCareOnly', exists (select 1 from allocation_splits lfs where lfs.allocation_id = ${allocationId})
      and not exists (
        select 1 from allocation_splits lfs
        join categories lfc on lfc.id = lfs.category_id
        join frameworks lff on lff.id = lfc.framework_id
        where lfs.allocation_id = ${allocationId}
          and (lff.key || '/' || lfc.key) not in (${sql.join(CUSTODY_CARE_PAIRS.map((pair) => sql`${pair}`), sql`, `)})))`;
}

interface RawFacts {
  criminalLegalRecipients?: unknown;
  discouragedUses?: unknown;
  unclassified?: unknown;
  custodyCareOnly?: unknown;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** lineFlagFactsSql's JSON (an object, or its text on drivers that return json as text) with the line's description. */
export function readLineFlagFacts(raw: unknown, description: string): LineFlagFacts {
  const parsed = (typeof raw === 'string' ? JSON.parse(raw) : raw) as RawFacts | null;
  const facts = parsed ?? {};
  return {
    description,
    criminalLegalRecipients: strings(facts.criminalLegalRecipients),
    discouragedUses: strings(facts.discouragedUses).sort(),
    unclassified: facts.unclassified === true,
    custodyCareOnly: facts.custodyCareOnly === true,
  };
}
