import { vi } from "vitest";
import { ownerDossier } from "./dossier-fixtures";

/** GET /v1/me as the API answers it. */
export const citizenProfile = (phone: { masked: string; verifiedAt: string } | null) => ({
  name: "Nguyễn Văn An",
  phone,
  follower: { isFollower: false, knownAt: null },
  consent: { phone: { givenAt: phone ? phone.verifiedAt : null, withdrawnAt: null } },
  announcements: { subscribed: false, changedAt: null, receiving: false },
});
export const verifiedPhone = { masked: "84******678", verifiedAt: "2026-11-28T01:00:00.000Z" };
export const { timeline: _timeline, ...dossierSummary } = ownerDossier;

/** A fake fetch answering `METHOD /path` routes; anything else fails the test. */
export function fakeApi(routes: Record<string, () => Response>) {
  return vi.fn<typeof globalThis.fetch>(async (input, init) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? "GET"} ${url.pathname}`;
    const route = routes[key];
    if (!route) throw new Error(`unexpected ${key}`);
    return route();
  });
}
