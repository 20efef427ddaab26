import { vi } from "../../copy/vi";
import { formatDateTime } from "../format/format-date-time";
import "./form.css";
import "./announcement-view.css";

/** The kinds the API knows (GET /v1/announcements), with their Vietnamese labels in copy/vi.ts. */
export type AnnouncementViewKind = keyof typeof vi.announcements.kinds;

export interface AnnouncementViewData {
  kind: AnnouncementViewKind;
  title: string;
  body: string;
  link: string | null;
  publishedAt: string;
}

/** One announcement as the citizen reads it; the staff tab's preview shows the same component. */
export function AnnouncementView({ announcement }: { announcement: AnnouncementViewData }) {
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
