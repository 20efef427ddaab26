import { useLocation, useParams } from "react-router-dom";
import { vi } from "../../copy/vi";
import { FeedbackThreadView } from "../../features/feedback";

export function FeedbackThreadPage() {
  const { id = "" } = useParams();
  const location = useLocation();
  const justSent = (location.state as { sent?: boolean } | null)?.sent === true;
  return (
    <>
      {justSent && (
        <p className="page-success" role="status">
          {vi.feedback.sent}
        </p>
      )}
      <FeedbackThreadView key={id} id={id} />
    </>
  );
}
