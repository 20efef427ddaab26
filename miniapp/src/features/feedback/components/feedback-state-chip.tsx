import { vi } from "../../../copy/vi";
import type { FeedbackState } from "../feedback-api";

export function FeedbackStateChip({ state, late }: { state: FeedbackState; late: boolean }) {
  const done = state === "da_tra_loi" || state === "da_dong";
  return (
    <span className="feedback-chips">
      <span className={done ? "motcua-chip motcua-chip--done" : "motcua-chip"} data-testid="feedback-state">
        {vi.feedback.states[state]}
      </span>
      {late && <span className="motcua-chip motcua-chip--late">{vi.feedback.late}</span>}
    </span>
  );
}
