import { describe, expect, it } from "vitest";
import { decideRating, isRatingLocked, ratingEditableUntil, type Rating, type RatingInput } from "./rating.js";
import type { DossierStatus } from "./dossier-status.js";

const dossier = (status: DossierStatus) => ({
  code: "C-0001",
  status,
  agencyCode: "A",
  procedureCode: "P",
  dueAt: "2026-11-25T10:00:00.000Z",
  finishedAt: status >= 9 || status === 3 || status === 8 ? "2026-11-19T03:00:00.000Z" : null,
  supplementRequests: 0,
  supplementPausedMs: 0,
  supplementPausedSince: null,
});
const happy: RatingInput = { attitude: "rat_hai_long", result: "hai_long", overall: "hai_long", reason: null, comment: null };
const firstAt = new Date("2026-11-20T03:00:00.000Z");
const decide = (status: DossierStatus, existing: Rating | null, rating: RatingInput = happy, now = firstAt) =>
  decideRating({ dossier: dossier(status), existing, rating, zaloAppUserId: "u1", now });

function first(): Rating {
  const result = decide(10, null);
  if (!result.ok) throw new Error(result.reason);
  return result.rating;
}

describe("rating rules", () => {
  it("opens once the dossier is finished (9, 10) or refused/stopped (3, 8), and not before", () => {
    for (const status of [9, 10, 3, 8] as const) expect(decide(status, null).ok).toBe(true);
    for (const status of [1, 2, 4, 5, 6, 7] as const) expect(decide(status, null)).toEqual({ ok: false, reason: "not_finished" });
  });

  it("keeps one rating per dossier: a change keeps the first time and bumps the version", () => {
    const original = first();
    expect(original).toMatchObject({ ratedAt: firstAt.toISOString(), updatedAt: firstAt.toISOString(), version: 1, dossierStatus: 10, onTime: "truoc_han" });
    const later = new Date(firstAt.getTime() + 3 * 24 * 3600 * 1000);
    const changed = decide(10, original, { ...happy, overall: "rat_hai_long" }, later);
    expect(changed).toMatchObject({ ok: true, rating: { ratedAt: original.ratedAt, updatedAt: later.toISOString(), version: 2, overall: "rat_hai_long" } });
  });

  it("is changeable for exactly 7 days, then locked", () => {
    const original = first();
    const limit = new Date(firstAt.getTime() + 7 * 24 * 3600 * 1000);
    expect(ratingEditableUntil(original)).toBe(limit.toISOString());
    expect(isRatingLocked(original, limit)).toBe(false);
    expect(decide(10, original, happy, limit).ok).toBe(true);
    const justPast = new Date(limit.getTime() + 1);
    expect(isRatingLocked(original, justPast)).toBe(true);
    expect(decide(10, original, happy, justPast)).toEqual({ ok: false, reason: "locked" });
  });

  it("asks a reason when any criterion is 'khong_hai_long', and drops a reason nobody needs", () => {
    const unhappy = { ...happy, attitude: "khong_hai_long" as const };
    expect(decide(9, null, unhappy)).toEqual({ ok: false, reason: "reason_required" });
    expect(decide(9, null, { ...unhappy, reason: "   " })).toEqual({ ok: false, reason: "reason_required" });
    expect(decide(9, null, { ...unhappy, reason: " Phải đi lại nhiều lần " })).toMatchObject({ ok: true, rating: { reason: "Phải đi lại nhiều lần" } });
    expect(decide(9, null, { ...happy, reason: "không cần" })).toMatchObject({ ok: true, rating: { reason: null } });
  });

  it("a rating stays changeable within its window even if the dossier's status moved on", () => {
    const original = first();
    expect(decide(4, original, happy, new Date(firstAt.getTime() + 1000)).ok).toBe(true);
  });
});
