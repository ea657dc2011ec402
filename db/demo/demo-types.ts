/**
 * Shapes of the demo data set. Plain records keyed by slugs, names and import keys (not database ids) so the loader
 * can insert them in any database and re-run idempotently.
 */

export type RecipientType =
  | 'government_department'
  | 'law_enforcement'
  | 'courts_corrections'
  | 'health_care_provider'
  | 'community_based_organization'
  | 'faith_based_organization'
  | 'school_or_university'
  | 'private_vendor'
  | 'other';

export type AllocationStatus = 'draft' | 'submitted' | 'approved' | 'returned';

export interface DemoLocality {
  slug: string;
  name: string;
  kind: 'county' | 'city' | 'region' | 'state';
  stateCode: string;
  population: number;
  /** 1 = January … 12 = December. */
  fyStartMonth: number;
  parentSlug: string | null;
}

export interface DemoRecipient {
  localitySlug: string;
  name: string;
  type: RecipientType;
  livedExperienceLed: boolean;
}

export interface DemoReceipt {
  localitySlug: string;
  sourceKey: string;
  /** YYYY-MM-DD */
  receivedOn: string;
  amountCents: bigint;
  /** The settlement's payment (installment) year; null for grants. */
  paymentYear: number | null;
  note: string;
  importKey: string;
}

/** One settlement administrator's estimate of a payment to a locality. */
export interface DemoExpectedPayment {
  localitySlug: string;
  sourceKey: string;
  paymentYear: number;
  amountCents: bigint;
  /** YYYY-MM-DD */
  expectedOn: string;
  estimatedOn: string;
  estimateSource: string;
  importKey: string;
}

export interface DemoSplit {
  /** A health-first category key. */
  categoryKey: string;
  /** Basis points; the splits of one allocation sum to 10000. */
  shareBasisPoints: number;
}

export interface DemoAllocation {
  importKey: string;
  localitySlug: string;
  fiscalYear: number;
  program: string;
  description: string;
  recipientName: string;
  sourceKey: string;
  amountCents: bigint;
  status: AllocationStatus;
  splits: DemoSplit[];
}

export interface DemoExpenditure {
  importKey: string;
  allocationImportKey: string;
  /** YYYY-MM-DD */
  paidOn: string;
  amountCents: bigint;
  description: string;
}

export interface DemoData {
  localities: DemoLocality[];
  recipients: DemoRecipient[];
  receipts: DemoReceipt[];
  expectedPayments: DemoExpectedPayment[];
  allocations: DemoAllocation[];
  expenditures: DemoExpenditure[];
}
