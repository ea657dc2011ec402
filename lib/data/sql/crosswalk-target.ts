import { sql, type SQL } from 'drizzle-orm';
import { lineToCriminalLegalSql } from './criminal-legal-line';

/**
 * THE crosswalk: the category a part of a line's money is reported under in a target framework. Every query that
 * carries a line's money from the framework it was filed in to another uses this expression, so the rules below
 * hold on every page, chart, measure, flag and API answer alike:
 *
 * 1. A category of the target framework is its own answer.
 * 2. "Other / not yet classified" (`categories.unclassified`) maps only to the target framework's own unclassified
 *    category, never to a guessed health category; with none there, the money is "not covered".
 * 3. Money paid to a criminal-legal-system recipient (lineToCriminalLegalSql) is never reported under a category
 *    whose name says it is not police (`categories.excludes_criminal_legal`: "Community (non-police) crisis
 *    response", "Voluntary pre-arrest diversion", …). It stays under the category it was filed in — a category of
 *    another framework — so readers see "Connections to care" and who was paid, not a relabelled police line.
 * 4. Otherwise the crosswalk's match, or null when the crosswalk has none (reported as "not covered").
 *
 * Because each part maps to exactly one category (or null), totals add up to the cent in every framework.
 * The line check only runs for parts whose match excludes criminal-legal recipients (CASE evaluates in order).
 */
export function crosswalkTargetSql(args: { categoryId: SQL; allocationId: SQL; targetFrameworkId: SQL }): SQL {
  const { categoryId, allocationId, targetFrameworkId } = args;
  return sql`(select case
      when cws.framework_id = ${targetFrameworkId} then cws.id
      when cws.unclassified then (
        select cwu.id from categories cwu where cwu.framework_id = ${targetFrameworkId} and cwu.unclassified
        order by cwu.sort_order, cwu.id limit 1)
      when cwt.id is null or not cwt.excludes_criminal_legal then cwt.id
      when ${lineToCriminalLegalSql(allocationId)} then cws.id
      else cwt.id end
    from categories cws
    left join category_crosswalk cwx on cwx.from_category_id = cws.id and cwx.to_framework_id = ${targetFrameworkId}
    left join categories cwt on cwt.id = cwx.to_category_id
    where cws.id = ${categoryId})`;
}

/** The group under which money kept in the category it was filed in (rule 3) is shown in another framework. */
export const KEPT_FOR_CRIMINAL_LEGAL_GROUP = 'Paid to criminal-legal-system recipients';

/**
 * How a reported category (alias `t`, from crosswalkTargetSql) is named in the target framework: its own key, label
 * and group when it belongs there; when it is a category kept from another framework (rule 3), a key qualified by
 * that framework ("exhibit-e:use-c", so it never collides with a target key), its own label, and the group
 * KEPT_FOR_CRIMINAL_LEGAL_GROUP, and no stance (the framework's stances do not apply to it). `keptFrom` is the kept category's framework name (null otherwise).
 */
export function reportedCategorySql(t: SQL, targetFrameworkId: SQL) {
  const own = sql`${t}.framework_id = ${targetFrameworkId}`;
  return {
    key: sql`case when ${own} then ${t}.key else (select cwf.key from frameworks cwf where cwf.id = ${t}.framework_id) || ':' || ${t}.key end`,
    group: sql`case when ${own} then ${t}.group_label else ${KEPT_FOR_CRIMINAL_LEGAL_GROUP} end`,
    stance: sql`case when ${own} then ${t}.stance end`,
    keptFrom: sql`case when ${own} then null else (select cwf.name from frameworks cwf where cwf.id = ${t}.framework_id) end`,
  };
}
