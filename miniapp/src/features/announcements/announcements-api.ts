import type { ApiClient } from "../../shared/api/api-client";
import { array, nullableString, object, oneOf, string } from "../../shared/parse/json-shape";

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

function parseAnnouncement(value: unknown, at: string): Announcement {
  const json = object(value, at);
  return {
    id: string(json.id, `${at}.id`),
    kind: oneOf(json.kind, announcementKinds, `${at}.kind`),
    title: string(json.title, `${at}.title`),
    body: string(json.body, `${at}.body`),
    link: nullableString(json.link, `${at}.link`),
    publishedAt: string(json.publishedAt, `${at}.publishedAt`),
  };
}

export function fetchAnnouncements(client: ApiClient, cursor: string | null, signal?: AbortSignal): Promise<{ announcements: Announcement[]; nextCursor: string | null }> {
  return client.getJson("/v1/announcements", {
    query: { cursor: cursor ?? undefined },
    ...(signal ? { signal } : {}),
    parse: (body) => {
      const json = object(body, "page");
      return {
        announcements: array(json.announcements, "announcements").map((a, i) => parseAnnouncement(a, `announcements[${i}]`)),
        nextCursor: nullableString(json.nextCursor, "nextCursor"),
      };
    },
  });
}

export function fetchAnnouncement(client: ApiClient, id: string, signal?: AbortSignal): Promise<Announcement> {
  return client.getJson(`/v1/announcements/${encodeURIComponent(id)}`, { ...(signal ? { signal } : {}), parse: (body) => parseAnnouncement(body, "announcement") });
}
