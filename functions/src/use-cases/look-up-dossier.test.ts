import { beforeEach, expect, it } from "vitest";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { FixedClock, sequentialIds } from "../adapters/in-memory/fixed-clock.js";
import { InMemoryDossierRepository } from "../adapters/in-memory/in-memory-dossier-repository.js";
import { InMemoryRateLimiter } from "../adapters/in-memory/in-memory-rate-limiter.js";
import { applyDossierEventUseCase } from "./apply-dossier-event.js";
import { lookUpDossierUseCase } from "./look-up-dossier.js";

const signer = new HmacReceiptSigner("receipt-key-0123456789", "314159");
const limits = { userPerMinute: 5, userFailedPerMinute: 2, addressPerMinute: 100, addressFailedPerMinute: 50 };
let lookUp: ReturnType<typeof lookUpDossierUseCase>;
let rateLimiter: InMemoryRateLimiter;

beforeEach(async () => {
  const dossiers = new InMemoryDossierRepository();
  const clock = new FixedClock(new Date("2026-11-28T00:00:00Z"));
  rateLimiter = new InMemoryRateLimiter();
  await applyDossierEventUseCase({ dossiers, clock, ids: sequentialIds() })(
    {
      eventId: "e1",
      code: "HS-0001",
      codeKind: "other",
      status: 2,
      occurredAt: "2026-11-20T01:00:00.000Z",
      details: {
        agencyCode: "A",
        agencyName: "Sở Tư pháp",
        procedureCode: "P",
        procedureName: "Cấp phiếu lý lịch tư pháp",
        applicantName: "Phạm Thị Dung",
        applicantPhone: null,
        receivedAt: "2026-11-20T01:00:00.000Z",
        dueAt: "2026-11-30T10:00:00.000Z",
      },
      note: "ghi chú nội bộ",
      unitName: null,
      apology: null,
    },
    "h",
  );
  lookUp = lookUpDossierUseCase({ dossiers, rateLimiter, receiptSigner: signer, clock, limits });
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
