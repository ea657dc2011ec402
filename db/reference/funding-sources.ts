/**
 * Where the money comes from: the national opioid settlements (facts from DOMAIN.md) and the grants localities track
 * beside them. Totals are national maxima in integer cents; a locality receives a small share through its state.
 */

export interface FundingSourceDef {
  key: string;
  name: string;
  kind: 'settlement' | 'grant' | 'interest' | 'other';
  defendant: string | null;
  /** National total in cents; null when open-ended (grants). */
  totalCents: bigint | null;
  /** null for money that is not paid in installments (interest, other revenue). */
  firstPaymentYear: number | null;
  lastPaymentYear: number | null;
  /** Minimum share for opioid remediation in basis points (8500 = 85%); null when the source sets none. */
  remediationMinBasisPoints: number | null;
  description: string;
  /**
   * Other names people write for this source in ledgers and state reports ("J&J", "McKesson, Cardinal,
   * AmerisourceBergen"), matched ignoring case, spacing and punctuation. Never a name two sources could share.
   */
  aliases?: readonly string[];
}

/** Whole dollars to cents, in bigint so a $21 billion total stays exact. */
const dollars = (amount: bigint): bigint => amount * 100n;
const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

// Most settlements require at least 85% of the money to go to opioid remediation.
const REMEDIATION_MIN = 8500;

export const FUNDING_SOURCES: readonly FundingSourceDef[] = [
  {
    key: 'distributors',
    name: 'Distributors settlement (McKesson, Cardinal Health, AmerisourceBergen)',
    kind: 'settlement',
    defendant: 'McKesson, Cardinal Health and AmerisourceBergen (now Cencora)',
    totalCents: dollars(21n * BILLION),
    firstPaymentYear: 2022,
    lastPaymentYear: 2039,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The three largest drug wholesalers agreed to pay up to $21 billion over 18 years.',
    aliases: ['Distributors', 'Distributor settlement', 'McKesson, Cardinal, AmerisourceBergen', 'McKesson, Cardinal Health, AmerisourceBergen', 'McKesson', 'Cardinal Health', 'AmerisourceBergen', 'Cencora', 'Big Three distributors'],
  },
  {
    key: 'janssen',
    name: 'Johnson & Johnson (Janssen) settlement',
    kind: 'settlement',
    defendant: 'Johnson & Johnson and Janssen Pharmaceuticals',
    totalCents: dollars(5n * BILLION),
    firstPaymentYear: 2022,
    lastPaymentYear: 2030,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The drug maker Johnson & Johnson agreed to pay up to $5 billion over 9 years.',
    aliases: ['Janssen', 'Johnson & Johnson', 'Johnson and Johnson', 'J&J', 'J and J', 'Janssen (Johnson & Johnson)', 'J&J/Janssen', 'Janssen Pharmaceuticals'],
  },
  {
    key: 'teva',
    name: 'Teva settlement',
    kind: 'settlement',
    defendant: 'Teva Pharmaceuticals',
    totalCents: dollars(4_250n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2035,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The drug maker Teva agreed to pay up to $4.25 billion over 13 years.',
    aliases: ['Teva', 'Teva Pharmaceuticals'],
  },
  {
    key: 'allergan',
    name: 'Allergan settlement',
    kind: 'settlement',
    defendant: 'Allergan (AbbVie)',
    totalCents: dollars(2_370n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2029,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The drug maker Allergan agreed to pay up to $2.37 billion over 7 years.',
    aliases: ['Allergan', 'AbbVie (Allergan)'],
  },
  {
    key: 'cvs',
    name: 'CVS settlement',
    kind: 'settlement',
    defendant: 'CVS Health',
    totalCents: dollars(5n * BILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2032,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The pharmacy chain CVS agreed to pay about $5 billion over 10 years.',
    aliases: ['CVS', 'CVS Health', 'CVS Pharmacy'],
  },
  {
    key: 'walgreens',
    name: 'Walgreens settlement',
    kind: 'settlement',
    defendant: 'Walgreens',
    totalCents: dollars(5_700n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2037,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The pharmacy chain Walgreens agreed to pay about $5.7 billion over 15 years.',
    aliases: ['Walgreens', 'Walgreen Co.'],
  },
  {
    key: 'walmart',
    name: 'Walmart settlement',
    kind: 'settlement',
    defendant: 'Walmart',
    totalCents: dollars(3_100n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2028,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'Walmart agreed to pay $3.1 billion, most of it in the first year.',
    aliases: ['Walmart', 'Wal-Mart'],
  },
  {
    key: 'kroger',
    name: 'Kroger settlement',
    kind: 'settlement',
    defendant: 'Kroger',
    totalCents: dollars(1_370n * MILLION),
    firstPaymentYear: 2024,
    lastPaymentYear: 2034,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The grocery and pharmacy chain Kroger agreed to pay about $1.37 billion in 11 yearly payments.',
    aliases: ['Kroger', 'The Kroger Co.'],
  },
  {
    key: 'purdue-sackler',
    name: 'Purdue Pharma and Sackler family settlement',
    kind: 'settlement',
    defendant: 'Purdue Pharma and members of the Sackler family',
    totalCents: dollars(7n * BILLION),
    firstPaymentYear: 2026,
    lastPaymentYear: 2040,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description:
      'The maker of OxyContin and the family that owned it; the plan confirmed in 2025 provides up to $7 billion from the Sacklers over 15 years.',
    aliases: ['Purdue', 'Purdue Pharma', 'Sackler', 'Purdue/Sackler', 'Purdue Pharma and Sackler family'],
  },
  {
    key: 'sor-grant',
    name: 'Federal State Opioid Response grant (pass-through)',
    kind: 'grant',
    defendant: null,
    totalCents: null,
    // The current award cycle; the federal program itself is renewed every few years.
    firstPaymentYear: 2024,
    lastPaymentYear: 2027,
    remediationMinBasisPoints: null,
    description:
      'Federal money for treatment, recovery and overdose prevention that the state passes on to counties and cities.',
    aliases: ['SOR', 'SOR grant', 'Federal SOR grant', 'Federal State Opioid Response grant'],
  },
  {
    key: 'state-grant',
    name: 'State opioid-response grant',
    kind: 'grant',
    defendant: null,
    totalCents: null,
    firstPaymentYear: 2024,
    lastPaymentYear: 2027,
    remediationMinBasisPoints: null,
    description: 'A yearly grant from the state budget for local overdose prevention and treatment.',
    aliases: ['State grant', 'State opioid grant'],
  },
  {
    // Not a payer: most state agreements require interest earned on settlement money to be kept in the same fund
    // and spent on the same purposes (e.g. the NC MOA), so it is recorded as money in, apart from the settlements.
    key: 'interest-earned',
    name: 'Interest earned on settlement funds',
    kind: 'interest',
    defendant: null,
    totalCents: null,
    firstPaymentYear: null,
    lastPaymentYear: null,
    remediationMinBasisPoints: null,
    description: 'Interest the locality earned on opioid-settlement money it held; it is spent under the same rules.',
    aliases: ['Interest', 'Interest earned', 'Interest income', 'Investment income', 'Investment earnings'],
  },
  {
    key: 'other-revenue',
    name: 'Other opioid-abatement revenue',
    kind: 'other',
    defendant: null,
    totalCents: null,
    firstPaymentYear: null,
    lastPaymentYear: null,
    remediationMinBasisPoints: null,
    description: 'Money in that is neither a national settlement, a grant nor interest, named in the receipt note.',
    aliases: ['Other', 'Other revenue', 'Miscellaneous'],
  },
];

export function findFundingSource(key: string): FundingSourceDef | undefined {
  return FUNDING_SOURCES.find((source) => source.key === key);
}
