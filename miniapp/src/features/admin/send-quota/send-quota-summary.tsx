import "./send-quota.css";
import { useEffect, useRef } from "react";
import { sendQuotaCopy as copy } from "../../../copy/admin-send-quota";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { fetchSendQuota } from "./send-quota-api";

/** "Hạn mức hôm nay: đã dùng N / M" per channel; `refreshKey` reloads it. */
export function SendQuotaSummary({ refreshKey = 0 }: { refreshKey?: number }) {
  const { state, reload } = useApiLoad(fetchSendQuota, "send-quota");
  const shownFor = useRef(refreshKey);
  useEffect(() => {
    if (shownFor.current === refreshKey) return;
    shownFor.current = refreshKey;
    reload();
  }, [refreshKey, reload]);

  if (state.status === "failed" || (state.status === "loaded" && state.refreshError)) return <p className="admin-muted">{copy.unavailable}</p>;
  if (state.status !== "loaded") return null;
  const quota = state.data;
  return (
    <section className="send-quota" aria-label={copy.heading} data-testid="send-quota">
      {(["oa", "zns"] as const).map((name) => {
        const reading = quota[name];
        return (
          <p key={name} className="send-quota__line">
            <strong>{copy.channels[name]}</strong>
            <span>{reading ? copy.used(reading.dailyQuota - reading.remainingQuota, reading.dailyQuota) : copy.none}</span>
          </p>
        );
      })}
      <p className="admin-muted send-quota__reserve">{copy.reserve(quota.announcementReservePercent)}</p>
    </section>
  );
}
