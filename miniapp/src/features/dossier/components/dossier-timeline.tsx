import { vi } from "../../../copy/vi";
import { formatDateTime } from "../../../shared/format/format-date-time";
import type { DossierTimelineEntry } from "../dossier-view";
import { statusTone } from "./status-badge";

/** The API sends the timeline oldest first; the citizen reads it newest first. */
export function DossierTimeline({ entries }: { entries: DossierTimelineEntry[] }) {
  const newestFirst = [...entries].reverse();
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading" className="section-title">
        {vi.dossier.timelineTitle}
      </h2>
      {newestFirst.length === 0 ? (
        <p className="muted">{vi.dossier.timelineEmpty}</p>
      ) : (
        <>
          <p className="muted timeline__order">{vi.dossier.timelineOrder}</p>
          <ol className="timeline">
            {newestFirst.map((entry, index) => (
              <li
                key={`${entry.occurredAt}-${entry.status}-${index}`}
                className={`timeline__item timeline__item--${statusTone(entry.status)}${index === 0 ? " timeline__item--current" : ""}`}
                data-testid="timeline-item"
              >
                <span className="timeline__dot" aria-hidden="true" />
                <div className="timeline__body">
                  <time className="timeline__time" dateTime={entry.occurredAt}>
                    {formatDateTime(entry.occurredAt)}
                  </time>
                  <div className="timeline__status">{entry.statusLabel}</div>
                  {entry.unitName ? <div className="timeline__unit">{entry.unitName}</div> : null}
                  {entry.apology ? (
                    <div className="timeline__note">
                      {vi.dossier.apologyNewDue}: {formatDateTime(entry.apology.newDueAt)}
                      {entry.apology.reason ? ` · ${vi.dossier.apologyReason}: ${entry.apology.reason}` : ""}
                    </div>
                  ) : null}
                  {entry.note ? <div className="timeline__note">{entry.note}</div> : null}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
