import { normalizeHeader, parseMapPairs } from './fields';

/**
 * The kinds of report an import takes, and for receipts and expenditures the columns each understands: a small
 * field table per kind, kept as data next to the allocation one in fields.ts (allocations keep theirs there,
 * unchanged). Headers are compared after `normalizeHeader`, as for allocations.
 */

export const IMPORT_KINDS = ['allocations', 'receipts', 'expenditures', 'expected-payments', 'outcomes'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const DEFAULT_IMPORT_KIND: ImportKind = 'allocations';

/** How each kind is offered to people: the web page's radio buttons and the command line's help. */
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  allocations: 'Allocations (budget lines)',
  receipts: 'Receipts (money received)',
  expenditures: 'Expenditures (payments)',
  'expected-payments': 'Expected settlement payments (estimates)',
  outcomes: 'Outcomes (what programs report they did)',
};

export function isImportKind(value: unknown): value is ImportKind {
  return typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);
}

/** `--kind` / `?kind=`: an exact kind name (case and spaces forgiven), or a one-line reason. */
export function parseImportKind(text: string | undefined | null): { ok: true; kind: ImportKind } | { ok: false; reason: string } {
  if (text === undefined || text === null || text.trim() === '') return { ok: true, kind: DEFAULT_IMPORT_KIND };
  const wanted = text.trim().toLowerCase();
  if (isImportKind(wanted)) return { ok: true, kind: wanted };
  return { ok: false, reason: `unknown kind "${text.trim()}"; use --kind ${IMPORT_KINDS.join('|')}` };
}

export interface KindField {
  label: string;
  required: boolean;
  /** Normalized header names (see normalizeHeader). */
  synonyms: readonly string[];
  /** What the column holds, for the web page's help table. */
  help: string;
}

export const RECEIPT_FIELDS = ['received_on', 'source', 'payment_year', 'amount', 'interest', 'note', 'status'] as const;
export type ReceiptField = (typeof RECEIPT_FIELDS)[number];

export const EXPENDITURE_FIELDS = [
  'paid_on',
  'program',
  'fiscal_year',
  'amount',
  'recipient',
  'description',
  'cost_type',
  'overspend_reason',
] as const;
export type ExpenditureField = (typeof EXPENDITURE_FIELDS)[number];

export const EXPECTED_PAYMENT_FIELDS = ['settlement', 'payment_year', 'amount', 'expected_on', 'estimated_on', 'estimate_source'] as const;
export type ExpectedPaymentField = (typeof EXPECTED_PAYMENT_FIELDS)[number];

/** How ledgers and estimate sheets name a settlement's payment (installment) year. */
const PAYMENT_YEAR_SYNONYMS = ['paymentyear', 'settlementyear', 'installmentyear', 'instalmentyear', 'payoutyear', 'settlementpaymentyear'];

/**
 * A settlement administrator's estimate of payments to a locality: "Settlement | Payment Year | Estimated Payment |
 * Expected Date | Estimate Date | Source". "Source" here is where the estimate comes from, not the settlement: the
 * settlement is named by Settlement, Payer or Defendant.
 */
export const EXPECTED_PAYMENT_FIELD_TABLE: Record<ExpectedPaymentField, KindField> = {
  settlement: {
    label: 'settlement',
    required: true,
    synonyms: ['settlement', 'settlementname', 'payer', 'payor', 'defendant', 'defendants', 'manufacturer', 'distributor'],
    help: 'The settlement, by name or a name administrators use: Distributors, "Janssen (Johnson & Johnson)", J&J, Teva.',
  },
  payment_year: {
    label: 'payment year',
    required: true,
    synonyms: [...PAYMENT_YEAR_SYNONYMS, 'year'],
    help: "The settlement's payment (installment) year, as a 4-digit year like 2026; within the settlement's payment years.",
  },
  amount: {
    label: 'expected amount',
    required: true,
    synonyms: [
      'amount', 'estimatedpayment', 'estimatedamount', 'allocation', 'allocationamount', 'expectedamount',
      'expectedpayment', 'projectedpayment', 'projectedamount', 'estimate', 'estimatedallocation', 'paymentamount',
    ],
    help: 'What the locality should receive: $123,456.78. Zero is allowed; a negative amount is refused.',
  },
  expected_on: {
    label: 'expected date',
    required: false,
    synonyms: ['expecteddate', 'expectedon', 'paymentdate', 'duedate', 'anticipateddate', 'expectedpaymentdate', 'estimatedpaymentdate', 'scheduleddate'],
    help: 'When the payment is due (optional). Still missing 60 days later, it is overdue.',
  },
  estimated_on: {
    label: 'estimate date',
    required: false,
    synonyms: ['estimatedate', 'estimatedon', 'dateofestimate', 'estimatedated', 'asof', 'asofdate', 'estimateasof', 'reportdate'],
    help: 'The date of the estimate (or give it once for the file). A newer estimate of the same year is a new revision.',
  },
  estimate_source: {
    label: 'estimate source',
    required: false,
    synonyms: ['source', 'estimatesource', 'sourceofestimate', 'reference', 'citation', 'basis'],
    help: 'Where the figure comes from, like "BrownGreer allocation estimate, 2026-11-15" (or give it once for the file).',
  },
};

/**
 * A county's receipts ledger: "Date | Settlement | Payment Year | Amount". Deliberately absent, as for allocations:
 * words that mean different things in different offices ("Name", "Type", "Year" on its own, which a ledger may use
 * for the calendar year of the deposit).
 */
export const RECEIPT_FIELD_TABLE: Record<ReceiptField, KindField> = {
  received_on: {
    label: 'date received',
    required: true,
    synonyms: [
      'date', 'datereceived', 'received', 'receivedon', 'receiveddate', 'receiptdate', 'depositdate', 'deposited',
      'datedeposited', 'dateofdeposit', 'dateofreceipt', 'paymentdate', 'datepaid', 'postingdate', 'posted',
    ],
    help: 'The day the money arrived: 2024-07-15, 7/15/2024 or July 15, 2024. Its fiscal year follows from it.',
  },
  source: {
    label: 'settlement or payer',
    required: true,
    synonyms: [
      'settlement', 'source', 'payer', 'payor', 'defendant', 'fundingsource', 'settlementname', 'settlementsource',
      'sourceoffunds', 'revenuesource', 'fundsource', 'from', 'receivedfrom',
    ],
    help:
      'The settlement or grant it came from, by name or a name ledgers use: Distributors, "Janssen (Johnson & ' +
      'Johnson)", J&J, Teva, sor-grant, "Interest earned". Not needed on a row whose Interest column says yes.',
  },
  payment_year: {
    label: 'payment year',
    required: false,
    synonyms: PAYMENT_YEAR_SYNONYMS,
    help: 'The settlement payment (installment) year this money belongs to, as a 4-digit year like 2024.',
  },
  amount: {
    label: 'amount',
    required: true,
    synonyms: [
      'amount', 'amountreceived', 'received amount', 'receivedamount', 'amountusd', 'deposit', 'depositamount',
      'payment', 'paymentamount', 'revenue', 'receipt', 'receipts', 'total received', 'netamount', 'netpayment',
    ].map(normalizeHeader),
    help: 'The amount received: $12,345.67. A negative amount is a correction (a payment reversed); zero is refused.',
  },
  interest: {
    label: 'interest',
    required: false,
    synonyms: ['interest', 'isinterest', 'interestearned', 'interestyn', 'interestincome'],
    help: 'Yes when the money is interest earned on settlement funds held (it is then recorded as interest earned).',
  },
  note: {
    label: 'note',
    required: false,
    synonyms: ['note', 'notes', 'memo', 'comment', 'comments', 'description', 'reference', 'details'],
    help: 'Anything worth keeping with the receipt (a check number, a reference).',
  },
  status: {
    label: 'status',
    required: false,
    synonyms: ['status', 'receiptstatus', 'depositstatus', 'paymentstatus'],
    help: 'Received (or blank) imports the row; Pending, Expected or Scheduled rows are money not yet received and are skipped.',
  },
};

/** How payments and outcome reports name the allocation line a row is about. */
const PROGRAM_SYNONYMS = [
  'program', 'programs', 'programname', 'allocation', 'allocationline', 'budgetline', 'lineitem', 'project',
  'projectname', 'initiative', 'strategy', 'strategyname',
];

/** An expenditures report: "Date | Program | Vendor | Amount | Description". */
export const EXPENDITURE_FIELD_TABLE: Record<ExpenditureField, KindField> = {
  paid_on: {
    label: 'date paid',
    required: true,
    synonyms: [
      'date', 'datepaid', 'paid', 'paidon', 'paymentdate', 'dateofpayment', 'checkdate', 'invoicepaiddate',
      'transactiondate', 'expenditure date', 'expensedate', 'postingdate', 'disbursementdate',
    ].map(normalizeHeader),
    help: 'The day the payment was made: 2024-07-15, 7/15/2024 or July 15, 2024. Its fiscal year follows from it.',
  },
  program: {
    label: 'program',
    required: true,
    synonyms: PROGRAM_SYNONYMS,
    help:
      'The allocation line paid from, by its program name. When two lines of different fiscal years share the ' +
      'name, a fiscal year column says which.',
  },
  fiscal_year: {
    label: 'fiscal year',
    required: false,
    synonyms: ['fiscalyear', 'fy', 'budgetyear', 'allocationyear', 'allocationfiscalyear', 'linefiscalyear'],
    help: 'The fiscal year of the allocation line paid from (2025, FY2025, 2024-25), when its name alone is not enough.',
  },
  amount: {
    label: 'amount',
    required: true,
    synonyms: [
      'amount', 'amountpaid', 'paidamount', 'payment', 'paymentamount', 'expended', 'amountexpended', 'expenditure',
      'spent', 'amountspent', 'disbursed', 'disbursement', 'amountusd', 'invoiceamount', 'cost',
    ],
    help: 'The amount paid: $1,234.56. A negative amount is a refund; zero is refused.',
  },
  recipient: {
    label: 'recipient',
    required: false,
    synonyms: [
      'recipient', 'vendor', 'vendorname', 'payee', 'paidto', 'recipientname', 'departmentvendor', 'vendorpayee',
      'contractor', 'provider', 'grantee', 'subrecipient', 'organization', 'organisation', 'fundedentity',
    ],
    help:
      'Who was paid. A name the locality has not recorded is added as a new recipient; a police, sheriff, jail or ' +
      'court agency gets that type from its name, anything else "other".',
  },
  description: {
    label: 'description',
    required: false,
    synonyms: ['description', 'purpose', 'memo', 'note', 'notes', 'details', 'invoicedescription', 'useoffunds'],
    help: 'What the payment was for.',
  },
  cost_type: {
    label: 'cost type',
    required: false,
    synonyms: ['costtype', 'costcategory', 'typeofcost', 'expensetype', 'expensecategory', 'lineitemcategory', 'lineitemtype'],
    help:
      'The kind of cost (optional): Salaries, Subcontracts, Program facilities, Program support, Program supplies, ' +
      'Administrative costs or Audit costs. Empty: the payment takes its line’s cost type in the state reports.',
  },
  overspend_reason: {
    label: 'overspend reason',
    required: false,
    synonyms: ['overspendreason', 'overspend', 'reasonforoverspend', 'overspendingreason', 'overbudgetreason', 'reasonoverbudget'],
    help:
      'Why a payment goes beyond what remains of its allocation (optional). Without it such a payment is refused; ' +
      'with it the payment is recorded and the reason is shown in public.',
  },
};

export const OUTCOME_FIELDS = ['program', 'measure', 'measure_name', 'unit', 'period_start', 'period_end', 'units', 'source'] as const;
export type OutcomeField = (typeof OUTCOME_FIELDS)[number];

/**
 * A program's outcome report, `npm run import -- --kind outcomes` or the staff import page: "Program | Measure | Period
 * Start | Period End | Count | Source". Each row is one count of one program for one period.
 */
export const OUTCOME_FIELD_TABLE: Record<OutcomeField, KindField> = {
  program: {
    label: 'program',
    required: true,
    synonyms: PROGRAM_SYNONYMS,
    help: 'The allocation line the program is, by its program name, as for payments.',
  },
  measure: {
    label: 'measure',
    required: true,
    synonyms: ['measure', 'measurename', 'outcome', 'outcomemeasure', 'metric', 'indicator', 'performancemeasure', 'kpi', 'output'],
    help: 'What was counted: People served, Naloxone kits distributed, Overdose reversals, … or Other (then name and unit).',
  },
  measure_name: {
    label: 'custom measure name',
    required: false,
    synonyms: ['custommeasure', 'custommeasurename', 'othermeasure', 'othermeasurename', 'measuredescription', 'describeother', 'ifother'],
    help: 'For a measure of Other only: what was counted ("Peer recovery sessions").',
  },
  unit: {
    label: 'unit',
    required: false,
    synonyms: ['unit', 'units of measure', 'unitofmeasure', 'uom', 'customunit'].map(normalizeHeader),
    help: 'For a measure of Other only: in what unit it was counted (sessions, meals, rides).',
  },
  period_start: {
    label: 'period start',
    required: true,
    synonyms: ['periodstart', 'startdate', 'from', 'periodbegin', 'periodbeginning', 'reportingperiodstart', 'begindate', 'start'],
    help: 'The first day the count covers: 2025-07-01 or 7/1/2025.',
  },
  period_end: {
    label: 'period end',
    required: true,
    synonyms: ['periodend', 'enddate', 'to', 'through', 'periodending', 'reportingperiodend', 'end', 'thru'],
    help: 'The last day the count covers; not before the start.',
  },
  units: {
    label: 'count',
    required: true,
    synonyms: ['count', 'units', 'number', 'quantity', 'qty', 'value', 'result', 'numberserved', 'howmany', 'reportedcount'],
    help: 'How many, as a whole number of 0 or more (1,204); a decimal or a negative is refused.',
  },
  source: {
    label: 'source',
    required: true,
    synonyms: ['source', 'datasource', 'sourceofdata', 'reportedby', 'reference', 'citation', 'sourcedocument'],
    help: 'Where the number comes from (a program report, a dashboard), shown beside it in public.',
  },
};

export type KindFieldTable<F extends string> = Record<F, KindField>;

export type KindMapping<F extends string> = Record<string, F | null>;

/**
 * A suggested mapping of a file's headers to a kind's fields by synonym; each field goes to its leftmost header,
 * as for allocations (two "Amount" columns cannot both be the amount).
 */
export function suggestKindMapping<F extends string>(headers: readonly string[], table: KindFieldTable<F>): KindMapping<F> {
  const index = new Map<string, F>();
  for (const [field, spec] of Object.entries(table) as [F, KindField][]) {
    for (const synonym of spec.synonyms) if (!index.has(synonym)) index.set(synonym, field);
  }
  const mapping: KindMapping<F> = Object.fromEntries(headers.map((header) => [header, null]));
  const taken = new Set<F>();
  for (const header of headers) {
    const field = index.get(normalizeHeader(header));
    if (field === undefined || taken.has(field) || mapping[header] !== null) continue;
    mapping[header] = field;
    taken.add(field);
  }
  return mapping;
}

export function requiredFieldsOf<F extends string>(table: KindFieldTable<F>): F[] {
  return (Object.entries(table) as [F, KindField][]).filter(([, spec]) => spec.required).map(([field]) => field);
}

/**
 * The command line's `--map "Header=field,…"` for a receipts or expenditures import, written as for allocations
 * (parseMapArgument): a header holding a comma or "=" is double-quoted; field names forgive case, spaces and hyphens.
 */
export function parseKindMapArgument<F extends string>(
  argument: string,
  fields: readonly F[],
): { ok: true; mapping: Record<string, F> } | { ok: false; reason: string } {
  return parseMapPairs(argument, fields, {
    unknownField: (fieldText, header) => `"${fieldText}" (for column "${header}") is not a field of this kind; use one of ${fields.join(', ')}`,
    mappedTwice: (header, field, before, other) =>
      (before !== undefined && before !== field) || (other !== undefined && other !== header)
        ? `"${header}" and ${field} are mapped more than once; a field takes one column`
        : null,
  });
}
