import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.js";

describe("csv", () => {
  it("leaves plain fields alone and writes null as empty", () => {
    expect(csvLine(["Đăng ký khai sinh", 3, null, "Rất hài lòng"])).toBe("Đăng ký khai sinh,3,,Rất hài lòng\r\n");
  });

  it("quotes commas, quotes, line breaks and edge spaces, doubling quotes", () => {
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('cán bộ nói "chờ"')).toBe('"cán bộ nói ""chờ"""');
    expect(csvField("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvField("dòng 1\r\ndòng 2")).toBe('"dòng 1\r\ndòng 2"');
    expect(csvField(" lề")).toBe('" lề"');
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvField("=HYPERLINK(\"http://x\")")).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvField("+84912")).toBe("'+84912");
    expect(csvField("-1")).toBe("'-1");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("2026-11-20")).toBe("2026-11-20");
  });
});
