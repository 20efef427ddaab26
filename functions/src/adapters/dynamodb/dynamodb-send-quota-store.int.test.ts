import { describe, expect, it } from "vitest";
import { testTableForThisFile } from "../../../test/dynamodb-test-table.js";
import type { QuotaReading } from "../../domain/daily-quota.js";
import { DynamoDbSendQuotaStore } from "./dynamodb-send-quota-store.js";

const table = testTableForThisFile();

const reading = (day: string, dailyQuota: number, remainingQuota: number, channel: QuotaReading["channel"] = "oa_template"): QuotaReading => ({
  channel,
  day,
  dailyQuota,
  remainingQuota,
  updatedAt: `${day}T03:00:00.000Z`,
});

describe("DynamoDbSendQuotaStore", () => {
  it("access pattern: the latest daily quota of a channel (one item per channel, never moved back)", async () => {
    const store = new DynamoDbSendQuotaStore(table.table);
    expect(await store.get("oa_template")).toBeNull();

    await store.record(reading("2026-11-02", 1000, 900));
    await store.record(reading("2026-11-02", 1000, 950)); // a slower sender's older answer
    expect(await store.get("oa_template")).toEqual(reading("2026-11-02", 1000, 900));

    await store.record(reading("2026-11-02", 1000, 880));
    expect((await store.get("oa_template"))?.remainingQuota).toBe(880);

    await store.record(reading("2026-11-01", 1000, 10)); // yesterday's answer arriving late
    expect((await store.get("oa_template"))?.day).toBe("2026-11-02");

    await store.record(reading("2026-11-02", 2000, 1870)); // Zalo raised the quota during the day
    await store.record(reading("2026-11-03", 2000, 1999));
    expect(await store.get("oa_template")).toEqual(reading("2026-11-03", 2000, 1999));
    expect(await store.get("zns")).toBeNull();
  });
});
