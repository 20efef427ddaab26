import { announcementKinds, type Announcement, type AnnouncementKind } from "@motcua/contracts/announcement";
import type { ApiClient } from "../../shared/api/api-client";
import { array, nullableString, object, oneOf, string } from "../../shared/parse/json-shape";

export { announcementKinds, type Announcement, type AnnouncementKind };

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
