import { announcementKinds, announcementLimits, type Announcement, type AnnouncementKind, type AnnouncementProgress } from "@motcua/contracts/announcement";
import type { ApiClient } from "../../../shared/api/api-client";
import { array, object, oneOf, string } from "../../../shared/parse/json-shape";
import { parseAnnouncement } from "../../../shared/parse/parse-announcement";

export { announcementKinds, announcementLimits, type AnnouncementKind };

/** What the staff page shows of a fan-out (the API also sends when it started and finished). */
export type FanoutProgress = Omit<AnnouncementProgress, "startedAt" | "finishedAt">;

export interface PublishedAnnouncement {
  announcement: Announcement;
  progress: FanoutProgress | null;
}

export interface AnnouncementDraft {
  kind: AnnouncementKind;
  title: string;
  body: string;
  link: string | null;
}

function count(value: unknown, at: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) throw new TypeError(`${at}: count expected`);
  return value;
}

function parseProgress(value: unknown, at: string): FanoutProgress | null {
  if (value === null) return null;
  const json = object(value, at);
  return {
    state: oneOf(json.state, ["running", "done"] as const, `${at}.state`),
    targeted: json.targeted === null ? null : count(json.targeted, `${at}.targeted`),
    written: count(json.written, `${at}.written`),
    sent: count(json.sent, `${at}.sent`),
    failed: count(json.failed, `${at}.failed`),
    undeliverable: count(json.undeliverable, `${at}.undeliverable`),
    pending: count(json.pending, `${at}.pending`),
    paused: json.paused ? { until: string(object(json.paused, `${at}.paused`).until, `${at}.paused.until`) } : null,
  };
}

function parsePublished(value: unknown, at: string): PublishedAnnouncement {
  const json = object(value, at);
  return {
    announcement: parseAnnouncement(json.announcement, `${at}.announcement`),
    progress: parseProgress(json.progress ?? null, `${at}.progress`),
  };
}

export function fetchAdminAnnouncements(client: ApiClient, signal?: AbortSignal): Promise<PublishedAnnouncement[]> {
  return client.getJson("/v1/admin/announcements", {
    ...(signal ? { signal } : {}),
    parse: (body) => array(object(body, "body").announcements, "announcements").map((a, i) => parsePublished(a, `announcements[${i}]`)),
  });
}

export function publishAnnouncement(client: ApiClient, draft: AnnouncementDraft): Promise<PublishedAnnouncement> {
  return client.sendJson("POST", "/v1/admin/announcements", { body: draft, parse: (body) => parsePublished(body, "body") });
}

/** Poll while something is still being written or sent (a fan-out paused until tomorrow is not). */
export function stillRunning(list: PublishedAnnouncement[]): boolean {
  return list.some((item) => item.progress !== null && item.progress.paused === null && (item.progress.state === "running" || item.progress.pending > 0));
}
