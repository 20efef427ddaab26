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
