import { describe, expect, it } from "vitest";
import { afterLeaseExpired, isDue, retryableOutboxStates } from "./outbox.js";

const at = new Date("2026-11-20T03:00:00.000Z");

describe("an item whose sender's lease expired", () => {
  it("is sent again when its sender died before calling Zalo", () => {
    expect(afterLeaseExpired({ attemptStartedAt: null })).toBe("send_again");
  });

  it("is unconfirmed, not sent again, when a call to Zalo had begun", () => {
    expect(afterLeaseExpired({ attemptStartedAt: "2026-11-20T02:59:00.000Z" })).toBe("unconfirmed");
  });

  it("asks the notify function to act once the lease has run out, not at its last instant", () => {
    const sending = { state: "sending" as const, notBefore: null };
    expect(isDue({ ...sending, leaseUntil: at.toISOString() }, at)).toBe(false);
    expect(isDue({ ...sending, leaseUntil: new Date(at.getTime() - 1).toISOString() }, at)).toBe(true);
  });

  it("once unconfirmed, waits for a person (or Zalo's receipt): never due by itself, and staff may send it again", () => {
    expect(isDue({ state: "unconfirmed", notBefore: null, leaseUntil: null }, at)).toBe(false);
    expect(retryableOutboxStates).toContain("unconfirmed");
  });
});
