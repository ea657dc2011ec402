/**
 * Where the money comes from: the national opioid settlements and the grants localities track beside them.
 *
 * Every settlement figure is cited in `sources` (the stored public pages it was read from) and explained in the
 * comment above it, including what its total covers: the share for states and their subdivisions, or the whole
 * settlement with tribes and attorney fees. Totals are national maxima in integer cents; a locality receives a small
 * share through its state, and the share shifts with participation, suspensions and offsets. docs/reference-data.md
 * has the same facts as a table, and says what is not verified.
 */
import type { fundingSourceKind } from '../schema/enums';

/** What kind of money a source is: the funding_source_kind enum's values. */
export type FundingSourceKind = (typeof fundingSourceKind.enumValues)[number];

export interface SourceCitation {
  /** The page's title, as the stored copy gives it. */
  title: string;
  /** The page's address, as the stored copy gives it. */
  url: string;
  /** What the page says that this entry relies on, in our words. */
  says: string;
}

export interface FundingSourceDef {
  key: string;
  name: string;
  kind: FundingSourceKind;
  defendant: string | null;
  /** National total in cents; null when open-ended (grants). What it covers is said in the entry's comment. */
  totalCents: bigint | null;
  /**
   * Calendar years of the first and last payment. null for money not paid in installments (interest, other revenue),
   * and for settlements whose payment years no stored source gives (both null then).
   */
  firstPaymentYear: number | null;
  lastPaymentYear: number | null;
  /** How many yearly payments the agreement provides for; null when not paid in installments or not sourced. */
  installments: number | null;
  /**
   * Minimum share for opioid remediation in basis points (8500 = 85%), as the agreement sets it; null when the source
   * sets none or no stored source says.
   */
  remediationMinBasisPoints: number | null;
  description: string;
  /**
   * Other names people write for this source in ledgers and state reports ("J&J", "McKesson, Cardinal,
   * AmerisourceBergen"), matched ignoring case, spacing and punctuation. Never a name two sources could share.
   */
  aliases?: readonly string[];
  /** The date of the newest fact this entry relies on (ISO date); null for sources that are not settlements. */
  asOf: string | null;
  /** Where the figures come from; empty for grants, interest and other revenue, which state no national figures. */
  sources: readonly SourceCitation[];
}

/**
 * The version of these facts, like a framework's edition: the newest `asOf` of any entry. Bump it whenever a figure
 * changes, so a report or an expected-payment schedule can say which facts it was built on.
 */
export const FUNDING_SOURCES_VERSION = '2025-12-02';

/** Whole dollars to cents, in bigint so a $21 billion total stays exact. */
const dollars = (amount: bigint): bigint => amount * 100n;
const BILLION = 1_000_000_000n;
const MILLION = 1_000_000n;

/**
 * The Distributors' floor: at least 85% of the money goes to opioid remediation. The 2022 settlements (Teva, Allergan,
 * CVS, Walgreens, Walmart) were joined on "terms identical to the Distributors/J&J Settlements" (Azusa staff report
 * below), so they carry the same floor.
 */
const REMEDIATION_MIN = 8500;
/** Janssen's agreement sets its own floor: no less than 86.5% of its maximum payments over all payment years. */
const JANSSEN_REMEDIATION_MIN = 8650;

const NATIONAL_FAQ: SourceCitation = {
  title: 'Frequently Asked Questions about the National Opioid Settlement',
  url: 'https://nationalopioidsettlement.com/faq/',
  says: 'About $23.5 billion of the maximum $26 billion (Distributors and J&J) would be available for abatement with full participation.',
};
const PERCENT_85: SourceCitation = {
  title: 'successpitchers.com report on the $26 billion Distributors and J&J settlement',
  url: 'https://successpitchers.com/?p=590',
  says: 'At least 85 percent of the settlement goes to addiction treatment and prevention; J&J pays $5 billion over nine years in annual payments.',
};
const SAME_TERMS_2022: SourceCitation = {
  title: 'E-10 Staff Report - 2022 National Opioid Settlements (City of Azusa, March 20, 2023)',
  url: 'https://publicdocs.azusaca.gov/WebLink/DocView.aspx?dbid=0&id=62092&repo=CITYOFAZUSA',
  says: 'Walgreens, Walmart, CVS, Teva and Allergan entered national settlements "with terms identical to the Distributors/J&J Settlements"; funds are restricted to opioid abatement and remediation uses.',
};
const CRAINS_DETROIT_2023: SourceCitation = {
  title: "Detroit City Council approves opioid settlement (Crain's Detroit, 2023-04-04)",
  url: 'https://www.crainsdetroit.com/health-care/detroit-city-council-approves-opioid-settlement',
  says: 'Teva up to $3.34 billion over 13 years, Allergan up to $2.02 billion over seven years, CVS up to $4.9 billion over 10 years, Walmart $2.74 billion within six years.',
};
const NY_AG_FINAL_2023: SourceCitation = {
  title: 'Attorney General James Announces Final National Settlement Agreements for $17.3 Billion with Teva, CVS, and Walgreens',
  url: 'https://ag.ny.gov/press-release/2023/attorney-general-james-announces-final-national-settlement-agreements-173',
  says: 'The Teva, Allergan, CVS and Walgreens agreements were finally approved in 2023; funds were expected to reach state and local governments by the end of that year.',
};

export const FUNDING_SOURCES: readonly FundingSourceDef[] = [
  // Distributors. Total: up to $21 billion, the maximum with full participation, before attorney fees and costs are
  // taken out (the FAQ: about $23.5 billion of the $26 billion Distributors + J&J maximum is for abatement); at the
  // participation reached in February 2022 the companies put it at about $19.5 billion. Eighteen annual payments from
  // 2022. Note: Payment Years 1 and 2 were both due in 2022 (the Effective Date in 2022, then July 15, 2022), so the
  // 18th payment may fall in 2038, not 2039; no stored page states the last calendar year (see docs/reference-data.md).
  {
    key: 'distributors',
    name: 'Distributors settlement (McKesson, Cardinal Health, AmerisourceBergen)',
    kind: 'settlement',
    defendant: 'McKesson, Cardinal Health and AmerisourceBergen (now Cencora)',
    totalCents: dollars(21n * BILLION),
    firstPaymentYear: 2022,
    lastPaymentYear: 2039,
    installments: 18,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The three largest drug wholesalers agreed to pay up to $21 billion over 18 years.',
    aliases: ['Distributors', 'Distributor settlement', 'McKesson, Cardinal, AmerisourceBergen', 'McKesson, Cardinal Health, AmerisourceBergen', 'McKesson', 'Cardinal Health', 'AmerisourceBergen', 'Cencora', 'Big Three distributors'],
    asOf: '2022-02-25',
    sources: [
      {
        title: 'Distributors Announce Proposed Opioid Settlement Agreement (McKesson, July 21, 2021)',
        url: 'https://www.mckesson.com/About-McKesson/Newsroom/Press-Releases/2021/Distributors-Announce-Proposed-Opioid-Settlement-Agreement/',
        says: 'Up to approximately $21 billion over 18 years: AmerisourceBergen $6.4 billion, Cardinal Health $6.4 billion, McKesson $7.9 billion.',
      },
      {
        title: 'AmerisourceBergen, Cardinal Health And McKesson Agree To Settle Opioid Lawsuits (finanznachrichten.de, 2022-02-25)',
        url: 'https://www.finanznachrichten.de/nachrichten-2022-02/55346325-amerisourcebergen-cardinal-health-and-mckesson-agree-to-settle-opioid-lawsuits-020.htm',
        says: 'At the participation reached, up to about $19.5 billion over 18 years (AmerisourceBergen $6.1 billion, Cardinal $6 billion, McKesson $7.4 billion).',
      },
      {
        title: 'Annual Payments clause (Distributor Settlement Agreement), Law Insider',
        url: 'https://lawinsider.com/clause/annual-payments',
        says: 'The Settling Distributors make eighteen (18) Annual Payments of base and incentive payments.',
      },
      {
        title: 'Payment Date for Subsequent Payment Years clause, Law Insider',
        url: 'https://lawinsider.com/clause/payment-date-for-subsequent-payment-years',
        says: 'The Payment Date for Payment Year 3 and later is July 15 of each year.',
      },
      NATIONAL_FAQ,
      PERCENT_85,
    ],
  },
  // Johnson & Johnson (Janssen). Total: up to $5 billion, the maximum with full participation, attorney fees included;
  // amounts already paid to states that settled separately (New York, Texas, Nevada, New Mexico) and to the tribes are
  // deducted from it. Nine annual payments from 2022, up to $3.7 billion of it in the first three years. The 2030 end
  // is 2022 + 9 − 1; no stored page states the last calendar year. Remediation floor 86.5%: the clause below names
  // the payer only as a seven-letter redacted name with payments under Sections V, X and XI, which is Janssen's
  // agreement (the Distributors' payments are in Section IV).
  {
    key: 'janssen',
    name: 'Johnson & Johnson (Janssen) settlement',
    kind: 'settlement',
    defendant: 'Johnson & Johnson and Janssen Pharmaceuticals',
    totalCents: dollars(5n * BILLION),
    firstPaymentYear: 2022,
    lastPaymentYear: 2030,
    installments: 9,
    remediationMinBasisPoints: JANSSEN_REMEDIATION_MIN,
    description: 'The drug maker Johnson & Johnson agreed to pay up to $5 billion over 9 years, up to $3.7 billion of it in the first 3.',
    aliases: ['Janssen', 'Johnson & Johnson', 'Johnson and Johnson', 'J&J', 'J and J', 'Janssen (Johnson & Johnson)', 'J&J/Janssen', 'Janssen Pharmaceuticals'],
    asOf: '2022-02-25',
    sources: [
      {
        title: 'Johnson & Johnson to pay $5bn in landmark $26bn US opioid settlement (The Guardian, 2021-07-21)',
        url: 'https://www.theguardian.com/us-news/2021/jul/21/us-opioid-settlement-state-attorneys-general-johnson-and-johnson',
        says: 'J&J pays $5 billion over nine years, with up to $3.7 billion paid during the first three years.',
      },
      {
        title: 'Johnson & Johnson Confirm Advancement of Nationwide Opioid Settlement Agreement (BioPharm International)',
        url: 'https://www.biopharminternational.com/view/johnson-johnson-confirm-advancement-of-nationwide-opioid-settlement-agreement',
        says: 'On February 25, 2022 J&J confirmed participation sufficient to proceed; up to $5 billion, with separate state and tribal settlements deducted pro rata.',
      },
      {
        title: 'Use of Settlement Payments clause sample (markettransfer.info)',
        url: 'https://www.markettransfer.info/clause/use-of-settlement-payments/_1',
        says: 'In no event may less than 86.5% of the payer\u2019s maximum payments under Sections V, X and XI over all Payment Years be spent on Opioid Remediation.',
      },
      PERCENT_85,
    ],
  },
  // Teva. Total: up to $3.34 billion in cash for states and subdivisions over 13 years. The headline $4.25 billion
  // also counts up to $1.2 billion of generic naloxone (Narcan) over 10 years; the tribes get about $100 million
  // besides. First payment in the second half of 2023, so 2023–2035.
  {
    key: 'teva',
    name: 'Teva settlement',
    kind: 'settlement',
    defendant: 'Teva Pharmaceuticals',
    totalCents: dollars(3_340n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2035,
    installments: 13,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description:
      'The drug maker Teva agreed to pay up to $3.34 billion in cash over 13 years, besides up to $1.2 billion of naloxone (the $4.25 billion headline).',
    aliases: ['Teva', 'Teva Pharmaceuticals'],
    asOf: '2023-06-08',
    sources: [
      CRAINS_DETROIT_2023,
      {
        title: 'Teva reaches $4.25 billion settlement over alleged role in opioid crisis (CBS News)',
        url: 'https://www.cbsnews.com/news/teva-settlement-opioid-crisis/',
        says: 'Up to $4.25 billion including up to $1.2 billion in Narcan, paid over 13 years, plus $100 million to Native American tribes.',
      },
      {
        title: 'Teva Settles Nationwide Opioids Agreement (Nasdaq/RTTNews, 2023-06-08)',
        url: 'https://www.nasdaq.com/articles/teva-settles-nationwide-opioids-agreement',
        says: 'The nationwide agreement is concluded; the first payment is expected in the second half of 2023.',
      },
      NY_AG_FINAL_2023,
      SAME_TERMS_2022,
    ],
  },
  // Allergan. Total: up to $2.02 billion for states and subdivisions over seven years; attorneys' fees and costs are
  // reimbursed on top (the $2.37 billion headline). Effective August 2023, so 2023–2029.
  {
    key: 'allergan',
    name: 'Allergan settlement',
    kind: 'settlement',
    defendant: 'Allergan (AbbVie)',
    totalCents: dollars(2_020n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2029,
    installments: 7,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The drug maker Allergan agreed to pay up to $2.02 billion over 7 years, besides attorney fees (the $2.37 billion headline).',
    aliases: ['Allergan', 'AbbVie (Allergan)'],
    asOf: '2023-08-01',
    sources: [
      CRAINS_DETROIT_2023,
      {
        title: 'Statement on Allergan Nationwide Settlement to Resolve Opioid-Related Claims (AbbVie, Nov 22, 2022)',
        url: 'https://news.abbvie.com/news/media-statements/statement-on-allergan-nationwide-settlement-to-resolve-opioid-related-claims.htm',
        says: 'Up to $2.02 billion to support state and local efforts, as well as reimbursement of attorneys\u2019 fees and costs.',
      },
      {
        title: 'Teva and Allergan Documents (UCSF Industry Documents Library)',
        url: 'https://industrydocuments.ucsf.edu/opioids/collections/teva-and-allergan-documents',
        says: 'The nationwide settlements became effective in August 2023; Allergan pays $2.37 billion over seven years.',
      },
      SAME_TERMS_2022,
    ],
  },
  // CVS. Total: up to $4.90 billion for states and subdivisions over 10 years from 2023; the tribes get $130 million
  // besides (the "about $5 billion" headline).
  {
    key: 'cvs',
    name: 'CVS settlement',
    kind: 'settlement',
    defendant: 'CVS Health',
    totalCents: dollars(4_900n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2032,
    installments: 10,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The pharmacy chain CVS agreed to pay up to $4.9 billion over 10 years to states and local governments.',
    aliases: ['CVS', 'CVS Health', 'CVS Pharmacy'],
    asOf: '2023-04-04',
    sources: [
      CRAINS_DETROIT_2023,
      {
        title: 'Walgreens to pay ~$5B to settle nationwide opioid-related claims (Seeking Alpha, 2022-11-02)',
        url: 'https://seekingalpha.com/news/3899634-walgreens-to-pay-5b-to-settle-nationwide-opioid-related-claims',
        says: 'CVS pays about $5 billion over ten years from 2023: $4.9 billion to states and political subdivisions, $130 million to tribes.',
      },
      {
        title: 'Opioid settlement: CVS, Walgreens and Walmart reach tentative $12 billion deal (incoblogs.com, CNN)',
        url: 'https://incoblogs.com/business/opioid-settlement-cvs-walgreens-and-walmart-reach-tentative-12-billion-deal/',
        says: 'CVS would pay the states over 10 years starting in 2023.',
      },
      NY_AG_FINAL_2023,
      SAME_TERMS_2022,
    ],
  },
  // Walgreens. Total: up to $5.52 billion for states and subdivisions over 15 years, from the project's notes
  // (REPORTING.md); no stored public page states $5.52 billion. The stored pages give the $5.7 billion headline over 15
  // years, of which about $154 million is for the tribes (so about $5.55 billion for states and subdivisions, attorney
  // fees of more than $750 million included), and "up to approximately $4.95 billion in remediation payments".
  {
    key: 'walgreens',
    name: 'Walgreens settlement',
    kind: 'settlement',
    defendant: 'Walgreens',
    totalCents: dollars(5_520n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2037,
    installments: 15,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'The pharmacy chain Walgreens agreed to pay up to about $5.52 billion over 15 years to states and local governments.',
    aliases: ['Walgreens', 'Walgreen Co.'],
    asOf: '2023-06-09',
    sources: [
      {
        title: 'Walgreens, Walmart and CVS reach tentative $13 billion opioid agreement (Crain\u2019s Chicago Business/Bloomberg, 2022-11-01)',
        url: 'https://www.chicagobusiness.com/law/walgreens-walmart-and-cvs-reach-tentative-13-billion-opioid-agreement',
        says: 'Walgreens\u2019 SEC filing: payments spread over 15 years, including about $154 million for the tribes and more than $750 million in legal fees.',
      },
      {
        title: 'Walgreens and CVS to pay $10bn over opioid epidemic (The Times, 2022-11-02)',
        url: 'https://www.thetimes.co.uk/article/walgreens-and-cvs-to-pay-10bn-over-opioid-epidemic-m68c3pxx3',
        says: 'Walgreens agreed to pay about $5.7 billion over 15 years, according to a regulatory filing.',
      },
      {
        title: 'Walgreens Agrees in Principle for Multi-State Opioid Settlement Framework (Mass Market Retailers)',
        url: 'https://massmarketretailers.com/walgreens-agrees-in-principle-for-multi-state-opioid-settlement-framework',
        says: 'Up to approximately $4.95 billion in remediation payments over 15 years to participating states, subdivisions and tribes.',
      },
      NY_AG_FINAL_2023,
      SAME_TERMS_2022,
    ],
  },
  // Walmart. Total: $2.74 billion for states and subdivisions, all within six years and most of it in 2023 (the
  // settlement took effect on September 6, 2023 and Walmart paid the remaining $2.8 billion of its accrual that
  // quarter). The $3.1 billion headline includes the tribes and fees.
  {
    key: 'walmart',
    name: 'Walmart settlement',
    kind: 'settlement',
    defendant: 'Walmart',
    totalCents: dollars(2_740n * MILLION),
    firstPaymentYear: 2023,
    lastPaymentYear: 2028,
    installments: null,
    remediationMinBasisPoints: REMEDIATION_MIN,
    description: 'Walmart agreed to pay $2.74 billion to states and local governments, most of it in 2023 and all within 6 years.',
    aliases: ['Walmart', 'Wal-Mart'],
    asOf: '2023-08-22',
    sources: [
      CRAINS_DETROIT_2023,
      {
        title: 'Walmart: Opioid Lawsuits Settlement to Take Effect Next Month (MarketScreener/Dow Jones, 2023-08-22)',
        url: 'https://www.marketscreener.com/quote/stock/WALMART-INC-4841/news/Walmart-Opioid-Lawsuits-Settlement-to-Take-Effect-Next-Month-44672902/?utm_medium=RSS&utm_content=20230822',
        says: 'The settlement takes effect September 6, 2023; Walmart pays the remaining $2.8 billion of its $3.3 billion accrual in its fiscal 2024 third quarter.',
      },
      {
        title: 'Recent retailer, pharmaceutical opioid settlements total nearly $11B (Top Class Actions, 2022-11-21)',
        url: 'https://topclassactions.com/lawsuit-settlements/prescription/recent-retailer-pharmaceutical-opioid-settlements-total-nearly-11b',
        says: 'Of the $3.1 billion, $2.4 billion goes to addiction treatment and related uses and $325 million to costs, attorney fees and previous settlements.',
      },
      SAME_TERMS_2022,
    ],
  },
  // Kroger. Total: $1.37 billion, the whole finalized settlement (November 4, 2024): more than $1.2 billion for
  // opioid abatement by states and local governments, $36 million for the tribes, and attorney fees. Equal
  // installments over 11 years, the first in 2025, so 2025–2035. No stored page says what share must go to
  // remediation, so no floor is recorded.
  {
    key: 'kroger',
    name: 'Kroger settlement',
    kind: 'settlement',
    defendant: 'Kroger',
    totalCents: dollars(1_370n * MILLION),
    firstPaymentYear: 2025,
    lastPaymentYear: 2035,
    installments: 11,
    remediationMinBasisPoints: null,
    description:
      'The grocery and pharmacy chain Kroger agreed to pay $1.37 billion in 11 equal yearly payments from 2025, over $1.2 billion of it to states and local governments.',
    aliases: ['Kroger', 'The Kroger Co.'],
    asOf: '2024-11-04',
    sources: [
      {
        title: 'Kroger Agrees To Pay $1.37 Billion To State Attorneys General In Opioid Settlement (Mondaq)',
        url: 'https://www.mondaq.com/unitedstates/healthcare/1543334/kroger-agrees-to-pay-$137-billion-to-state-attorneys-general-in-opioid-settlement',
        says: 'Finalized November 4, 2024: a total of $1.37 billion, with 33 states, DC, subdivisions and tribal nations.',
      },
      {
        title: 'Kroger finalizes $1.37 billion settlement for selling opioids improperly (ConsumerAffairs)',
        url: 'https://www.consumeraffairs.com/news/kroger-finalizes-137-billion-settlement-for-selling-opioids-improperly-110524.html',
        says: 'Over $1.2 billion in support of opioid abatement; payments are expected to start in 2025.',
      },
      {
        title: 'Kroger finalizes opioid settlement payment to 30 states (KPAX)',
        url: 'https://kpax.com/us-news/kroger-finalizes-opioid-settlement-payment-to-30-states',
        says: 'Kroger plans to start making settlement payments early in 2025.',
      },
      {
        title: 'Kroger confirms important milestone to pay out landmark $1.4billion over 11 years (englishheadline.com, 2023-09-08)',
        url: 'https://englishheadline.com/index.php/2023/09/08/kroger-confirms-important-milestone-to-pay-out-landmark-1-4billion-over-11-years-in-first-of-its-kind-settlement-englishheadline/',
        says: '$1.2 billion to states and local governments; a $1.4 billion charge including $177 million in attorney fees; paid over 11 years.',
      },
      {
        title: 'Kroger to pay $1.2 billion in opioid settlement with states, cities (CBS MoneyWatch copy, empowerx.fastseoul.com)',
        url: 'https://empowerx.fastseoul.com/html/333e13599531.html',
        says: '$1.2 billion to states and local governments and $36 million to tribes, in equal installments over the next 11 years.',
      },
    ],
  },
  // Purdue Pharma and the Sackler family. Total: about $7.4 billion, the whole confirmed plan: the Sacklers about
  // $6.5 billion (up to $7 billion) in 16 payments over 15 years, $1.5 billion of it on the Effective Date, and about
  // $900 million from Purdue on that date; about $850 million of the whole is for individual victims, not
  // governments. Judge Sean Lane confirmed the plan on November 18, 2025; the Effective Date is expected in 2026. The
  // 2040 end is 2026 + 15 − 1; with 16 payments it may be 2041. No stored page gives a remediation floor.
  {
    key: 'purdue-sackler',
    name: 'Purdue Pharma and Sackler family settlement',
    kind: 'settlement',
    defendant: 'Purdue Pharma and members of the Sackler family',
    totalCents: dollars(7_400n * MILLION),
    firstPaymentYear: 2026,
    lastPaymentYear: 2040,
    installments: 16,
    remediationMinBasisPoints: null,
    description:
      'The maker of OxyContin and the family that owned it: a plan confirmed in November 2025 worth about $7.4 billion, the Sacklers paying about $6.5 billion over 15 years from 2026.',
    aliases: ['Purdue', 'Purdue Pharma', 'Sackler', 'Purdue/Sackler', 'Purdue Pharma and Sackler family'],
    asOf: '2025-12-02',
    sources: [
      {
        title: 'Purdue Pharma Gets Court Nod for Bankruptcy Exit, Sackler Deal (Bloomberg Law)',
        url: 'https://news.bloomberglaw.com/bankruptcy-law/purdue-pharma-gets-court-nod-for-bankruptcy-exit-sackler-deal',
        says: 'The plan contemplates an estimated $7.4 billion; the Sacklers contribute about $6.5 billion over 15 years; about $850 million compensates individuals.',
      },
      {
        title: 'Update: Purdue\u2019s $7.4B Ch. 11 Plan Confirmed (Verus LLC, 12/2/2025)',
        url: 'https://verusllc.com/articles/case-management/the-purdue-pharma-bankruptcy-purdue-files-new-chapter-11-bankruptcy-plan',
        says: 'Judge Lane confirmed the plan (bench ruling November 14, full ruling November 18, 2025); the Sacklers pay up to $7 billion over 15 years.',
      },
      {
        title: 'National Opioid Settlement: Purdue Pharma L.P. notice to local political subdivisions (City of Paris, TX records)',
        url: 'https://documents.paristexas.gov/WebLink/0/doc/1388207/Page94.aspx',
        says: 'The Sacklers pay $6.5 billion in 16 payments over 15 years, including $1.5 billion on the Effective Date (expected in 2026); about $900 million from the Purdue estate on that date.',
      },
    ],
  },
  // Mallinckrodt. Total: $700 million, all it paid: $450 million in June 2022 and a final $250 million in 2023, when
  // its second bankruptcy cancelled the rest of the $1.7 billion promised over eight years in the first. It went to
  // the Opioid Master Disbursement Trust II, for governments and individuals alike. No remediation floor sourced.
  {
    key: 'mallinckrodt',
    name: 'Mallinckrodt bankruptcy settlement (Opioid MDT II)',
    kind: 'settlement',
    defendant: 'Mallinckrodt Pharmaceuticals',
    totalCents: dollars(700n * MILLION),
    firstPaymentYear: 2022,
    lastPaymentYear: 2023,
    installments: 2,
    remediationMinBasisPoints: null,
    description:
      'The generic opioid maker Mallinckrodt paid $700 million through its bankruptcies ($450 million in 2022, $250 million in 2023) instead of the $1.7 billion first promised.',
    aliases: ['Mallinckrodt', 'Mallinckrodt Pharmaceuticals', 'Mallinckrodt plc', 'Opioid MDT II'],
    asOf: '2023-08-23',
    sources: [
      {
        title: 'Mallinckrodt trust says \u2018gruesome\u2019 opioid payment deal was best it could do (squidbusiness.fr, Bloomberg)',
        url: 'https://squidbusiness.fr/mallinckrodt-trust-says-gruesome-opioid-payment-deal-was-best-it-could-do',
        says: 'A final $250 million payment; total payments of $700 million after $450 million in June 2022, against about $1.7 billion promised.',
      },
      {
        title: 'Statement on behalf of the Trustees of the Opioid Master Disbursement Trust II (WTAP/PR Newswire, 2023-08-23)',
        url: 'https://www.wtap.com/prnewswire/2023/08/23/statement-behalf-trustees-opioid-master-disbursement-trust-ii-opioid-mdt-ii/',
        says: 'The trustees agreed to receive almost $1 billion less than promised, on an accelerated time frame.',
      },
    ],
  },
  // Hikma. Total: $150 million, $115 million in cash and $35 million of addiction-treatment medication (cash instead
  // for states that decline it), for states and local communities. Agreed in principle February 1, 2024; no stored
  // page gives the payment years, so none are recorded.
  {
    key: 'hikma',
    name: 'Hikma settlement',
    kind: 'settlement',
    defendant: 'Hikma Pharmaceuticals',
    totalCents: dollars(150n * MILLION),
    firstPaymentYear: null,
    lastPaymentYear: null,
    installments: null,
    remediationMinBasisPoints: null,
    description: 'The generic drug maker Hikma agreed to pay $150 million: $115 million in cash and $35 million in medication.',
    aliases: ['Hikma', 'Hikma Pharmaceuticals'],
    asOf: '2024-02-01',
    sources: [
      {
        title: 'Attorney General Josh Stein Announces $150 Million Bipartisan Opioid Settlement in Principle with Hikma Pharmaceuticals',
        url: 'https://ncdoj.gov/attorney-general-josh-stein-announces-150-million-bipartisan-opioid-settlement-in-principle-with-hikma-pharmaceuticals/',
        says: '$115 million in cash and $35 million in opioid addiction treatment medication; states that decline the medication receive cash.',
      },
    ],
  },
  // Amneal. Total: $272.5 million, $92.5 million in cash and $180 million of naloxone nasal spray (or cash for 25% of
  // the product value in the last four years), over 10 years, for states, local governments and tribes. Agreed in
  // principle May 2024; the first payment year is not in a stored page, so none is recorded.
  {
    key: 'amneal',
    name: 'Amneal settlement',
    kind: 'settlement',
    defendant: 'Amneal Pharmaceuticals',
    totalCents: dollars(272_500_000n),
    firstPaymentYear: null,
    lastPaymentYear: null,
    installments: 10,
    remediationMinBasisPoints: null,
    description: 'The generic drug maker Amneal agreed to pay $92.5 million in cash and $180 million in naloxone over 10 years.',
    aliases: ['Amneal', 'Amneal Pharmaceuticals'],
    asOf: '2024-05-03',
    sources: [
      {
        title: 'Amneal Pharmaceuticals wants to settle nationwide opioid cases for $272.5 million (Big News Network/Courthouse News)',
        url: 'https://www.bignewsnetwork.com/news/274338115/amneal-pharmaceuticals-wants-to-settle-nationwide-opioid-cases-for-2725-million',
        says: '$92.5 million in cash and $180 million of naloxone over 10 years; or cash for 25% of the product value during the last four years.',
      },
      {
        title: 'Attorney General James Secures Over $270 Million Multistate Settlement in Principle with Amneal Pharmaceuticals (EIN Presswire)',
        url: 'https://www.einpresswire.com/article/708683088/attorney-general-james-secures-over-270-million-multistate-settlement-in-principle-with-amneal-pharmaceuticals-for-its-role-in-the-opioid-crisis',
        says: '$92.5 million in cash over 10 years and $180 million of naloxone nasal spray to participating states and local governments.',
      },
    ],
  },
  // Indivior. Total: $86 million to participating states over five years (agreed in principle July 26, 2024). Not the
  // separate $102.5 million Suboxone antitrust settlement of 2023, which is not opioid-abatement money. Payment years
  // are not in a stored page.
  {
    key: 'indivior',
    name: 'Indivior settlement',
    kind: 'settlement',
    defendant: 'Indivior',
    totalCents: dollars(86n * MILLION),
    firstPaymentYear: null,
    lastPaymentYear: null,
    installments: null,
    remediationMinBasisPoints: null,
    description: 'The buprenorphine maker Indivior agreed to pay $86 million to participating states over 5 years.',
    aliases: ['Indivior', 'Indivior Inc.'],
    asOf: '2024-07-26',
    sources: [
      {
        title: 'Attorney General James Secures $86 Million Multistate Settlement in Principle with Indivior (EIN Presswire, 2024-07-26)',
        url: 'https://www.einpresswire.com/article/730710030/attorney-general-james-secures-86-million-multistate-settlement-in-principle-with-indivior-for-its-role-in-the-opioid-crisis',
        says: '$86 million to participating states over five years for opioid addiction treatment, recovery and prevention.',
      },
    ],
  },
  // Endo. Total: up to $450 million to participating states and local governments, agreed in principle in August 2022
  // as part of Endo's bankruptcy. Payment years are not in a stored page.
  {
    key: 'endo',
    name: 'Endo bankruptcy settlement',
    kind: 'settlement',
    defendant: 'Endo International',
    totalCents: dollars(450n * MILLION),
    firstPaymentYear: null,
    lastPaymentYear: null,
    installments: null,
    remediationMinBasisPoints: null,
    description: 'The maker of Opana ER and Percocet agreed in its bankruptcy to pay up to $450 million to states and local governments.',
    aliases: ['Endo', 'Endo International', 'Endo Pharmaceuticals'],
    asOf: '2022-08-17',
    sources: [
      {
        title:
          'AG Shapiro, State AGs Reach $450 Million Settlement With Endo As Part of Opioid Manufacturer\u2019s Bankruptcy (Aug 17, 2022; stored behind an app.supercast.com click-through link)',
        url: 'https://www.attorneygeneral.gov/taking-action/ag-shapiro-state-ags-reach-450-million-settlement-with-endo-as-part-of-opioid-manufacturers-bankruptcy/',
        says: 'Up to $450 million to participating states and local governments, contingent on bankruptcy court approval.',
      },
    ],
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
    installments: null,
    remediationMinBasisPoints: null,
    description:
      'Federal money for treatment, recovery and overdose prevention that the state passes on to counties and cities.',
    aliases: ['SOR', 'SOR grant', 'Federal SOR grant', 'Federal State Opioid Response grant'],
    asOf: null,
    sources: [],
  },
  {
    key: 'state-grant',
    name: 'State opioid-response grant',
    kind: 'grant',
    defendant: null,
    totalCents: null,
    firstPaymentYear: 2024,
    lastPaymentYear: 2027,
    installments: null,
    remediationMinBasisPoints: null,
    description: 'A yearly grant from the state budget for local overdose prevention and treatment.',
    aliases: ['State grant', 'State opioid grant'],
    asOf: null,
    sources: [],
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
    installments: null,
    remediationMinBasisPoints: null,
    description: 'Interest the locality earned on opioid-settlement money it held; it is spent under the same rules.',
    aliases: ['Interest', 'Interest earned', 'Interest income', 'Investment income', 'Investment earnings'],
    asOf: null,
    sources: [],
  },
  {
    key: 'other-revenue',
    name: 'Other opioid-abatement revenue',
    kind: 'other',
    defendant: null,
    totalCents: null,
    firstPaymentYear: null,
    lastPaymentYear: null,
    installments: null,
    remediationMinBasisPoints: null,
    description: 'Money in that is neither a national settlement, a grant nor interest, named in the receipt note.',
    aliases: ['Other', 'Other revenue', 'Miscellaneous'],
    asOf: null,
    sources: [],
  },
];

export function findFundingSource(key: string): FundingSourceDef | undefined {
  return FUNDING_SOURCES.find((source) => source.key === key);
}
