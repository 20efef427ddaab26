import { FeedbackInbox } from "../../features/admin/inbox/feedback-inbox";

export function FeedbackInboxPage() {
  return (
    <div className="admin-screen">
      <FeedbackInbox />
    </div>
  );
}
