import type { SuggestionRow } from '@/lib/data/board-goals';
import { thresholdsText } from '@/lib/views/goals-view';
import { saveGoalAction } from './actions';
import { AddSuggestedGoal } from './goal-actions';

/** The goals the evidence suggests that are not set yet this year, each added as it stands with one button. */
export function SuggestedGoals({ suggestions, slug, localityId }: { suggestions: readonly SuggestionRow[]; slug: string; localityId: number }) {
  return (
    <section aria-labelledby="suggested-heading" className="section">
      <h2 id="suggested-heading">Suggested goals</h2>
      {suggestions.length === 0 ? (
        <p className="muted">Every suggested goal is set for this year.</p>
      ) : (
        <>
          <p>From the evidence in Abate’s sources. Add one as it stands, then edit it to fit.</p>
          <ul className="goal-cards" data-testid="suggested-goals">
            {suggestions.map((suggestion) => (
              <li key={`${suggestion.values.measure}-${suggestion.values.subject}`} className="goal-card">
                <h3>{suggestion.title}</h3>
                <p>
                  Target {suggestion.target}. <span className="muted">{thresholdsText(suggestion.thresholds)}.</span>
                </p>
                <p className="goal-card__reason">{suggestion.values.reason}</p>
                <AddSuggestedGoal action={saveGoalAction} slug={slug} localityId={localityId} values={suggestion.values} title={suggestion.title} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
