import { announcementKinds, type Announcement } from "@motcua/contracts/announcement";
import { nullableString, object, oneOf, string } from "./json-shape";

/** An announcement as the API sends it, to citizens and to the staff who published it. */
export function parseAnnouncement(value: unknown, at: string): Announcement {
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
