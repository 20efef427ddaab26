import { announcementKinds, type Announcement, type AnnouncementKind } from "@motcua/contracts/announcement";
import type { ApiClient } from "../../shared/api/api-client";
import { array, nullableString, object } from "../../shared/parse/json-shape";
import { parseAnnouncement } from "../../shared/parse/parse-announcement";

export { announcementKinds, type Announcement, type AnnouncementKind };

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
