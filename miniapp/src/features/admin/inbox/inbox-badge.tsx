import { inboxCopy } from "../../../copy/admin-inbox";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { fetchInboxCounts } from "./inbox-api";
import "./inbox.css";

/** Open and late PAKN threads in the caller's scope, beside the inbox's link (the late chip only when some are late). */
export function InboxBadge() {
  const { state } = useApiLoad(fetchInboxCounts, "inbox-counts");
  const counts = state.status === "loaded" ? state.data : null;
  if (!counts) return null;
  return (
    <>
      {counts.late > 0 ? (
        <span className="inbox-chip inbox-chip-late" data-testid="inbox-late-badge">
          {inboxCopy.card.lateBadge(counts.late)}
        </span>
      ) : null}
      <span className="inbox-chip inbox-chip-state">{inboxCopy.card.openCount(counts.open)}</span>
    </>
  );
}
