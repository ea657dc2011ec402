import { sql, type SQL } from 'drizzle-orm';
import { criminalLegalRecipientSql } from '@/lib/recipients/criminal-legal';
import { countedMoneySql } from './posted';

/**
 * A line (allocation) is paid to a criminal-legal-system recipient when its own recipient is one, or when any of its
 * live payments names one (`expenditures.recipient_id`): a line budgeted to "Opioid response" and paid to the
 * sheriff's office is police money all the same. The one SQL statement of that rule, for flags, the crosswalk and
 * the equity measures. `allocationId` is an expression naming the line, e.g. sql`a.id`.
 */
export function lineToCriminalLegalSql(allocationId: SQL): SQL {
  return sql`(exists (
      select 1 from allocations cla join recipients clr on clr.id = cla.recipient_id
      where cla.id = ${allocationId} and ${criminalLegalRecipientSql(sql`clr.type`, sql`clr.name`)})
    or exists (
      select 1 from expenditures clx join recipients clr on clr.id = clx.recipient_id
      where clx.allocation_id = ${allocationId} and ${countedMoneySql(sql`clx`)}
        and ${criminalLegalRecipientSql(sql`clr.type`, sql`clr.name`)}))`;
}

/**
 * The names of the criminal-legal-system recipients of a line (its own recipient first, then those its live payments
 * name, alphabetically), as a `text[]`; empty when there is none. Flags name who received the money.
 */
export function lineCriminalLegalRecipientsSql(allocationId: SQL): SQL {
  return sql`array(
    select cln.name from (
      select clr.name, 0 as rank from allocations cla join recipients clr on clr.id = cla.recipient_id
      where cla.id = ${allocationId} and ${criminalLegalRecipientSql(sql`clr.type`, sql`clr.name`)}
      union
      select clr.name, 1 from expenditures clx join recipients clr on clr.id = clx.recipient_id
      where clx.allocation_id = ${allocationId} and ${countedMoneySql(sql`clx`)}
        and ${criminalLegalRecipientSql(sql`clr.type`, sql`clr.name`)}
    ) cln
    group by cln.name
    order by min(cln.rank), cln.name)`;
}
