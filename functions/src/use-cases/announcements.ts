import type { Announcement } from "../domain/announcement.js";
import type { AnnouncementPage, AnnouncementRepository } from "../ports/announcement-repository.js";
import { orInvalidCursor, type InvalidCursor } from "../ports/page-cursor.js";

/** `GET /v1/announcements`: newest first, a page at a time. */
export function listAnnouncementsUseCase(deps: { announcements: Pick<AnnouncementRepository, "listNewestFirst"> }) {
  return function listAnnouncements(request: { limit: number; after: string | null }): Promise<AnnouncementPage | InvalidCursor> {
    return orInvalidCursor(() => deps.announcements.listNewestFirst(request));
  };
}

/** `GET /v1/announcements/{id}`. */
export function getAnnouncementUseCase(deps: { announcements: Pick<AnnouncementRepository, "get"> }) {
  return function getAnnouncement(id: string): Promise<Announcement | null> {
    return deps.announcements.get(id);
  };
}
