import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { Text } from "zmp-ui";
import { inboxCopy } from "../../../copy/admin-inbox";
import { useApiClient } from "../../../shared/api/api-client-context";
import { fetchInboxCounts } from "./inbox-api";
import "./inbox.css";

/** The staff tab's card to the PAKN inbox (with the late threads' badge) and the delivery log. */
export function InboxLinkCard({ inboxPath, deliveryLogPath }: { inboxPath: string; deliveryLogPath: string }) {
  const client = useApiClient();
  const [counts, setCounts] = useState<{ open: number; late: number } | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchInboxCounts(client, controller.signal).then(setCounts, () => setCounts(null));
    return () => controller.abort();
  }, [client]);

  return (
    <section className="admin-card" aria-labelledby="inbox-card">
      <Text.Title id="inbox-card">{inboxCopy.card.heading}</Text.Title>
      <Link to={inboxPath} className="inbox-item inbox-link">
        <span className="inbox-meta">
          <strong className="inbox-link-title">{inboxCopy.card.inbox}</strong>
          {counts && counts.late > 0 ? (
            <span className="inbox-chip inbox-chip-late" data-testid="inbox-late-badge">
              {inboxCopy.card.lateBadge(counts.late)}
            </span>
          ) : null}
        </span>
        {counts ? <span className="admin-muted">{inboxCopy.card.openCount(counts.open)}</span> : null}
      </Link>
      <Link to={deliveryLogPath} className="inbox-item inbox-link">
        <strong className="inbox-link-title">{inboxCopy.card.deliveryLog}</strong>
      </Link>
    </section>
  );
}
