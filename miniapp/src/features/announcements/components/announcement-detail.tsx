import { vi } from "../../../copy/vi";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { fetchAnnouncement } from "../announcements-api";
import "../../../shared/ui/form.css";
import "./announcements.css";

export function AnnouncementDetail({ id }: { id: string }) {
  const { state } = useApiLoad((c) => fetchAnnouncement(c, id), id);
  if (state.status === "loading") return <p className="motcua-empty">{vi.announcements.loading}</p>;
  if (state.status === "failed") {
    return (
      <p className="motcua-empty" role="alert">
        {state.error.kind === "not_found" ? vi.announcements.notFound : `${vi.announcements.loadError} ${state.error.message}`}
      </p>
    );
  }
  const announcement = state.data;
  return (
    <article className="announcement">
      <span className={`motcua-chip announcement-kind--${announcement.kind}`}>{vi.announcements.kinds[announcement.kind]}</span>
      <h2 className="announcement-heading">{announcement.title}</h2>
      <p className="motcua-muted">{vi.announcements.publishedAt(formatDateTime(announcement.publishedAt))}</p>
      <p className="announcement-body">{announcement.body}</p>
      {announcement.link && (
        <a className="announcement-link" href={announcement.link} target="_blank" rel="noreferrer">
          {vi.announcements.link}
        </a>
      )}
    </article>
  );
}
