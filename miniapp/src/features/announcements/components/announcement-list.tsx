import { Link } from "react-router-dom";
import { pathWithId, routePaths } from "../../../app/route-paths";
import { vi } from "../../../copy/vi";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import { fetchAnnouncements } from "../announcements-api";
import { LoadFailed } from "../../../shared/ui/load-failed";
import "../../../shared/ui/form.css";
import "../../../shared/ui/announcement-view.css";
import "./announcements.css";

/** Newest first; "Xem thêm" loads the next page. */
export function AnnouncementList() {
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchAnnouncements(client, cursor, signal);
    return { items: page.announcements, nextCursor: page.nextCursor };
  }, "announcements");
  const { state, reload } = pages;

  if (state.status === "loading") return <p className="motcua-empty">{vi.announcements.loading}</p>;
  if (state.status === "failed") {
    return (
      <LoadFailed className="motcua-empty" lead={vi.announcements.loadError} reason={state.error.message} retryLabel={vi.feedback.retry} onRetry={reload} />
    );
  }
  if (state.data.items.length === 0) return <p className="motcua-empty">{vi.announcements.empty}</p>;
  return (
    <div>
      {state.data.items.map((announcement) => (
        <Link key={announcement.id} className="motcua-card" to={pathWithId(routePaths.announcement, announcement.id)} data-testid="announcement-card">
          <span className={`motcua-chip announcement-kind--${announcement.kind}`}>{vi.announcements.kinds[announcement.kind]}</span>
          <h2 className="motcua-card-title announcement-title">{announcement.title}</h2>
          <p className="motcua-muted">{formatDateTime(announcement.publishedAt)}</p>
        </Link>
      ))}
      <LoadMoreButton pages={pages} label={vi.announcements.more} errorClassName="motcua-form-error" />
    </div>
  );
}
