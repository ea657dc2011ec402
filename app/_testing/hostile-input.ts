/**
 * fast-check generators of what an attacker, a broken client or a confused person sends: a plausible form for the
 * app's own fields, with some values replaced by hostile ones (huge, control characters, lone surrogates, right-to-
 * left overrides, emoji, numbers that are not money, SQL, wrong types), some fields missing, some extra, and ids
 * of records that are not the caller's or do not exist. Most inputs are therefore invalid, but deep: they pass the
 * first checks and reach the validation and the database code behind them.
 */
import fc from 'fast-check';
import type { SurfaceFixture } from './surface-fixture';

export type Fields = Record<string, string | File>;

const SPECIAL_TEXT = [
  '',
  ' ',
  '\t\n\r',
  '\u0000',
  'a\u0000b',
  '\u0000'.repeat(64),
  '\u0007\u001b[31mred\u001b[0m',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\u202Egnp.exe',
  '\u200B\u200D\uFEFF',
  'Z̷̡͎a̵͉͝l̶g̴o̷',
  '😀👩‍👩‍👧‍👦🏳️‍🌈',
  '١٢٣',
  '２０２６',
  "'; drop table allocations; --",
  "' or '1'='1",
  '1; select pg_sleep(10)',
  '$1',
  '%s%s%s%n',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.test")',
  '__proto__',
  'constructor',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"__proto__":{"admin":true}}',
] as const;

const SPECIAL_NUMBERS = [
  '-1',
  '0',
  '-0',
  '1e308',
  '-1e308',
  '1e-7',
  'NaN',
  'Infinity',
  '-Infinity',
  '99999999999999999999.99',
  '9223372036854775808',
  '2147483648',
  '9007199254740993',
  '1,000.00',
  '1.000,00',
  '$5',
  '(500.00)',
  '-$5.00',
  '5.005',
  '0x10',
  '1_000',
  '1e3',
  '12abc',
  '2025-02-30',
  '0000-00-00',
  '9999-12-31',
  '1.5',
  ' 7 ',
] as const;

/** Text no form would send: one of the specials, anything Unicode can hold (half surrogates too), or huge. */
export function hostileText(): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...SPECIAL_TEXT, ...SPECIAL_NUMBERS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom('\u0000', '\u0001', '\u001f', '\u007f', '\u202e', '\ud800', 'é', '😀', "'", '"', '\\', ','), maxLength: 30 }),
    fc
      .tuple(fc.constantFrom(201, 2_001, 10_001, 100_000), fc.constantFrom('x', '😀', '\u0000', 'é', '9'))
      .map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length))),
  );
}

/** Record ids as a form would carry them: the caller's, another locality's, ones that do not exist, or nonsense. */
function idText(fx: SurfaceFixture): fc.Arbitrary<string> {
  const records = [fx.a, fx.b].flatMap((l) => [l.allocation, l.draftAllocation, l.submittedAllocation, l.receipt, l.expenditure, l.goal]);
  return fc.oneof(
    fc.constantFrom(...records.map((r) => String(r.id)), String(fx.a.id), String(fx.b.id)),
    fc.constantFrom('0', '-1', '999999', '2147483647', '2147483648', '99999999999', '1.5', '1e3', ''),
    fc.integer({ min: 1, max: 2_000 }).map(String),
    hostileText(),
  );
}

/** What each of the app's form fields plausibly holds, for locality A: the starting point that hostile values replace. */
function plausibleForm(fx: SurfaceFixture, target: { id: number; version: number }): Record<string, string> {
  return {
    slug: fx.a.slug,
    localityId: String(fx.a.id),
    id: String(target.id),
    version: String(target.version),
    fiscalYear: '2026',
    fy: '2026',
    program: 'Naloxone vending machines',
    description: 'Kits at the public library.',
    amount: '1,200.00',
    sourceId: '1',
    recipientMode: 'none',
    'splits.0.categoryId': '1',
    'splits.0.percent': '100',
    receivedOn: '2025-08-01',
    paidOn: '2025-08-01',
    note: 'First payment.',
    allocationId: String(fx.a.allocation.id),
    reason: 'Checked with the board.',
    decision: 'approve',
    email: 'someone@example.test',
    password: 'a-long-enough-password',
    currentPassword: 'not-the-current-password',
    newPassword: 'another-long-password',
    next: '/staff',
    role: 'editor',
    locality: fx.a.slug,
    name: 'Someone New',
    userId: String(fx.userIds.signedInNoRole),
    measure: 'category_share',
    subject: 'naloxone',
    comparator: 'at_least',
    target: '25',
    amberMargin: '5',
    population: '120000',
    overdoseDeaths: '31',
    source: 'Census',
    dimension: 'race_ethnicity',
    'groups.0.groupKey': 'black',
    'groups.0.groupLabel': 'Black',
    'groups.0.population': '1000',
    'groups.0.overdoseDeaths': '3',
    'groups.0.people': '12',
    returnTo: `/staff/l/${fx.a.slug}/expenditures`,
  };
}

const ID_FIELDS = new Set(['localityId', 'id', 'version', 'sourceId', 'allocationId', 'userId', 'splits.0.categoryId']);

/** Field names no form has, some of them crafted. */
const EXTRA_NAMES = fc.oneof(
  fc.constantFrom('__proto__', '__proto__.isSiteAdmin', 'constructor.prototype.x', 'splits.999.percent', 'groups.-1.people', 'a..b', '', 'isSiteAdmin', 'createdBy', 'status', 'deletedAt', 'splits', 'groups.0', '$ACTION_ID_x'),
  fc.string({ maxLength: 12 }),
);

export interface FormCase {
  fields: Fields;
  /** What was done to the plausible form, for the failure report. */
  changes: string[];
}

/**
 * The fields each area's forms read, so that most replacements hit a field the action checks (a replaced field it
 * ignores would leave a valid form, and the test would mostly watch saves). Unknown areas use every field.
 */
const FIELDS_READ: [RegExp, string[]][] = [
  [/\/allocations\/|\/review\//, ['localityId', 'id', 'version', 'fiscalYear', 'program', 'amount', 'sourceId', 'recipientMode', 'splits.0.categoryId', 'splits.0.percent', 'reason', 'decision']],
  [/\/receipts\//, ['localityId', 'id', 'version', 'receivedOn', 'amount', 'sourceId', 'note']],
  [/\/expenditures\//, ['localityId', 'id', 'version', 'allocationId', 'paidOn', 'amount', 'description', 'returnTo']],
  [/\/context\//, ['localityId', 'allocationId', 'fiscalYear', 'population', 'overdoseDeaths', 'dimension', 'groups.0.groupKey', 'groups.0.groupLabel', 'groups.0.population', 'groups.0.overdoseDeaths', 'groups.0.people']],
  [/\/goals\//, ['localityId', 'id', 'version', 'fiscalYear', 'measure', 'subject', 'comparator', 'target', 'amberMargin', 'reason']],
  [/\/users\//, ['email', 'localityId', 'locality', 'role', 'name', 'password', 'userId']],
  [/\/account\//, ['currentPassword', 'newPassword']],
  [/\/sign-in\//, ['email', 'password', 'next']],
];

export function fieldsReadBy(file: string): string[] | null {
  return FIELDS_READ.find(([pattern]) => pattern.test(file))?.[1] ?? null;
}

/** A form for a server action: the plausible one with 1–4 values replaced, 0–3 removed and 0–2 added. */
export function hostileForm(fx: SurfaceFixture, fieldsRead: string[] | null = null): fc.Arbitrary<FormCase> {
  const records = [fx.a.allocation, fx.a.draftAllocation, fx.a.submittedAllocation, fx.a.receipt, fx.a.expenditure, fx.a.goal, fx.b.allocation, fx.b.goal];
  return fc
    .record({
      target: fc.constantFrom(...records),
      replace: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: 1, maxLength: 4 }),
      remove: fc.array(fc.nat(), { maxLength: 3 }),
      extra: fc.array(fc.tuple(EXTRA_NAMES, hostileText()), { maxLength: 2 }),
      ids: fc.array(idText(fx), { minLength: 4, maxLength: 4 }),
      texts: fc.array(hostileText(), { minLength: 4, maxLength: 4 }),
      file: fc.option(fc.tuple(hostileText(), hostileText()), { nil: undefined }),
    })
    .map(({ target, replace, remove, extra, ids, texts, file }) => {
      const fields: Fields = plausibleForm(fx, target);
      const names = Object.keys(fields);
      const read = fieldsRead ?? names;
      const changes: string[] = [`target ${target.id}v${target.version}`];
      replace.forEach(([pick, useId], index) => {
        // Nine in ten replacements hit a field the action reads; the rest any field.
        const pool = pick % 10 === 0 ? names : read;
        const name = pool[Math.floor(pick / 10) % pool.length]!;
        const value = useId || ID_FIELDS.has(name) ? ids[index]! : texts[index]!;
        fields[name] = value;
        changes.push(`${name}=${JSON.stringify(value.slice(0, 40))}${value.length > 40 ? `…(${value.length})` : ''}`);
      });
      for (const pick of remove) {
        const name = names[pick % names.length]!;
        delete fields[name];
        changes.push(`-${name}`);
      }
      for (const [name, value] of extra) {
        fields[name] = value;
        changes.push(`+${JSON.stringify(name)}`);
      }
      // The context import reads a file: a hostile one (content, name), or the plain form without one.
      if (file) {
        fields.file = new File([file[0]], file[1] || 'x.csv', { type: 'text/csv' });
        changes.push(`file ${JSON.stringify(file[1].slice(0, 20))} (${file[0].length} chars)`);
      }
      return { fields, changes, [fc.toStringMethod]: () => changes.join('; ') };
    });
}

const QUERY_NAMES = ['fy', 'limit', 'cursor', 'framework', 'category', 'recipient_type', 'status', 'sort', 'dir', 'q', 'page', 'size', 'rtype', 'allocation', 'fiscal_year'];

export interface RouteCase {
  params: Record<string, string>;
  query: string;
  form?: FormData;
  changes: string[];
}

/** Path segments, a query string and (for uploads) a multipart form, hostile in the same ways. */
export function hostileRouteCall(fx: SurfaceFixture, paramNames: string[], withForm: boolean): fc.Arbitrary<RouteCase> {
  const paramValue = (name: string) =>
    name === 'file'
      ? fc.oneof(fc.constantFrom('allocations.csv', 'receipts.csv', 'expenditures.csv', 'allocation-splits.csv', 'localities.csv', 'datapackage.json', '..%2F..%2Fetc', 'ALLOCATIONS.CSV'), hostileText())
      : fc.oneof(fc.constantFrom(fx.a.slug, fx.b.slug, 'all', 'no-such-place', 'Cedarholm-County', `${fx.a.slug}/`, '%2e%2e'), hostileText());
  const csvText = fc.oneof(
    fc.constantFrom(
      'program,amount,fiscal_year,category\nNaloxone,abc,2026,naloxone\n',
      'program,amount,fiscal_year,category\n=cmd|calc,-1,1999,police\n',
      'program,amount,fiscal_year,category\n"unclosed,1,2026,naloxone\n',
      '\uFEFFprogram;amount\n',
      'PK\u0003\u0004not really a zip',
    ),
    hostileText(),
  );
  const form = fc.record({
    file: fc.option(fc.tuple(csvText, fc.oneof(fc.constantFrom('lines.csv', 'lines.xlsx', 'lines.exe', ''), hostileText())), { nil: undefined }),
    mapping: fc.option(fc.oneof(fc.constantFrom('{"program":"program","amount":"amount"}', '{"__proto__":{"x":"program"}}', '[]', 'null', '{"a":"nonsense"}', '{'), hostileText()), { nil: undefined }),
    expectedRowCount: fc.option(fc.oneof(fc.constantFrom(...SPECIAL_NUMBERS), hostileText()), { nil: undefined }),
  });
  return fc
    .record({
      params: fc.tuple(...paramNames.map((name) => paramValue(name))),
      query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...QUERY_NAMES), fc.string({ maxLength: 8 })), hostileText()), { maxLength: 4 }),
      form: withForm ? form.map((f) => f) : fc.constant(undefined),
    })
    .map(({ params, query, form: parts }) => {
      const search = new URLSearchParams(query);
      const changes = [`params ${JSON.stringify(params.map((p) => p.slice(0, 30)))}`, `query ${search.toString().slice(0, 120)}`];
      let formData: FormData | undefined;
      if (parts) {
        formData = new FormData();
        if (parts.file) formData.append('file', new File([parts.file[0]], parts.file[1], { type: 'text/csv' }));
        if (parts.mapping !== undefined) formData.append('mapping', parts.mapping);
        if (parts.expectedRowCount !== undefined) formData.append('expectedRowCount', parts.expectedRowCount);
        changes.push(`form file=${parts.file ? `${parts.file[0].length} chars` : 'none'} mapping=${JSON.stringify(parts.mapping?.slice(0, 40))}`);
      }
      return {
        params: Object.fromEntries(paramNames.map((name, index) => [name, params[index]!])),
        query: search.toString(),
        form: formData,
        changes,
        [fc.toStringMethod]: () => changes.join('; '),
      };
    });
}
