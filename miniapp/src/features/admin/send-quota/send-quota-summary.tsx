import "./send-quota.css";
import { useEffect, useState } from "react";
import { sendQuotaCopy as copy } from "../../../copy/admin-send-quota";
import { useApiClient } from "../../../shared/api/api-client-context";
import { fetchSendQuota, type SendQuota } from "./send-quota-api";

/** "Hạn mức hôm nay: đã dùng N / M" per channel; `refreshKey` reloads it. */
export function SendQuotaSummary({ refreshKey = 0 }: { refreshKey?: number }) {
  const client = useApiClient();
  const [quota, setQuota] = useState<SendQuota | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    fetchSendQuota(client, controller.signal).then(
      (value) => {
        setQuota(value);
        setFailed(false);
      },
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [client, refreshKey]);

  if (failed) return <p className="admin-muted">{copy.unavailable}</p>;
  if (!quota) return null;
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
