import { describe, expect, it } from "vitest";
import { deliveryReasonLabel } from "./delivery-reason";

describe("deliveryReasonLabel", () => {
  it("says in Vietnamese why a message waits or failed", () => {
    expect(deliveryReasonLabel("quiet_hours")).toBe("Đang chờ hết giờ nghỉ đêm (Zalo không cho gửi ZNS 22:00–06:00)");
    expect(deliveryReasonLabel("not_a_follower")).toBe("Công dân chưa quan tâm trang Zalo và hồ sơ không có số điện thoại");
    expect(deliveryReasonLabel("no_phone_on_dossier")).toBe("Hồ sơ không có số điện thoại");
    expect(deliveryReasonLabel("zalo_error -213")).toBe("Zalo báo lỗi -213");
    expect(deliveryReasonLabel("retries_exhausted: zalo_error -32")).toBe("Đã gửi lại nhiều lần không được (Zalo báo lỗi -32)");
    expect(deliveryReasonLabel("no_zns_template_for_dossier_update")).toBe("Chưa cấu hình mẫu tin ZNS «dossier_update»");
  });

  it("says of a message in doubt that Zalo may have it, and when to send it again", () => {
    expect(deliveryReasonLabel("sender_stopped_during_send")).toBe(
      "Hệ thống dừng đúng lúc đang gửi tin này: Zalo có thể đã nhận và chuyển cho công dân. Chỉ gửi lại khi biết chắc công dân chưa nhận, kẻo công dân nhận hai lần.",
    );
  });

  it("shows an unknown reason as it is, after a label", () => {
    expect(deliveryReasonLabel("something_new")).toBe("Lý do khác: something_new");
  });
});
