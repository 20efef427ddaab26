import { useNavigate } from "react-router-dom";
import { routePaths } from "../../app/route-paths";
import { FeedbackList } from "../../features/feedback";

export function FeedbackListPage() {
  const navigate = useNavigate();
  return <FeedbackList onAsk={() => navigate(routePaths.feedbackNew)} />;
}
