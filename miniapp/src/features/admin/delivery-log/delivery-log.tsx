import { useState, type FormEvent } from "react";
import { Button, Spinner } from "zmp-ui";
import { inboxCopy } from "../../../copy/admin-inbox";
import { asApiError, loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import { SendQuotaSummary } from "../send-quota/send-quota-summary";
import { fetchDeliveryCounts, fetchDeliveryLog, retryDelivery, unsentStates, type DeliveryCounts } from "./delivery-log-api";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { deliveryReasonLabel } from "./delivery-reason";
import { AdminError } from "../components/admin-error";
import "../inbox/inbox.css";

const states = ["failed", "undeliverable", "unconfirmed", "pending", "sending", "sent"] as const;
const copy = inboxCopy.log;
/** States that need a person: shown as problems, and staff may send the message again. */
const needsStaff = (state: string) => state === "failed" || state === "undeliverable" || state === "unconfirmed";

/** The delivery log: messages by state and dossier, with their channel, attempts and failure; failed ones can be sent again. */
export function DeliveryLog() {
  const [state, setState] = useState<(typeof states)[number]>("failed");
  const [dossier, setDossier] = useState("");
  // null while the filter asks for something the server does not list (sent messages of every dossier);
  // `asked` counts the searches, so that searching again for the same filter loads it afresh.
  const [query, setQuery] = useState<{ state: string; dossier: string | null; asked: number } | null>({ state: "failed", dossier: null, asked: 0 });
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchDeliveryLog(client, { state: query!.state, dossier: query!.dossier, cursor }, signal);
    return { items: page.entries, nextCursor: page.nextCursor };
  }, query && JSON.stringify(query));
  const { client, setItems } = pages;
  const [filterError, setFilterError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const entries = pages.state.status === "loaded" ? pages.state.data.items : null;
  const error = filterError ?? actionError ?? loadErrorMessage(pages.state);
  // The counts are asked again with each search and each retry, so they agree with the list under them.
  const [retries, setRetries] = useState(0);
  const counts = useApiLoad(fetchDeliveryCounts, `${query ? JSON.stringify(query) : "none"}#${retries}`).state;
  const shownCounts = counts.status === "loaded" ? counts.data : null;

  /** A count chip or the "xem" link: that state's list, of every dossier. */
  function showState(wanted: (typeof states)[number]) {
    setState(wanted);
    setDossier("");
    setFilterError(null);
    setActionError(null);
    setNotice(null);
    setQuery((previous) => ({ state: wanted, dossier: null, asked: (previous?.asked ?? 0) + 1 }));
  }
  const failedListEmpty = query?.state === "failed" && query.dossier === null && entries?.length === 0 && !error;
  const pendingCount = shownCounts && shownCounts.pending.count > 0 ? shownCounts.pending : null;

  function search(event: FormEvent) {
    event.preventDefault();
    const code = dossier.replace(/\s+/gu, "").toUpperCase();
    setActionError(null);
    if (state === "sent" && !code) {
      // The list on screen is of another filter: it must not sit under this warning as if it answered it.
      setQuery(null);
      setFilterError(copy.sentNeedsDossier);
      return;
    }
    setFilterError(null);
    setNotice(null);
    setQuery((previous) => ({ state, dossier: code || null, asked: (previous?.asked ?? 0) + 1 }));
  }

  async function retry(id: string) {
    setActionError(null);
    try {
      const updated = await retryDelivery(client, id);
      setItems((current) => current.map((entry) => (entry.id === id ? updated : entry)));
      setNotice(copy.retried);
      setRetries((n) => n + 1);
    } catch (failure) {
      setActionError(asApiError(failure).message);
    }
  }

  return (
    <div className="inbox">
      <SendQuotaSummary refreshKey={pages.state.status === "loading" ? 0 : 1} />
      {shownCounts ? <CountChips counts={shownCounts} current={query?.dossier === null ? query.state : null} onShow={showState} /> : null}
      <form className="log-filters" onSubmit={search}>
        <label className="admin-muted" htmlFor="log-state">
          {copy.stateLabel}
        </label>
        <select id="log-state" className="log-select" value={state} onChange={(event) => setState(event.target.value as (typeof states)[number])}>
          {states.map((name) => (
            <option key={name} value={name}>
              {copy.states[name]}
            </option>
          ))}
        </select>
        <label className="admin-muted" htmlFor="log-dossier">
          {copy.dossierLabel}
        </label>
        <input id="log-dossier" className="log-select" value={dossier} onChange={(event) => setDossier(event.target.value)} />
        <Button htmlType="submit" fullWidth>
          {copy.search}
        </Button>
      </form>
      <AdminError message={error} />
      {notice ? <p className="inbox-notice" role="status">{notice}</p> : null}
      {pages.state.status === "loading" ? <Spinner visible /> : null}
      {failedListEmpty && pendingCount ? (
        <p className="admin-muted" data-testid="log-empty-hint">
          {copy.noFailedButPending(copy.count(pendingCount.count, pendingCount.atLeast))}{" "}
          <button type="button" className="log-link" onClick={() => showState("pending")}>
            {copy.showPending}
          </button>
        </p>
      ) : entries?.length === 0 && !error ? (
        <p className="admin-muted">{copy.empty}</p>
      ) : null}
      <ul className="inbox-list">
        {entries?.map((entry) => (
          <li key={entry.id} className="inbox-item" data-testid="log-entry">
            <span className="inbox-meta">
              <span className={`inbox-chip${needsStaff(entry.state) ? " inbox-chip-late" : " inbox-chip-state"}`}>{copy.states[entry.state] ?? entry.state}</span>
              <span className="inbox-chip">{copy.kinds[entry.kind] ?? entry.kind}</span>
              {entry.channel ? <span>{copy.channels[entry.channel] ?? entry.channel}</span> : null}
              <span>{copy.attempts(entry.attempts)}</span>
            </span>
            <p className="inbox-text">
              {entry.dossierCode ? <strong>{entry.dossierCode} · </strong> : null}
              {entry.subject}
            </p>
            {entry.reason ? <p className="log-detail">{copy.reason(deliveryReasonLabel(entry.reason))}</p> : null}
            {entry.zaloMessageId ? <p className="log-detail">{copy.messageId(entry.zaloMessageId)}</p> : null}
            <p className="log-detail">
              {formatDateTime(entry.createdAt)} → {formatDateTime(entry.updatedAt)}
            </p>
            {needsStaff(entry.state) ? (
              <Button size="small" variant="secondary" onClick={() => void retry(entry.id)}>
                {entry.state === "unconfirmed" ? copy.retryUnconfirmed : copy.retry}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <LoadMoreButton pages={pages} label={inboxCopy.more} errorClassName="admin-error" />
    </div>
  );
}

/** Every unsent state's count at once; a chip opens that state's list. */
function CountChips({ counts, current, onShow }: { counts: DeliveryCounts; current: string | null; onShow: (state: (typeof unsentStates)[number]) => void }) {
  return (
    <ul className="log-counts" aria-label={copy.countsLabel} data-testid="log-counts">
      {unsentStates.map((state) => (
        <li key={state}>
          <button
            type="button"
            className={`log-count${needsStaff(state) ? " log-count-problem" : ""}`}
            aria-pressed={current === state}
            onClick={() => onShow(state)}
            data-testid={`log-count-${state}`}
          >
            {copy.states[state]} <strong>{copy.count(counts[state].count, counts[state].atLeast)}</strong>
          </button>
        </li>
      ))}
    </ul>
  );
}
