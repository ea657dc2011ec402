import type { EquityBasis, EquityComparator, EquityMeasure } from './types';

/** A goal as a locality would save it: targets in basis points (10000 = 100%) or cents. */
export interface SuggestedGoal {
  fiscalYear: number;
  measure: EquityMeasure;
  subject: string | null;
  frameworkKey: string;
  basis: EquityBasis;
  comparator: EquityComparator;
  target: bigint;
  amberMargin: bigint;
  /** Shown in public beside the goal: why it matters, in plain language. */
  reason: string;
}

/**
 * The goals Abate suggests to a locality for a fiscal year, from the seed documents in ../shared/seeds/. Every one
 * is a starting point that the locality (or its board) edits; the reason is shown in public with the goal.
 *
 * Seeds cited below: [DPA] Drug Policy Alliance, "What are policies to help people who use heroin to stay safe?"
 * (seeds/000); [UI] Urban Institute, "Redesigning Public Safety: Substance Use" recommendations (seeds/001);
 * [PH] the public-health programme page on punitive and coercive responses (seeds/002); [DPA-D] Drug Policy
 * Alliance, "Decriminalize Drugs, Invest in Health Services" (seeds/003); [HR] the harm-reduction explainer and
 * the Harm Reduction Coalition's principles (seeds/004).
 */
export function suggestedGoals(fiscalYear: number): SuggestedGoal[] {
  const base = { fiscalYear, frameworkKey: 'health-first' } as const;
  return [
    {
      // [UI] 16–18: expand syringe services and overdose prevention centers, fund naloxone, harm-reduction
      // education; [DPA] "Increase access to interventions like naloxone and sterile supplies that reduce overdose
      // deaths". Amber margin: 5 percentage points (20% still counts as close).
      ...base,
      measure: 'group_share',
      subject: 'Harm reduction',
      basis: 'allocated',
      comparator: 'at_least',
      target: 2500n,
      amberMargin: 500n,
      reason:
        'Naloxone, sterile supplies, drug checking and overdose prevention centers stop deaths now: naloxone reverses an overdose at once, and sterile supplies cut HIV and hepatitis C. At least a quarter of the money should go to them.',
    },
    {
      // [UI] 1–3 and "Align Criminal Legal Systems with Public Health Approaches": enforcement "may worsen rates of
      // overdose" and is applied unequally; "end any use of involuntary treatment, including drug courts"; [PH]
      // "Punitive and coercive responses to drug use ... are significant drivers of mass incarceration". No amber
      // band: any amount is red, and each line is also flagged.
      ...base,
      measure: 'group_share',
      subject: 'Criminal-legal',
      basis: 'allocated',
      comparator: 'at_most',
      target: 0n,
      amberMargin: 0n,
      reason:
        'Policing, drug courts, involuntary treatment and jail do not lower overdose deaths and fall hardest on Black residents. None of this money should pay for them.',
    },
    {
      // DOMAIN.md "non-remediation = 0", from the settlements' remediation requirement and the 2022–23 reports of
      // money spent on roads and police cars; [DPA-D] "refocus funding on improving community health and safety".
      // No amber band: money lost to the purpose is red at any amount.
      ...base,
      measure: 'category_share',
      subject: 'non-remediation',
      basis: 'allocated',
      comparator: 'at_most',
      target: 0n,
      amberMargin: 0n,
      reason:
        'Settlement money was paid to repair the harm of the opioid crisis. Spending it on roads, general budgets or anything else that does not serve people who use drugs loses it to its purpose.',
    },
    {
      // [DPA] "Invest in addiction services" and "Expand access to addiction medications ... cutting overdose risk
      // in half ... including in jails and prisons"; [UI] 14–15 and 19: medications, Medicaid-covered treatment,
      // contingency management. Amber margin: 5 percentage points.
      ...base,
      measure: 'group_share',
      subject: 'Treatment',
      basis: 'allocated',
      comparator: 'at_least',
      target: 3000n,
      amberMargin: 500n,
      reason:
        'Methadone and buprenorphine cut the risk of dying from an overdose in half, and voluntary treatment works when people can get it. At least 30% of the money should widen access to them.',
    },
    {
      // [UI] "Invest in Community-Based Programs to Prevent and Respond to Substance Use Emergencies" (8), and
      // "help communities prioritize the needs of people ... who have historically not received adequate or
      // equitable services"; [HR] people who use drugs should "have a real voice in the creation of programs and
      // policies designed to serve them". Amber margin: 5 percentage points.
      ...base,
      measure: 'recipient_share',
      subject: 'community_based',
      basis: 'allocated',
      comparator: 'at_least',
      target: 3000n,
      amberMargin: 500n,
      reason:
        'Community-based organizations reach the people most harmed, often with staff who have lived it. At least 30% of the money should go to them rather than to government departments and large vendors.',
    },
    {
      // [UI] 2: "Adequate, immediate, and sustained funding for treatment and harm reduction services is
      // critical"; DOMAIN.md "spend-down: spent ÷ received, and money left idle". Amber margin: 10 percentage
      // points, since payments lag budgets within a year.
      ...base,
      measure: 'spend_down',
      subject: null,
      basis: 'spent',
      comparator: 'at_least',
      target: 6000n,
      amberMargin: 1000n,
      reason:
        'People are dying now, and money in the bank helps no one. The locality should spend at least 60% of what it receives in the same fiscal year.',
    },
    {
      // [UI] "Improve Data Collection and Transparency" (20–23); DOMAIN.md "What goes wrong": reports that say
      // "$39,000 on Section G, Subsection 9" and a third of the money that could not be traced. Amber margin: 5
      // percentage points.
      ...base,
      measure: 'completeness',
      subject: null,
      basis: 'allocated',
      comparator: 'at_least',
      target: 9500n,
      amberMargin: 500n,
      reason:
        'Residents can only hold the spending to account if they can read it: every line needs a plain-language description, a named recipient and a category. At least 95% of lines should have all three.',
    },
  ];
}
