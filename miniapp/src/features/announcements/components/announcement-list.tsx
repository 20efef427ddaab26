import { useState } from "react";
import { Link } from "react-router-dom";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { ApiError } from "../../../shared/api/api-error";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { pathWithId, routePaths } from "../../../app/route-paths";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { fetchAnnouncements, type Announcement } from "../announcements-api";
import "../../../shared/ui/form.css";
import "../../../shared/ui/announcement-view.css";
import "./announcements.css";

/** Newest first; "Xem thêm" loads the next page. */
export function AnnouncementList() {
  const { state, reload, client } = useApiLoad((c) => fetchAnnouncements(c, null), "first-page");
  const [more, setMore] = useState<Announcement[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (state.status === "loading") return <p className="motcua-empty">{vi.announcements.loading}</p>;
  if (state.status === "failed") {
    return (
      <div className="motcua-empty" role="alert">
        <p>
          {vi.announcements.loadError} {state.error.message}
        </p>
        <Button variant="secondary" onClick={reload}>
          {vi.feedback.retry}
        </Button>
      </div>
    );
  }
  const all = [...state.data.announcements, ...more];
  const next = cursor === undefined ? state.data.nextCursor : cursor;

  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    try {
      const page = await fetchAnnouncements(client, next);
      setMore((current) => [...current, ...page.announcements]);
      setCursor(page.nextCursor);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : vi.errors.server);
    } finally {
      setLoadingMore(false);
    }
  }

  if (all.length === 0) return <p className="motcua-empty">{vi.announcements.empty}</p>;
  return (
    <div>
      {all.map((announcement) => (
        <Link key={announcement.id} className="motcua-card" to={pathWithId(routePaths.announcement, announcement.id)} data-testid="announcement-card">
          <span className={`motcua-chip announcement-kind--${announcement.kind}`}>{vi.announcements.kinds[announcement.kind]}</span>
          <h2 className="motcua-card-title announcement-title">{announcement.title}</h2>
          <p className="motcua-muted">{formatDateTime(announcement.publishedAt)}</p>
        </Link>
      ))}
      {error && <p className="motcua-form-error">{error}</p>}
      {next && (
        <Button variant="secondary" fullWidth loading={loadingMore} onClick={() => void loadMore()}>
          {vi.announcements.more}
        </Button>
      )}
    </div>
  );
}
