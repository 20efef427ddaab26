export { FeedbackForm } from "./components/feedback-form";
export { FeedbackList } from "./components/feedback-list";
export { FeedbackThreadView } from "./components/feedback-thread-view";
