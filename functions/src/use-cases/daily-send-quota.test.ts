import { describe, expect, it } from "vitest";
import type { QuotaReading } from "../domain/daily-quota.js";
import type { DeliveryChannel } from "../domain/outbox.js";
import type { SendQuotaStore } from "../ports/send-quota-store.js";
import { dailySendQuota } from "./daily-send-quota.js";

class MemoryQuotaStore implements SendQuotaStore {
  readonly readings = new Map<DeliveryChannel, QuotaReading>();
  writes = 0;
  async get(channel: DeliveryChannel) {
    return this.readings.get(channel) ?? null;
  }
  async record(reading: QuotaReading) {
    this.writes += 1;
    this.readings.set(reading.channel, reading);
  }
}

function setup(reservePercent = 30) {
  let now = new Date("2026-11-02T03:00:00.000Z");
  const store = new MemoryQuotaStore();
  const quota = dailySendQuota({ store, clock: { now: () => now }, announcementReservePercent: reservePercent, storeReadMs: 60_000 });
  return { quota, store, moveTo: (instant: string) => (now = new Date(instant)) };
}

/** Sends one message and reports the answer's quota. */
async function send(quota: ReturnType<typeof setup>["quota"], priority: "dossier" | "announcement", remainingQuota: number, dailyQuota = 1000) {
  const permission = await quota.permit("oa_template", priority);
  if (permission.kind !== "granted") return permission.kind;
  await permission.release({ dailyQuota, remainingQuota });
  return "sent";
}

describe("the day's quota", () => {
  it("lets anything go while nothing is known today", async () => {
    const { quota } = setup();
    expect(await send(quota, "announcement", 999)).toBe("sent");
  });

  it("stops announcements where the remaining quota would fall below the reserve; dossier messages go on", async () => {
    const { quota } = setup();
    expect(await send(quota, "announcement", 301)).toBe("sent");
    expect(await send(quota, "announcement", 300)).toBe("sent"); // 301 left before it: 300 after
    expect(await send(quota, "announcement", 299)).toBe("reserve");
    expect(await send(quota, "dossier", 299)).toBe("sent");
    expect(await send(quota, "dossier", 0)).toBe("sent");
    expect(await send(quota, "dossier", 0)).toBe("exhausted");
  });

  it("counts its own sends still in flight, so concurrent announcements never dig into the reserve", async () => {
    const { quota } = setup();
    await send(quota, "announcement", 302);
    const first = await quota.permit("oa_template", "announcement");
    const second = await quota.permit("oa_template", "announcement");
    const third = await quota.permit("oa_template", "announcement");
    expect([first.kind, second.kind, third.kind]).toEqual(["granted", "granted", "reserve"]);
    const dossier = await quota.permit("oa_template", "dossier");
    expect(dossier.kind).toBe("granted");
  });

  it("knows the quota is spent after -211 and starts again on the next Vietnam day", async () => {
    const { quota, store, moveTo } = setup();
    await send(quota, "dossier", 500);
    const permission = await quota.permit("oa_template", "dossier");
    if (permission.kind !== "granted") throw new Error("expected a grant");
    await permission.release("exhausted");
    expect(await send(quota, "dossier", 0)).toBe("exhausted");
    expect(store.readings.get("oa_template")).toMatchObject({ day: "2026-11-02", dailyQuota: 1000, remainingQuota: 0 });
    moveTo("2026-11-02T17:00:00.000Z"); // midnight in Vietnam
    expect(await send(quota, "announcement", 999)).toBe("sent");
  });

  it("writes a reading only when it moved by 1% of the daily quota, on a new day or when the quota runs out", async () => {
    const { quota, store } = setup();
    for (let remaining = 999; remaining >= 950; remaining -= 1) await send(quota, "dossier", remaining);
    // 999 is the first reading; then 989, 979, 969, 959: 10 (1% of 1,000) apart.
    expect(store.writes).toBe(5);
    expect(store.readings.get("oa_template")?.remainingQuota).toBe(959);
    expect(await quota.readings()).toMatchObject({ oa_template: { remainingQuota: 959 }, zns: null });
  });

  it("keeps channels apart", async () => {
    const { quota } = setup();
    await send(quota, "dossier", 0);
    expect(await send(quota, "dossier", 0)).toBe("exhausted");
    const zns = await quota.permit("zns", "announcement");
    expect(zns.kind).toBe("granted");
  });

  it("takes a lower remaining quota recorded by another sender, read again after a minute", async () => {
    const { quota, store, moveTo } = setup();
    await send(quota, "announcement", 900);
    store.readings.set("oa_template", { channel: "oa_template", day: "2026-11-02", dailyQuota: 1000, remainingQuota: 300, updatedAt: "2026-11-02T03:00:30.000Z" });
    expect(await send(quota, "announcement", 899)).toBe("sent"); // not read again yet: its own count says 900
    moveTo("2026-11-02T03:01:00.000Z");
    expect(await send(quota, "announcement", 299)).toBe("reserve");
  });

  it("keeps a reading it could not write out of the way of the send: the next answer's reading is written instead", async () => {
    const store = new MemoryQuotaStore();
    let failWrites = true;
    const flaky: SendQuotaStore = {
      get: (channel) => store.get(channel),
      record: async (reading) => {
        if (failWrites) throw new Error("DynamoDB timed out");
        await store.record(reading);
      },
    };
    const warnings: string[] = [];
    const quota = dailySendQuota({
      store: flaky,
      clock: { now: () => new Date("2026-11-02T03:00:00.000Z") },
      announcementReservePercent: 30,
      storeReadMs: 60_000,
      log: { warn: (message) => warnings.push(message) },
    });
    expect(await send(quota, "dossier", 900)).toBe("sent");
    expect(warnings).toEqual(["quota reading not recorded; a later send records a newer one"]);
    expect(store.readings.size).toBe(0);
    failWrites = false;
    expect(await send(quota, "dossier", 899)).toBe("sent");
    expect(store.readings.get("oa_template")).toMatchObject({ remainingQuota: 899 });
  });
});
