import { useNavigate } from "react-router-dom";
import { FeedbackList, feedbackPaths } from "../../features/feedback";

export function FeedbackListPage() {
  const navigate = useNavigate();
  return <FeedbackList onAsk={() => navigate(feedbackPaths.new)} />;
}
