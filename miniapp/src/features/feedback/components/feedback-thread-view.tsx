import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { Button } from "zmp-ui";
import { routePaths } from "../../../app/route-paths";
import { vi } from "../../../copy/vi";
import { ApiError } from "../../../shared/api/api-error";
import { useApiClient } from "../../../shared/api/api-client-context";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { formatDateTime, formatDeadlineDay } from "../../../shared/format/format-date-time";
import { fetchFeedbackThread, markAnswerHelpful, maxFeedbackTextLength, sendFeedbackMessage, type FeedbackMessage } from "../feedback-api";
import { FeedbackStateChip } from "./feedback-state-chip";
import { ErrorAlert } from "../../../shared/ui/error-alert";
import { TextareaWithCounter } from "../../../shared/ui/textarea-with-counter";
import "../../../shared/ui/form.css";
import "./feedback.css";

export function FeedbackThreadView({ id }: { id: string }) {
  const { state, reload, client } = useApiLoad((c, signal) => fetchFeedbackThread(c, id, signal), id);
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  if (state.status === "loading") return <p className="motcua-empty">…</p>;
  if (state.status === "failed") {
    return (
      <div className="motcua-empty" role="alert">
        <p>{state.error.kind === "not_found" ? vi.feedback.notFound : `${vi.feedback.loadError} ${state.error.message}`}</p>
        {state.error.kind === "not_found" ? (
          // Not a dead end: the citizen's own questions, or a new one.
          <nav className="feedback-next-steps" aria-label={vi.feedback.nextSteps}>
            <Link className="motcua-button-link" to={routePaths.feedback}>
              {vi.feedback.back}
            </Link>
            <Link className="motcua-button-link" to={routePaths.feedbackNew}>
              {vi.feedback.ask}
            </Link>
          </nav>
        ) : (
          <Button variant="secondary" onClick={reload}>
            {vi.feedback.retry}
          </Button>
        )}
      </div>
    );
  }
  const thread = state.data;

  async function send(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(vi.feedback.textRequired);
    setSending(true);
    setError(null);
    try {
      await sendFeedbackMessage(client, id, trimmed);
      setText("");
      reload();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : vi.errors.server);
    } finally {
      setSending(false);
    }
  }

  return (
    <div className="feedback">
      <div className="feedback-card-top">
        <span className="motcua-chip">{vi.feedback.types[thread.type]}</span>
        <FeedbackStateChip state={thread.state} late={thread.late} />
      </div>
      {thread.dossierCode && <p className="motcua-muted">{vi.feedback.dossier(thread.dossierCode)}</p>}
      {thread.state !== "da_tra_loi" && thread.state !== "da_dong" && (
        <p className="motcua-muted">{vi.feedback.replyDue(formatDeadlineDay(thread.replyDueAt))}</p>
      )}
      <ol className="feedback-messages">
        {thread.messages.map((message) => (
          <MessageItem key={message.id} threadId={id} message={message} onChanged={reload} />
        ))}
      </ol>
      {thread.state === "da_dong" ? (
        <p className="motcua-muted">{vi.feedback.closed}</p>
      ) : (
        <form onSubmit={send} noValidate>
          <TextareaWithCounter
            label={vi.feedback.reply}
            placeholder={vi.feedback.replyPlaceholder}
            rows={3}
            maxLength={maxFeedbackTextLength}
            value={text}
            onChange={setText}
          />
          <ErrorAlert message={error} />
          <Button htmlType="submit" size="large" fullWidth loading={sending} disabled={sending}>
            {vi.feedback.send}
          </Button>
        </form>
      )}
    </div>
  );
}

function MessageItem({ threadId, message, onChanged }: { threadId: string; message: FeedbackMessage; onChanged: () => void }) {
  const client = useApiClient();
  const [error, setError] = useState<string | null>(null);
  const staff = message.author === "staff";

  async function mark(helpful: boolean) {
    try {
      await markAnswerHelpful(client, threadId, message.id, helpful);
      onChanged();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : vi.errors.server);
    }
  }

  return (
    <li className={staff ? "feedback-message feedback-message--staff" : "feedback-message"} data-testid="feedback-message">
      <p className="feedback-message-author">
        {staff ? (message.staffName ?? vi.feedback.staff) : vi.feedback.you}
        <span className="motcua-muted"> · {formatDateTime(message.at)}</span>
      </p>
      <p className="feedback-message-text">{message.text}</p>
      {staff && (
        <div className="feedback-helpful">
          {message.helpful === null ? (
            <>
              <span className="motcua-muted">{vi.feedback.helpfulQuestion}</span>
              <div className="feedback-helpful-buttons">
                <Button size="small" variant="secondary" onClick={() => void mark(true)}>
                  {vi.feedback.helpfulYes}
                </Button>
                <Button size="small" variant="tertiary" onClick={() => void mark(false)}>
                  {vi.feedback.helpfulNo}
                </Button>
              </div>
            </>
          ) : (
            <span className="motcua-muted" data-testid="feedback-helpful-answer">
              {message.helpful ? vi.feedback.helpfulYes : vi.feedback.helpfulNo} · {vi.feedback.helpfulThanks}
            </span>
          )}
          {error && <p className="motcua-form-error">{error}</p>}
        </div>
      )}
    </li>
  );
}
