import { describe, expect, it } from "vitest";
import { reasonText, sendQuotaCopy } from "./admin-send-quota";

describe("the delivery log's reasons in Vietnamese", () => {
  it("explains the quota and night reasons and keeps the code for the IT team", () => {
    expect(reasonText("quota_reserve")).toBe(`${sendQuotaCopy.reasons.quota_reserve} (quota_reserve)`);
    expect(reasonText("daily_quota_exhausted")).toMatch(/^Đã hết hạn mức gửi tin của ngày/u);
    expect(reasonText("zalo_credentials -242 invalid appsecret_proof")).toMatch(/ZALO_APP_SECRET.*\(zalo_credentials -242/u);
  });

  it("shows an unknown reason as it is", () => {
    expect(reasonText("zalo_error -131 template not approved")).toBe("zalo_error -131 template not approved");
  });

  it("groups the quota's thousands as Vietnamese readers expect", () => {
    expect(sendQuotaCopy.used(19_550, 20_000)).toBe("Hạn mức hôm nay: đã dùng 19.550 / 20.000");
  });
});
