import { describe, expect, it } from "vitest";
import { parseScannedContent } from "./parse-scanned-content";

describe("parseScannedContent", () => {
  it.each([
    // Our receipt QR, with the code's "/" written "~" or percent-encoded.
    ["https://zalo.me/s/3141592653589793/?hs=000.00.20.H06-190802-0001&k=Ab12Cd34Ef56Gh78", "000.00.20.H06-190802-0001", "Ab12Cd34Ef56Gh78"],
    ["https://zalo.me/s/3141592653589793/?hs=03706~2026~07906&k=q1w2e3r4t5y6u7i8", "03706/2026/07906", "q1w2e3r4t5y6u7i8"],
    ["https://zalo.me/s/3141592653589793/?hs=03706%2F2026%2F07906", "03706/2026/07906", undefined],
    ["https://h5.zdn.vn/zapps/3141592653589793/?hs=1897C359&k=sig0sig0sig0sig0", "1897C359", "sig0sig0sig0sig0"],
    // Other provinces' one-stop systems and portals.
    ["https://dichvucong.bacninh.gov.vn/tra-cuu-ho-so?MHS=000.00.20.H27-261120-0007", "000.00.20.H27-261120-0007", undefined],
    ["http://motcua.hanoi.gov.vn/TraCuu.aspx?code=H26.23-250305-0042", "H26.23-250305-0042", undefined],
    ["https://igate.dichvucong.gov.vn/vi/tra-cuu?mahoso=G22.30.14-240611-0003&lang=vi", "G22.30.14-240611-0003", undefined],
    ["https://dvc.quangninh.gov.vn/#/tra-cuu-ho-so?maHoSo=000.25.33.H54-250101-0099", "000.25.33.H54-250101-0099", undefined],
    ["https://egov.danang.gov.vn/ho-so/000.00.03.H17-230915-0120", "000.00.03.H17-230915-0120", undefined],
    ["https://motcua.example.vn/tracuu?ma_ho_so=hs-2024-00917", "HS-2024-00917", undefined],
    // Plain text.
    ["000.00.20.H06-190802-0001", "000.00.20.H06-190802-0001", undefined],
    ["  1897c359 ", "1897C359", undefined],
    ["03706/2026/07906", "03706/2026/07906", undefined],
    ["Mã hồ sơ: 000.00.20.H27-261120-0007", "000.00.20.H27-261120-0007", undefined],
    ["BIÊN NHẬN HỒ SƠ\nSố hồ sơ: 03706/2026/07906\nNgày hẹn trả: 25/11/2026", "03706/2026/07906", undefined],
    ["UBND XÃ SƠN ĐỘNG - MÃ HS: H27.61-261120-0012. Tra cứu tại dichvucong.gov.vn", "H27.61-261120-0012", undefined],
    ["Giấy tiếp nhận hồ sơ 000.00.20.H06-190802-0001 ngày 02/08/2019", "000.00.20.H06-190802-0001", undefined],
    ["MHS=TP-2026-000123", "TP-2026-000123", undefined],
  ])("finds the code in %j", (content, code, receiptSignature) => {
    const parsed = parseScannedContent(content);
    expect(parsed).toEqual({ kind: "dossier", code, ...(receiptSignature ? { receiptSignature } : {}) });
  });

  it.each([
    ["", "empty"],
    ["   \n", "empty"],
    ["https://zalo.me/s/3141592653589793/", "no_code"],
    ["https://www.facebook.com/ubndxasondong", "no_code"],
    ["WIFI:S:UBND-Mot-Cua;T:WPA;P:12345678;;", "no_code"],
    ["Chào mừng quý khách đến bộ phận Một cửa", "no_code"],
    ["BEGIN:VCARD\nFN:Bộ phận Một cửa\nTEL:02043855555\nEND:VCARD", "no_code"],
    ["00020101021238570010A00000072701270006970436011300110123456780208QRIBFTTA53037045405100005802VN6304ABCD", "no_code"], // a VietQR payment code,
  ])("says %j holds no usable code (%s)", (content, reason) => {
    expect(parseScannedContent(content)).toEqual({ kind: "unknown", reason });
  });

  it.each([
    // Partial codes are never looked up.
    "https://zalo.me/s/3141592653589793/?hs=000.00.20.H06-190802",
    "Mã hồ sơ: 000.00.20.H06-1908",
    "https://dichvucong.bacninh.gov.vn/tra-cuu-ho-so?MHS=000.00.20",
    "https://zalo.me/s/1/?hs=ab",
  ])("refuses the partial code in %j", (content) => {
    expect(parseScannedContent(content)).toEqual({ kind: "unknown", reason: "invalid_code" });
  });
});
