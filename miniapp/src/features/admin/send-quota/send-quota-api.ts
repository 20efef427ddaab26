import type { ApiClient } from "../../../shared/api/api-client";
import { number, object } from "../../../shared/parse/json-shape";

export interface ChannelQuota {
  dailyQuota: number;
  remainingQuota: number;
  updatedAt: string;
}

export interface SendQuota {
  oa: ChannelQuota | null;
  zns: ChannelQuota | null;
  announcementReservePercent: number;
}

function channel(value: unknown, at: string): ChannelQuota | null {
  if (value === null) return null;
  const json = object(value, at);
  return { dailyQuota: number(json.dailyQuota, `${at}.dailyQuota`), remainingQuota: number(json.remainingQuota, `${at}.remainingQuota`), updatedAt: String(json.updatedAt) };
}

/** `GET /v1/admin/notifications/quota`: today's quota per channel (null before the channel's first send of the day). */
export function fetchSendQuota(client: ApiClient, signal?: AbortSignal): Promise<SendQuota> {
  return client.getJson("/v1/admin/notifications/quota", {
    ...(signal ? { signal } : {}),
    parse: (body) => {
      const json = object(body, "body");
      return { oa: channel(json.oa ?? null, "oa"), zns: channel(json.zns ?? null, "zns"), announcementReservePercent: number(json.announcementReservePercent, "announcementReservePercent") };
    },
  });
}
