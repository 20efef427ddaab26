import { useEffect, useState } from "react";
import { inboxCopy } from "../../../copy/admin-inbox";
import { useApiClient } from "../../../shared/api/api-client-context";
import { fetchInboxCounts } from "./inbox-api";
import "./inbox.css";

/** Open and late PAKN threads in the caller's scope, beside the inbox's link (the late chip only when some are late). */
export function InboxBadge() {
  const client = useApiClient();
  const [counts, setCounts] = useState<{ open: number; late: number } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchInboxCounts(client, controller.signal).then(setCounts, () => setCounts(null));
    return () => controller.abort();
  }, [client]);
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
