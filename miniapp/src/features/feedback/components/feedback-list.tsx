import { Link } from "react-router-dom";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { fetchMyFeedback, type FeedbackThreadSummary } from "../feedback-api";
import { pathWithId, routePaths } from "../../../app/route-paths";
import { FeedbackStateChip } from "./feedback-state-chip";
import { LoadFailed } from "../../../shared/ui/load-failed";
import "../../../shared/ui/form.css";
import "./feedback.css";

export function FeedbackList({ onAsk }: { onAsk: () => void }) {
  const { state, reload } = useApiLoad(fetchMyFeedback, "my-feedback");
  return (
    <div className="feedback">
      <p className="motcua-muted">{vi.feedback.listIntro}</p>
      <Button size="large" fullWidth onClick={onAsk}>
        {vi.feedback.ask}
      </Button>
      <h2 className="feedback-heading">{vi.feedback.listHeading}</h2>
      {state.status === "loading" && <p className="motcua-empty">…</p>}
      {state.status === "failed" && (
        <LoadFailed className="motcua-empty" lead={vi.feedback.loadError} reason={state.error.message} retryLabel={vi.feedback.retry} onRetry={reload} />
      )}
      {state.status === "loaded" && state.data.length === 0 && <p className="motcua-empty">{vi.feedback.empty}</p>}
      {state.status === "loaded" && state.data.map((thread) => <ThreadCard key={thread.id} thread={thread} />)}
    </div>
  );
}

function ThreadCard({ thread }: { thread: FeedbackThreadSummary }) {
  return (
    <Link className="motcua-card" to={pathWithId(routePaths.feedbackThread, thread.id)} data-testid="feedback-thread-card">
      <div className="feedback-card-top">
        <span className="motcua-chip">{vi.feedback.types[thread.type]}</span>
        <FeedbackStateChip state={thread.state} late={thread.late} />
      </div>
      <p className="feedback-card-text">{thread.text}</p>
      <p className="motcua-muted">{formatDateTime(thread.lastMessageAt)}</p>
    </Link>
  );
}
