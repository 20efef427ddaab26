import type { Announcement } from "../domain/announcement.js";
import type { AnnouncementPage, AnnouncementPosition, AnnouncementRepository } from "../ports/announcement-repository.js";

/** `GET /v1/announcements`: newest first, a page at a time. */
export function listAnnouncementsUseCase(deps: { announcements: Pick<AnnouncementRepository, "listNewestFirst"> }) {
  return function listAnnouncements(request: { limit: number; after: AnnouncementPosition | null }): Promise<AnnouncementPage> {
    return deps.announcements.listNewestFirst(request);
  };
}

/** `GET /v1/announcements/{id}`. */
export function getAnnouncementUseCase(deps: { announcements: Pick<AnnouncementRepository, "get"> }) {
  return function getAnnouncement(id: string): Promise<Announcement | null> {
    return deps.announcements.get(id);
  };
}
