import { beforeEach, expect, it } from "vitest";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryCitizenRepository } from "../adapters/in-memory/in-memory-citizen-repository.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import { InMemoryRateLimiter } from "../adapters/in-memory/in-memory-rate-limiter.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";
import { isDossierOwnerCheck } from "./is-dossier-owner.js";
import { lookUpDossierUseCase } from "./look-up-dossier.js";

const signer = new HmacReceiptSigner("receipt-key-0123456789", "314159");
const limits = { userPerMinute: 5, userFailedPerMinute: 2, addressPerMinute: 100, addressFailedPerMinute: 50 };
let lookUp: ReturnType<typeof lookUpDossierUseCase>;
let rateLimiter: InMemoryRateLimiter;
let citizens: InMemoryCitizenRepository;

beforeEach(async () => {
  const dossiers = new InMemoryDossierRepository();
  const clock = new FixedClock(new Date("2026-11-28T00:00:00Z"));
  rateLimiter = new InMemoryRateLimiter();
  citizens = new InMemoryCitizenRepository();
  const apply = applyDossierEventUseCase({ dossiers, clock, ids: sequentialIds() });
  for (const [eventId, code, applicantPhone] of [["e1", "HS-0001", null], ["e2", "HS-0002", "84912345678"]] as const) {
    await apply(
      {
        eventId,
        code,
        codeKind: "other",
        status: 2,
        occurredAt: "2026-11-20T01:00:00.000Z",
        details: {
          agencyCode: "A",
          agencyName: "Sở Tư pháp",
          procedureCode: "P",
          procedureName: "Cấp phiếu lý lịch tư pháp",
          applicantName: "Phạm Thị Dung",
          applicantPhone,
          receivedAt: "2026-11-20T01:00:00.000Z",
          dueAt: "2026-11-30T10:00:00.000Z",
        },
        note: "ghi chú nội bộ",
        unitName: null,
        apology: null,
      },
      "h",
    );
  }
  lookUp = lookUpDossierUseCase({ dossiers, isDossierOwner: isDossierOwnerCheck({ receiptSigner: signer, citizens }), rateLimiter, clock, limits });
});

const request = (code: string, receiptSignature?: string) => ({ code, receiptSignature, zaloAppUserId: "u1", sourceIp: "1.2.3.4" });

it("public view by code, owner view with the receipt signature", async () => {
  expect(await lookUp(request("HS-0001"))).toMatchObject({ kind: "found", view: { view: "public", applicantName: "Phạm T** D***" } });
  expect(await lookUp(request("HS-0001", signer.sign("HS-0001")))).toMatchObject({ kind: "found", view: { view: "owner" } });
});

it("counts unknown codes as failures and refuses once they pass the stricter limit", async () => {
  expect(await lookUp(request("HS-9999"))).toEqual({ kind: "not_found" });
  expect(await lookUp(request("HS-9998"))).toEqual({ kind: "not_found" });
  expect(await lookUp(request("HS-0001"))).toEqual({ kind: "rate_limited", retryAfterSeconds: 60 });
});

it("allows exactly the per-user limit of lookups", async () => {
  for (let i = 0; i < limits.userPerMinute; i += 1) expect((await lookUp(request("HS-0001"))).kind).toBe("found");
  expect((await lookUp(request("HS-0001"))).kind).toBe("rate_limited");
});

it("owner view for a verified phone equal to the dossier's, without the signature", async () => {
  expect(await lookUp(request("HS-0002"))).toMatchObject({ kind: "found", view: { view: "public" } });
  await citizens.recordVerifiedPhone({ zaloAppUserId: "u1", phone: "84987654321", at: "2026-11-27T00:00:00.000Z" });
  expect(await lookUp(request("HS-0002"))).toMatchObject({ kind: "found", view: { view: "public" } });
  await citizens.recordVerifiedPhone({ zaloAppUserId: "u1", phone: "84912345678", at: "2026-11-27T00:00:00.000Z" });
  expect(await lookUp(request("HS-0002"))).toMatchObject({ kind: "found", view: { view: "owner", timeline: [{ note: "ghi chú nội bộ" }] } });
  // A dossier without a phone never matches, and another citizen's verified phone is not this one's.
  expect(await lookUp(request("HS-0001"))).toMatchObject({ kind: "found", view: { view: "public" } });
  expect(await lookUp({ ...request("HS-0002"), zaloAppUserId: "u2" })).toMatchObject({ kind: "found", view: { view: "public" } });
  await citizens.removeVerifiedPhone("u1", "2026-11-27T01:00:00.000Z");
  expect(await lookUp(request("HS-0002"))).toMatchObject({ kind: "found", view: { view: "public" } });
});

it("a citizen refused by the per-user rule costs the shared address nothing", async () => {
  for (let i = 0; i < 40; i += 1) await lookUp(request("HS-0001"));
  const address = rateLimiter.counter({ scope: "lookup-address", key: "1.2.3.4" }, new Date("2026-11-28T00:00:00Z"));
  expect(address.hits).toBe(limits.userPerMinute);
  expect((await lookUp({ ...request("HS-0001"), zaloAppUserId: "u2" })).kind).toBe("found");
});

it("answers only attempts the limits admitted: concurrent unknown codes never pass the failure limit", async () => {
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => lookUp({ ...request(`HS-9${String(i).padStart(3, "0")}`), zaloAppUserId: `burst-${i % 2}` })));
  expect(results.filter((r) => r.kind === "not_found")).toHaveLength(2 * limits.userFailedPerMinute);
  // A found dossier counts a hit and no failure.
  const user = rateLimiter.counter({ scope: "lookup-user", key: "u3" }, new Date("2026-11-28T00:00:00Z"));
  await lookUp({ ...request("HS-0001"), zaloAppUserId: "u3" });
  expect(user).toEqual({ hits: 1, failures: 0 });
});
