import type { Announcement } from "../domain/announcement.js";

export interface AnnouncementPage {
  announcements: Announcement[];
  /** Cursor of the next page (opaque, page-cursor.ts); null on the last page. */
  next: string | null;
}

export interface AnnouncementRepository {
  /** 1 Put (the admin announcement route and the seed write through it). */
  publish(announcement: Announcement): Promise<void>;
  /** 1 GetItem. */
  get(id: string): Promise<Announcement | null>;
  /** Newest first, a page after the cursor `after`: 1 Query on GSI1; throws InvalidCursorError for a cursor it did not hand out. */
  listNewestFirst(request: { limit: number; after: string | null }): Promise<AnnouncementPage>;
}
