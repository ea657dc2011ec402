import { pgEnum } from 'drizzle-orm/pg-core';

export const localityKind = pgEnum('locality_kind', ['county', 'city', 'region', 'state', 'town', 'tribe', 'other']);
export type LocalityKind = (typeof localityKind.enumValues)[number];
export const fundingSourceKind = pgEnum('funding_source_kind', ['settlement', 'grant', 'interest', 'other']);
export const categoryStance = pgEnum('category_stance', ['recommended', 'neutral', 'discouraged']);
export const recipientType = pgEnum('recipient_type', [
  'government_department',
  'law_enforcement',
  'courts_corrections',
  'health_care_provider',
  'community_based_organization',
  'faith_based_organization',
  'school_or_university',
  'private_vendor',
  'other',
]);
export const allocationStatus = pgEnum('allocation_status', ['draft', 'submitted', 'approved', 'returned']);
/**
 * What a line's money pays for by kind of cost (the Massachusetts municipal report's line-item categories), plus the
 * audit costs North Carolina's annual report asks for apart (MOA section F.3).
 */
export const costType = pgEnum('cost_type', [
  'salaries',
  'subcontracts',
  'program_facilities',
  'program_support',
  'program_supplies',
  'administrative',
  'audit',
]);
export const membershipRole = pgEnum('membership_role', ['admin', 'editor', 'reviewer']);
