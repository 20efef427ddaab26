import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router-dom";
import { ConfirmDialog } from "../../../shared/ui/confirm-dialog";
import { TextareaWithCounter } from "../../../shared/ui/textarea-with-counter";
import { formatDateTime, formatDeadlineDay } from "../../../shared/format/format-date-time";
import { Button, Spinner, Text } from "zmp-ui";
import { inboxCopy } from "../../../copy/admin-inbox";
import { asApiError, loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import { changeThreadState, fetchInbox, fetchInboxThread, replyToThread, type InboxFilter, type InboxThread } from "./inbox-api";
import { AdminError } from "../components/admin-error";
import "./inbox.css";

const maxReplyLength = 2000;
const filters: InboxFilter[] = ["open", "answered", "closed"];

/** Late first: the red chip says how many working days overdue; otherwise how many are left. */
export function DeadlineChip({ thread }: { thread: Pick<InboxThread, "late" | "workingDaysLeft" | "replyDueAt"> }) {
  if (thread.workingDaysLeft !== null && thread.workingDaysLeft < 0) {
    return <span className="inbox-chip inbox-chip-late" data-testid="late-chip">{inboxCopy.overdue(-thread.workingDaysLeft)}</span>;
  }
  if (thread.workingDaysLeft !== null) return <span className="inbox-chip">{inboxCopy.daysLeft(thread.workingDaysLeft)}</span>;
  return null;
}

/** The PAKN inbox: threads by state (late first), one thread with its messages, reply, close and reopen. */
export function FeedbackInbox() {
  const [filter, setFilter] = useState<InboxFilter>("open");
  const [lateOnly, setLateOnly] = useState(false);
  // The open thread is in the address (?thread=<id>), so the header's back control is the one way back to the list.
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get("thread");
  // Fresh on the way back from a thread too (the key is null meanwhile): it may have been answered or closed there.
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchInbox(client, { filter, lateOnly, cursor }, signal);
    return { items: page.threads, nextCursor: page.nextCursor };
  }, openId ? null : `${filter}|${lateOnly}`);
  const threads = pages.state.status === "loaded" ? pages.state.data.items : null;
  const error = loadErrorMessage(pages.state);

  if (openId) return <ThreadView id={openId} />;

  return (
    <div className="inbox">
      <div className="inbox-tabs" role="group" aria-label={inboxCopy.card.inbox}>
        {filters.map((name) => (
          <button key={name} type="button" className="inbox-tab" aria-pressed={filter === name} onClick={() => setFilter(name)}>
            {inboxCopy.filters[name]}
          </button>
        ))}
      </div>
      <label className="inbox-toggle">
        <input type="checkbox" checked={lateOnly} onChange={(event) => setLateOnly(event.target.checked)} />
        {inboxCopy.lateOnly}
      </label>
      <AdminError message={error} />
      {threads === null && !error ? <Spinner visible /> : null}
      {threads?.length === 0 ? <p className="admin-muted">{inboxCopy.empty}</p> : null}
      <ul className="inbox-list">
        {threads?.map((thread) => (
          <li key={thread.id} className="inbox-item" data-testid="inbox-thread">
            <button type="button" className="inbox-open" onClick={() => setSearchParams({ thread: thread.id })}>
              <span className="inbox-meta">
                <DeadlineChip thread={thread} />
                <span className="inbox-chip inbox-chip-state">{inboxCopy.types[thread.type] ?? thread.type}</span>
                <span>{thread.dossierCode ? inboxCopy.dossier(thread.dossierCode) : inboxCopy.general}</span>
              </span>
              <p className="inbox-text">
                <strong>{thread.lastMessage.author === "staff" ? inboxCopy.staff(null) : inboxCopy.citizen}: </strong>
                {thread.lastMessage.text}
              </p>
              <span className="inbox-meta">{formatDateTime(thread.lastMessage.at)}</span>
            </button>
          </li>
        ))}
      </ul>
      <LoadMoreButton pages={pages} label={inboxCopy.more} errorClassName="admin-error" />
    </div>
  );
}

function ThreadView({ id }: { id: string }) {
  const { state, reload, client } = useApiLoad((c, signal) => fetchInboxThread(c, id, signal), id);
  const thread = state.status === "loaded" ? state.data : null;
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadErrorMessage(state);
  const [notice, setNotice] = useState<string | null>(null);
  const [reply, setReply] = useState("");
  const [busy, setBusy] = useState(false);
  const [confirmingClose, setConfirmingClose] = useState(false);

  async function run(action: () => Promise<unknown>, done: string | null) {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      reload();
      return true;
    } catch (failure) {
      setActionError(asApiError(failure).message);
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!reply.trim()) return;
    if (await run(() => replyToThread(client, id, reply.trim()), inboxCopy.sent)) setReply("");
  }

  return (
    <div className="inbox">
      {thread === null && !error ? <Spinner visible /> : null}
      <AdminError message={error} />
      {thread ? (
        <section className="admin-card" aria-labelledby="inbox-thread-title" data-testid="inbox-thread-view">
          <Text.Title id="inbox-thread-title">{inboxCopy.types[thread.type] ?? thread.type}</Text.Title>
          <span className="inbox-meta">
            <span className="inbox-chip inbox-chip-state" data-testid="thread-state">{inboxCopy.states[thread.state] ?? thread.state}</span>
            <DeadlineChip thread={thread} />
          </span>
          <p className="admin-muted">{inboxCopy.dueAt(formatDeadlineDay(thread.replyDueAt))}</p>
          {thread.dossier ? (
            <p className="admin-muted">
              {inboxCopy.dossier(thread.dossier.code)} · {thread.dossier.procedureName} · {thread.dossier.statusLabel}
            </p>
          ) : (
            <p className="admin-muted">{inboxCopy.general}</p>
          )}
          <ul className="inbox-messages">
            {thread.messages.map((message) => (
              <li key={message.id} className={`inbox-message${message.author === "staff" ? " inbox-message-staff" : ""}`} data-testid="inbox-message">
                <span className="inbox-message-author">
                  {message.author === "staff" ? inboxCopy.staff(message.staffName) : inboxCopy.citizen} · {formatDateTime(message.at)}
                </span>
                {message.text}
              </li>
            ))}
          </ul>
          {notice ? <p className="inbox-notice" role="status">{notice}</p> : null}
          {thread.state !== "da_dong" ? (
            <form className="admin-form" onSubmit={send}>
              <TextareaWithCounter
                label={inboxCopy.replyLabel}
                placeholder={inboxCopy.replyPlaceholder}
                rows={5}
                maxLength={maxReplyLength}
                value={reply}
                onChange={setReply}
              />
              <p className="admin-muted">{inboxCopy.replyGoesToCitizen}</p>
              <div className="inbox-actions">
                <Button htmlType="submit" loading={busy} disabled={!reply.trim()}>
                  {inboxCopy.send}
                </Button>
                <Button variant="secondary" disabled={busy} onClick={() => setConfirmingClose(true)}>
                  {inboxCopy.close}
                </Button>
              </div>
            </form>
          ) : (
            <Button variant="secondary" loading={busy} onClick={() => void run(() => changeThreadState(client, id, "reopen"), null)}>
              {inboxCopy.reopen}
            </Button>
          )}
        </section>
      ) : null}
      <ConfirmDialog
        visible={confirmingClose}
        title={inboxCopy.closeConfirmTitle}
        body={inboxCopy.closeConfirmBody}
        cancel={inboxCopy.closeCancel}
        confirm={inboxCopy.close}
        onCancel={() => setConfirmingClose(false)}
        onConfirm={() => {
          setConfirmingClose(false);
          void run(() => changeThreadState(client, id, "close"), null);
        }}
      />
    </div>
  );
}
