import { useNavigate } from "react-router-dom";
import { useRecentLookups } from "../../features/dossier";
import { pathWithId, routePaths } from "../../app/route-paths";
import { FeedbackForm } from "../../features/feedback";

export function FeedbackNewPage() {
  const navigate = useNavigate();
  const recent = useRecentLookups();
  return (
    <FeedbackForm
      dossierCodes={recent.map((lookup) => lookup.code)}
      onSent={(id) => navigate(pathWithId(routePaths.feedbackThread, id), { replace: true, state: { sent: true } })}
    />
  );
}
