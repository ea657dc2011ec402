import { expect, test, type APIRequestContext } from '@playwright/test';
import { submitOneCategoryLine } from './helpers/allocations';
import { signedInPage } from './helpers/sign-in';
import { expectNoViolations } from './helpers/accessibility';

/**
 * The oversight board's workflow, as people would do it: the editor submits a police-equipment line; a reviewer sees
 * it flagged on the review page, with how each equity goal would move, and returns it with a reason; the editor
 * reads the reason, changes the category and submits it again; the reviewer approves. The public line page shows
 * both decisions with their reasons, and the public equity API's actual moves by exactly the approved money.
 *
 * FY2027 is used on purpose: other specs compare FY2025 and FY2026 with what the database held at start.
 */

const CEDARHOLM = 'cedarholm-county';
const FY = '2027';
const LAW_ENFORCEMENT = 'Law enforcement: equipment, task forces, drug enforcement';
const CRISIS = 'Community (non-police) crisis response, 988, crisis stabilization';
const stamp = Date.now().toString(36);


interface ApiGoal {
  measure: string;
  subject: string | null;
  actual: string | null;
  status: string;
  inputs: Record<string, { value: string | null }>;
}

async function equity(request: APIRequestContext): Promise<{ goals: ApiGoal[]; flags: { kind: string; allocation_id: number | null }[] }> {
  const response = await request.get(`/api/v1/localities/${CEDARHOLM}/equity?fy=${FY}`);
  expect(response.status()).toBe(200);
  return response.json();
}

function criminalLegal(answer: { goals: ApiGoal[] }): ApiGoal {
  const goal = answer.goals.find((g) => g.measure === 'group_share' && g.subject === 'Criminal-legal');
  expect(goal, 'the demo sets a criminal-legal goal').toBeDefined();
  return goal!;
}

/** "1234.56" → 123456n */
const cents = (dollars: string | null | undefined) => BigInt((dollars ?? '0').replace('.', ''));

/** part ÷ total as a percentage to two places, rounded half up, with integers only: "9.20". */
function percentOf(part: bigint, total: bigint): string {
  const bp = (part * 10_000n * 2n + total) / (total * 2n);
  return `${bp / 100n}.${(bp % 100n).toString().padStart(2, '0')}`;
}

test('a police-equipment line is flagged, returned with a reason, recategorized, approved — and the public record and the equity actual follow', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const program = `Patrol vehicle equipment ${stamp}`;
  const returnReason = `Police equipment is not opioid remediation (${stamp}). Fund the non-police crisis team instead.`;
  const approveReason = `Non-police crisis response is what the plan asks for (${stamp}).`;

  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  const before = await equity(editor.request);

  // The editor drafts the line, 100% law enforcement, and submits it.
  const id = await submitOneCategoryLine(editor, CEDARHOLM, {
    program,
    description: 'Light bars, radios and prisoner cages for six sheriff patrol vehicles.',
    fiscalYear: FY,
    amount: '$48,000.00',
    category: LAW_ENFORCEMENT,
  });

  // The reviewer sees it flagged, and how the goals would move if it were approved.
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/review?fy=${FY}`);
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText('Review submitted lines');
  // The queue has one row a line; its detail (facts, flags, impact, the decision) opens in place.
  await reviewer.locator(`[data-details-for="${id}"] summary`).click();
  const card = reviewer.locator(`[data-testid="review-line"][data-allocation-id="${id}"]`);
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(program);
  const flag = card.getByTestId('review-line-flags').locator('li[data-kind="discouraged_use"]');
  await expect(flag).toHaveAttribute('data-severity', 'high');
  await expect(flag).toContainText(`Law enforcement: “${program}”`);
  await expect(flag).toContainText('High');
  const legalBefore = criminalLegal(before);
  const ifApproved = percentOf(cents(legalBefore.inputs.part?.value) + 4_800_000n, cents(legalBefore.inputs.total?.value) + 4_800_000n);
  await expect(card.getByTestId('impact-sentences')).toContainText(
    `Criminal-legal share of allocated money would rise from ${legalBefore.actual}% to ${ifApproved}%`,
  );
  await expect(card.getByTestId('impact-table').locator('tbody tr', { hasText: 'Criminal-legal' }).locator('[data-column="after"]')).toHaveAttribute(
    'data-value',
    ifApproved,
  );

  // A return needs a reason: the service says so, and nothing changes.
  await card.getByRole('button', { name: 'Return with reason' }).click();
  await expect(card.getByTestId('decision-error')).toHaveText('Please correct the field marked below.');
  await expect(card.locator('.field-error')).toContainText('Say why the line is returned');
  await card.getByLabel('Reason for the decision').fill(returnReason);
  await card.getByRole('button', { name: 'Return with reason' }).click();
  await expect(reviewer.getByTestId('decision-done')).toContainText(`Returned: “${program}”`);
  await expect(reviewer.getByTestId('decision-done')).toContainText(returnReason);
  await expect(reviewer.locator(`[data-testid="review-line"][data-allocation-id="${id}"]`)).toHaveCount(0);

  // The editor reads the reason, changes the category, and submits again.
  await editor.goto(`/staff/l/${CEDARHOLM}/allocations/${id}`);
  await expect(editor.getByTestId('allocation-status')).toHaveText('Returned');
  await expect(editor.getByText(returnReason).first()).toBeVisible();
  await editor.getByRole('link', { name: 'Edit allocation' }).click();
  await editor.getByLabel('Category 1', { exact: true }).selectOption({ label: CRISIS });
  await editor.getByRole('button', { name: 'Save changes' }).click();
  await expect(editor).toHaveURL(new RegExp(`/allocations/${id}$`));
  await expect(editor.getByTestId('allocation-splits')).toContainText('Community (non-police) crisis response');
  await editor.getByTestId('submit-allocation').getByRole('button', { name: 'Submit for review' }).click();
  await expect(editor.getByTestId('allocation-status')).toHaveText('Submitted');

  // No flag now; the reviewer approves, with a reason.
  await reviewer.goto(`/staff/l/${CEDARHOLM}/review?fy=${FY}`);
  await reviewer.locator(`[data-details-for="${id}"] summary`).click();
  const again = reviewer.locator(`[data-testid="review-line"][data-allocation-id="${id}"]`);
  await expect(again.getByTestId('review-line-categories')).toContainText('Community (non-police) crisis response');
  await expect(again.getByTestId('review-line-flags').locator('li[data-kind="discouraged_use"]')).toHaveCount(0);
  const whenApproved = percentOf(cents(legalBefore.inputs.part?.value), cents(legalBefore.inputs.total?.value) + 4_800_000n);
  await expect(again.getByTestId('impact-sentences')).toContainText(
    `Criminal-legal share of allocated money would fall from ${legalBefore.actual}% to ${whenApproved}%`,
  );
  await again.getByLabel('Reason for the decision').fill(approveReason);
  await again.getByRole('button', { name: 'Approve' }).click();
  await expect(reviewer.getByTestId('decision-done')).toContainText(`Approved: “${program}”`);

  // The public line page shows both decisions with their reasons (roles, never names).
  const publicPage = await (await browser.newContext()).newPage();
  await publicPage.goto(`/l/${CEDARHOLM}/lines/${id}`);
  await expect(publicPage.getByRole('heading', { level: 1 })).toHaveText(program);
  const history = publicPage.getByTestId('history');
  await expect(history.locator('li[data-action="return"]')).toContainText(returnReason);
  await expect(history.locator('li[data-action="approve"]')).toContainText(approveReason);
  await expect(history).not.toContainText('Demo Reviewer');
  await publicPage.goto(`/l/${CEDARHOLM}?fy=${FY}&q=${stamp}`);
  await expect(publicPage.getByTestId('lines-table')).toContainText(program);

  // The public equity answer moves by exactly the approved money: $48,000 more allocated, none of it criminal-legal.
  await expect
    .poll(async () => {
      const after = criminalLegal(await equity(publicPage.request));
      return { actual: after.actual, total: cents(after.inputs.total?.value) - cents(legalBefore.inputs.total?.value), part: after.inputs.part?.value };
    })
    .toEqual({ actual: whenApproved, total: 4_800_000n, part: legalBefore.inputs.part?.value });
  expect(whenApproved).not.toBe(legalBefore.actual);

  // The board summary shows the same actual, and both decisions with their reasons.
  await reviewer.goto(`/staff/l/${CEDARHOLM}/board?fy=${FY}`);
  await expect(reviewer.locator('[data-testid="goal-bullet"][data-subject="Criminal-legal"]')).toHaveAttribute('data-actual', whenApproved);
  const decisions = reviewer.getByTestId('board-decisions').locator('tbody tr', { hasText: program });
  await expect(decisions).toHaveCount(2);
  await expect(decisions.filter({ hasText: 'Returned' })).toContainText(returnReason);
  await expect(decisions.filter({ hasText: 'Approved' })).toContainText(approveReason);
});

// One test a visitor: each signs in and visits four pages, which under CI's load can take most of a minute.
const BOARD_PAGES = ['/review', '/board', '/goals'];

test('the board pages are for the board: an editor gets nothing but the context page', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  for (const path of BOARD_PAGES) expect((await editor.goto(`/staff/l/${CEDARHOLM}${path}`))?.status(), `editor ${path}`).toBe(404);
  expect((await editor.goto(`/staff/l/${CEDARHOLM}/context`))?.status()).toBe(200);
});

test('the board pages are for the board: a reviewer gets them, not the context page', async ({ browser }) => {
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  for (const path of BOARD_PAGES) expect((await reviewer.goto(`/staff/l/${CEDARHOLM}${path}`))?.status(), `reviewer ${path}`).toBe(200);
  expect((await reviewer.goto(`/staff/l/${CEDARHOLM}/context`))?.status()).toBe(404);
});

test('the board pages are for the board: another locality and a stranger get nothing', async ({ browser }) => {
  const other = await signedInPage(browser, 'editor.portwexley@demo.abate.test');
  for (const path of [...BOARD_PAGES, '/context']) expect((await other.goto(`/staff/l/${CEDARHOLM}${path}`))?.status(), `other ${path}`).toBe(404);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(`/staff/l/${CEDARHOLM}/review`);
  await expect(stranger).toHaveURL(/\/sign-in\?next=/);
});

test('goals: add a suggested goal, edit it — a second editor is shown both versions — and delete it', async ({ browser }) => {
  const year = '2029';
  const first = await signedInPage(browser, 'reviewer@demo.abate.test');
  await first.goto(`/staff/l/${CEDARHOLM}/goals?fy=${year}`);
  await expect(first.getByTestId('goals-count')).toHaveText(`No goals are set for FY${year} yet.`);
  const suggestion = first.getByTestId('suggested-goals').locator('li', { hasText: 'Harm reduction share of allocated money' });
  await suggestion.getByRole('button', { name: /Add this goal/ }).click();
  await expect(first.getByTestId('goal-saved')).toContainText('Harm reduction share of allocated money');
  const card = first.getByTestId('goal-card').filter({ hasText: 'Harm reduction share of allocated money' });
  await expect(card).toContainText('Target at least 25.00%');
  await expect(card.locator('.goal-status')).toHaveText(/Not enough data/);

  // Two people open the same goal; the first saves, the second is refused with both versions and loses nothing.
  const second = await signedInPage(browser, 'reviewer@demo.abate.test');
  await second.goto(`/staff/l/${CEDARHOLM}/goals?fy=${year}`);
  const secondCard = second.getByTestId('goal-card').filter({ hasText: 'Harm reduction share of allocated money' });
  await card.locator('.goal-card__edit summary').click();
  await card.getByLabel('Target').fill('30');
  await card.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByTestId('goal-card').filter({ hasText: 'Harm reduction share of allocated money' })).toContainText('Target at least 30.00%');

  await secondCard.locator('.goal-card__edit summary').click();
  await secondCard.getByLabel('Why this goal matters').fill('Harm reduction saves lives now; a third of the money is our promise.');
  await secondCard.getByRole('button', { name: 'Save changes' }).click();
  const conflict = secondCard.getByTestId('conflict');
  await expect(conflict).toContainText('since you opened it');
  await expect(conflict.locator('tbody tr', { hasText: 'Target' })).toContainText('30');
  await expect(secondCard.getByLabel('Why this goal matters')).toHaveValue('Harm reduction saves lives now; a third of the money is our promise.');
  await conflict.getByRole('button', { name: 'Save my values over theirs' }).click();
  await expect(second.getByTestId('goal-saved')).toBeVisible();
  const saved = second.getByTestId('goal-card').filter({ hasText: 'Harm reduction share of allocated money' });
  await expect(saved).toContainText('Harm reduction saves lives now; a third of the money is our promise.');

  await saved.locator('.danger-zone summary').click();
  await saved.getByLabel('Reason (optional, kept in the history)').fill('Set again next year.');
  await saved.getByRole('button', { name: /Delete goal/ }).click();
  await expect(second.getByTestId('goal-deleted')).toBeVisible();
  await expect(second.getByTestId('goals-count')).toHaveText(`No goals are set for FY${year} yet.`);
});

test('context: a file with a bad row saves nothing and says which line; a good file replaces the tables', async ({ browser }) => {
  const year = '2029';
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/context?fy=${year}`);
  const header = 'dimension,group_key,group_label,population,overdose_deaths\n';
  const upload = async (name: string, text: string) => {
    await editor.getByLabel('CSV or Excel file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
    await editor.getByTestId('context-import-form').getByRole('button', { name: 'Import' }).click();
  };
  await upload('bad.csv', `${header}race_ethnicity,black,Black,"12,000",14\narea,North End,North End,9000,x\n`);
  const errors = editor.getByTestId('context-import-errors');
  await expect(errors).toContainText('Nothing was saved');
  await expect(errors).toContainText('Line 3, column “group_key”');
  await expect(errors).toContainText('Line 3, column “overdose_deaths”');
  await expect(editor.getByTestId('breakdown-form-race_ethnicity').getByTestId('breakdown-row')).toHaveCount(0);

  await upload('good.csv', `${header}race_ethnicity,black,Black,"12,000",14\nrace_ethnicity,white,White,30000,\narea,north-end,North End,9000,5\n`);
  await expect(editor.getByTestId('context-saved')).toContainText('every row was saved');
  await expect(editor.getByTestId('breakdown-form-race_ethnicity').getByTestId('breakdown-row')).toHaveCount(2);
  await expect(editor.getByTestId('breakdown-form-area').getByTestId('breakdown-row')).toHaveCount(1);
  await expect(editor.getByLabel('Residents, row 1').first()).toHaveValue('12000');

  // The small table form: add a row by hand and save.
  const areas = editor.getByTestId('breakdown-form-area');
  await areas.getByRole('button', { name: 'Add a row' }).click();
  await areas.getByLabel('Key, row 2').fill('riverside');
  await areas.getByLabel('Name, row 2').fill('Riverside');
  await areas.getByLabel('Overdose deaths, row 2').fill('3');
  await areas.getByRole('button', { name: 'Save the table' }).click();
  await expect(editor.getByTestId('context-saved')).toContainText('by area');
  await expect(editor.getByTestId('breakdown-form-area').getByTestId('breakdown-row')).toHaveCount(2);
});

// One test a page, each with its own time: axe on a long staff page takes seconds, more on a busy machine.
for (const [label, path] of [
  ['review', `/staff/l/${CEDARHOLM}/review?fy=2026`],
  ['board', `/staff/l/${CEDARHOLM}/board?fy=2026`],
  ['goals', `/staff/l/${CEDARHOLM}/goals?fy=2026`],
] as const) {
  test(`axe finds no WCAG A/AA violation on the ${label} page`, async ({ browser }) => {
    // A sign-in (argon2), a page of charts and an axe pass: over a minute when every test stage shares two cores.
    test.setTimeout(120_000);
    const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
    await reviewer.goto(path);
    await expectNoViolations(reviewer, label);
    if (label === 'goals') {
      // The goal forms inside closed <details> are checked open too.
      await reviewer.locator('.goal-card__edit summary').first().click();
      await expectNoViolations(reviewer, 'goals with an edit form open');
    }
  });
}

test('axe finds no WCAG A/AA violation on the context page', async ({ browser }) => {
  const editor = await signedInPage(browser, 'editor@demo.abate.test');
  await editor.goto(`/staff/l/${CEDARHOLM}/context?fy=2026`);
  await expectNoViolations(editor, 'context');
});

test('print: the board summary drops navigation and the print button, draws every chart, and keeps tables within the paper', async ({ browser }) => {
  const reviewer = await signedInPage(browser, 'reviewer@demo.abate.test');
  await reviewer.goto(`/staff/l/${CEDARHOLM}/board?fy=2026`);
  await expect(reviewer.getByTestId('print-button')).toBeVisible();
  // As a reader would before printing: the page has hydrated and the pointer is on the button.
  await reviewer.waitForLoadState('networkidle');
  await reviewer.getByTestId('print-button').hover();
  await reviewer.waitForLoadState('networkidle');
  await reviewer.setViewportSize({ width: 720, height: 900 });
  await reviewer.emulateMedia({ media: 'print' });
  await expect(reviewer.getByTestId('print-button')).toBeHidden();
  await expect(reviewer.getByRole('navigation', { name: 'Fiscal year' })).toBeHidden();
  await expect(reviewer.locator('.print-only').first()).toBeVisible();
  const areas = reviewer.locator('.chart-area');
  expect(await areas.count()).toBeGreaterThan(5);
  for (const area of await areas.all()) await expect(area.locator('svg.chart-svg')).toBeVisible();
  for (const scroller of await reviewer.locator('main .table-scroll').all()) {
    const overflow = await scroller.evaluate((element) => element.scrollWidth - element.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  }
  // Every goal bar is on the same labelled 0–100% scale, with its target marked.
  for (const bullet of await reviewer.locator('[data-testid="board-goal-bullets"] [data-testid="goal-bullet"]').all()) {
    await expect(bullet.getByTestId('goal-target-line')).toHaveCount(1);
    const ticks = await bullet.getByTestId('goal-scale-tick').allTextContents();
    expect(ticks.length).toBeGreaterThan(2);
    if (ticks.some((tick) => tick.endsWith('%'))) expect(ticks).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  }
  // Table headers wrap between words, never inside one ("Amoun/t"): each word of a header sits on one line.
  const brokenWords = await reviewer.locator('main .data-table thead th').evaluateAll((cells) =>
    cells.flatMap((cell) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      return broken;
    }),
  );
  expect(brokenWords).toEqual([]);
  // The report prints to PDF with its charts in it.
  const pdf = await reviewer.pdf({ format: 'Letter', printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});
