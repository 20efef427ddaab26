import type { ApiClient } from "../../shared/api/api-client";

/** GET /v1/me: the phone comes masked; the follower state is what Zalo last told the backend. */
export interface CitizenProfile {
  name: string;
  phone: { masked: string; verifiedAt: string } | null;
  follower: { isFollower: boolean; knownAt: string | null };
  consent: { phone: { givenAt: string | null; withdrawnAt: string | null } };
  /** Announcements as OA messages: opt-in; `receiving` only while the citizen also follows the OA. */
  announcements: { subscribed: boolean; receiving: boolean };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const nullableString = (value: unknown, at: string): string | null => {
  if (value === null) return null;
  if (typeof value !== "string") throw new TypeError(`${at}: string or null expected`);
  return value;
};

export function parseCitizenProfile(body: unknown): CitizenProfile {
  if (!isObject(body) || typeof body.name !== "string") throw new TypeError("profile: object with name expected");
  const { phone, follower, consent, announcements } = body;
  if (!isObject(follower) || typeof follower.isFollower !== "boolean") throw new TypeError("follower expected");
  if (!isObject(consent) || !isObject(consent.phone)) throw new TypeError("consent expected");
  if (phone !== null && !(isObject(phone) && typeof phone.masked === "string" && typeof phone.verifiedAt === "string")) {
    throw new TypeError("phone: masked number or null expected");
  }
  return {
    name: body.name,
    phone: phone === null ? null : { masked: phone.masked as string, verifiedAt: phone.verifiedAt as string },
    follower: { isFollower: follower.isFollower, knownAt: nullableString(follower.knownAt, "follower.knownAt") },
    consent: {
      phone: {
        givenAt: nullableString(consent.phone.givenAt, "consent.phone.givenAt"),
        withdrawnAt: nullableString(consent.phone.withdrawnAt, "consent.phone.withdrawnAt"),
      },
    },
    // A backend without the field (older deployment) reads as not subscribed.
    announcements: isObject(announcements)
      ? { subscribed: announcements.subscribed === true, receiving: announcements.receiving === true }
      : { subscribed: false, receiving: false },
  };
}

export const fetchMyProfile = (client: ApiClient, signal?: AbortSignal) =>
  client.getJson("/v1/me", { ...(signal ? { signal } : {}), parse: parseCitizenProfile });

/** Sends the single-use phone token: the backend exchanges it at Zalo (the app secret never leaves it). */
export const verifyPhone = (client: ApiClient, phoneToken: string) =>
  client.sendJson("POST", "/v1/me/phone", { body: { token: phoneToken }, parse: parseCitizenProfile });

export const withdrawPhoneConsent = (client: ApiClient) =>
  client.sendJson("DELETE", "/v1/me/phone", { parse: parseCitizenProfile });

/** PUT /v1/me/announcement-subscription: the citizen's opt-in (Decree 13/2023: off until they turn it on). */
export const setAnnouncementSubscription = (client: ApiClient, subscribed: boolean) =>
  client.sendJson("PUT", "/v1/me/announcement-subscription", { body: { subscribed }, parse: parseCitizenProfile });
