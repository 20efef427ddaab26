import { useNavigate } from "react-router-dom";
import { useRecentLookups } from "../../features/dossier";
import { FeedbackForm, feedbackPaths } from "../../features/feedback";

export function FeedbackNewPage() {
  const navigate = useNavigate();
  const recent = useRecentLookups();
  return (
    <FeedbackForm
      dossierCodes={recent.map((lookup) => lookup.code)}
      onSent={(id) => navigate(feedbackPaths.thread(id), { replace: true, state: { sent: true } })}
    />
  );
}
