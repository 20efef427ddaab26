import { describe, expect, it } from "vitest";
import { dossierNotification } from "../../test/dossier-fixtures.js";
import { renderMessage, vietnamDate } from "./notification-message.js";

const links = {
  dossier: (code: string) => `https://zalo.me/s/1/?hs=${code}&k=sig`,
  announcement: (id: string) => `https://zalo.me/s/1/?tb=${id}`,
  feedbackThread: (id: string) => `https://zalo.me/s/1/?pakn=${id}`,
};

describe("renderMessage", () => {
  it("renders a status change with the code, procedure, Vietnamese status, due date and the deep link", () => {
    const message = renderMessage(
      dossierNotification("000.00.20.H06-190802-0001", { kind: "dossier_status_changed", status: 4, procedureName: "Cấp giấy phép xây dựng", dueAt: "2019-08-16T17:00:00.000Z" }),
      links,
    );
    expect(message.template).toBe("dossier_update");
    expect(message.templateData).toMatchObject({
      ma_ho_so: "000.00.20.H06-190802-0001",
      thu_tuc: "Cấp giấy phép xây dựng",
      ngay_hen_tra: "17/08/2019",
      duong_dan: "https://zalo.me/s/1/?hs=000.00.20.H06-190802-0001&k=sig",
    });
    expect(message.templateData["trang_thai"]).toMatch(/\p{L}/u);
    expect(message.text).toContain("Ngày hẹn trả: 17/08/2019");
  });

  it("shows the new date of an apology", () => {
    const message = renderMessage(
      dossierNotification("A-1", { kind: "dossier_apology", status: 4, procedureName: "P", dueAt: "2019-08-16T03:00:00.000Z", newDueAt: "2019-08-23T03:00:00.000Z", applicantPhone: null }),
      links,
    );
    expect(message.templateData["ngay_hen_tra"]).toBe("23/08/2019");
    expect(message.templateData["tieu_de"]).toContain("Xin lỗi");
  });

  it("invites the citizen to rate a finished dossier, with the link that opens it in owner view", () => {
    const message = renderMessage(
      { kind: "rating_invitation", dossierCode: "A-2", status: 9, procedureName: "P", dueAt: "2019-08-16T03:00:00.000Z", newDueAt: null, applicantPhone: null },
      links,
    );
    expect(message.templateData["tieu_de"]).toContain("đánh giá");
    expect(message.templateData["duong_dan"]).toBe(links.dossier("A-2"));
  });

  it("renders an announcement with a link to it", () => {
    const message = renderMessage(
      { kind: "announcement", announcementId: "an-1", title: "Nghỉ lễ", summary: "Bộ phận Một cửa nghỉ 30/4.", zaloAppUserId: "1" },
      links,
    );
    expect(message).toMatchObject({ template: "announcement", templateData: { tieu_de: "Nghỉ lễ", duong_dan: "https://zalo.me/s/1/?tb=an-1" } });
  });

  it("renders a staff answer to feedback with the answer cut to 400 characters and a link to the whole thread", () => {
    const at = (length: number) =>
      renderMessage({ kind: "feedback_reply", threadId: "t-1", zaloAppUserId: "1", excerpt: "Đ".repeat(length), dossierCode: null }, links);
    expect(at(400).templateData["noi_dung"]).toBe("Đ".repeat(400));
    expect(at(401).templateData["noi_dung"]).toBe(`${"Đ".repeat(399)}…`);
    expect(at(400)).toMatchObject({ template: "feedback_reply", templateData: { ma_ho_so: "—", duong_dan: "https://zalo.me/s/1/?pakn=t-1" } });
    const withDossier = renderMessage({ kind: "feedback_reply", threadId: "t-2", zaloAppUserId: "1", excerpt: "Đã bổ sung", dossierCode: "A-1" }, links);
    expect(withDossier.text).toContain("Mã hồ sơ: A-1");
  });

  it("formats dates in Vietnam time", () => {
    expect(vietnamDate("2026-03-02T17:30:00Z")).toBe("03/03/2026");
  });
});

describe("the overdue message", () => {
  it("says the promised date passed, names the agency and links the dossier in the Mini App", () => {
    const rendered = renderMessage(
      dossierNotification("000.00.20.H27-261102-0001", { kind: "dossier_overdue", status: 4, procedureName: "Cấp giấy phép xây dựng", agencyName: "UBND xã Tân Phú" }),
      { dossier: (code) => `https://zalo.me/s/1/?hs=${code}&k=sig`, announcement: (id) => id, feedbackThread: (id) => id },
    );
    expect(rendered.template).toBe("dossier_update");
    expect(rendered.templateData.tieu_de).toBe("Hồ sơ của bạn đã quá hạn trả kết quả");
    expect(rendered.templateData.ngay_hen_tra).toBe("09/11/2026");
    expect(rendered.text).toBe(
      "Hồ sơ 000.00.20.H27-261102-0001 (Cấp giấy phép xây dựng) đã quá hạn trả kết quả (hẹn ngày 09/11/2026). " +
        "Cơ quan UBND xã Tân Phú sẽ liên hệ và gửi phiếu xin lỗi, hẹn lại ngày trả.\nXem hồ sơ: https://zalo.me/s/1/?hs=000.00.20.H27-261102-0001&k=sig",
    );
  });
});
