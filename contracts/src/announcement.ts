/**
 * Announcements of new or abolished procedures (`GET /v1/announcements`) and, for staff, publishing them and following
 * their delivery to the opted-in followers (`/v1/admin/announcements`).
 */

/** Thủ tục mới, thủ tục bãi bỏ, văn bản mới, thông báo chung. */
export const announcementKinds = ["new_procedure", "abolished_procedure", "new_document", "notice"] as const;
export type AnnouncementKind = (typeof announcementKinds)[number];

export interface Announcement {
  id: string;
  kind: AnnouncementKind;
  title: string;
  body: string;
  link: string | null;
  publishedAt: string;
}

/** Limits of what staff may publish: the API refuses past them, the form counts against them. */
export const announcementLimits = {
  titleLength: 200,
  bodyLength: 4000,
  linkLength: 500,
} as const;

/** How far the messages of one announcement have gone. */
export interface AnnouncementProgress {
  state: "running" | "done";
  /** Opted-in followers counted when the fan-out started; null until its first page. */
  targeted: number | null;
  written: number;
  sent: number;
  failed: number;
  undeliverable: number;
  /** Written but not final yet (waiting, being sent or retried). */
  pending: number;
  startedAt: string;
  finishedAt: string | null;
  /**
   * Set while messages wait for the next Vietnam day because the day's quota reached the share kept for dossier
   * messages (or ran out): they are sent again from `until` on. Null when nothing waits for the quota.
   */
  paused: { until: string } | null;
}
