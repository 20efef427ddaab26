import type { Announcement } from "../domain/announcement.js";

export interface AnnouncementPosition {
  publishedAt: string;
  id: string;
}

export interface AnnouncementPage {
  announcements: Announcement[];
  /** Where the next page starts; null on the last page. */
  next: AnnouncementPosition | null;
}

export interface AnnouncementRepository {
  /** 1 Put (the admin announcement route and the seed write through it). */
  publish(announcement: Announcement): Promise<void>;
  /** 1 GetItem. */
  get(id: string): Promise<Announcement | null>;
  /** Newest first, a page after `after`: 1 Query on GSI1. */
  listNewestFirst(request: { limit: number; after: AnnouncementPosition | null }): Promise<AnnouncementPage>;
}
