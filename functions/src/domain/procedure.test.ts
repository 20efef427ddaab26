import { describe, expect, it } from "vitest";
import { foldVietnamese, indexProcedures, searchProcedures, type Procedure } from "./procedure.js";

const procedure = (code: string, name: string, field: string, abolished = false): Procedure => ({
  code, name, field, processingTime: "05 ngày làm việc", fee: "Miễn phí", documentsRequired: [], portalUrl: null, abolished, updatedAt: "2026-11-01T00:00:00.000Z",
});
const index = indexProcedures([
  procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch"),
  procedure("1.000894", "Đăng ký kết hôn", "Hộ tịch"),
  procedure("1.004222", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng"),
  procedure("1.009999", "Đăng ký hộ tịch cũ", "Hộ tịch", true),
  procedure("2.000001", "Hộ tịch: trích lục", "Hộ tịch"),
]);

describe("procedure search", () => {
  it("folds diacritics, đ and case", () => {
    expect(foldVietnamese("Đăng ký HỘ TỊCH")).toBe("dang ky ho tich");
  });

  it("'ho tich' finds every procedure of Hộ tịch, names starting with it first, abolished ones never", () => {
    const names = searchProcedures(index, "ho tich", 20).map((p) => p.name);
    expect(names).toEqual(["Hộ tịch: trích lục", "Đăng ký kết hôn", "Đăng ký khai sinh"]);
  });

  it("matches the start of words, with diacritics typed or not, and by code", () => {
    expect(searchProcedures(index, "khai sinh", 20).map((p) => p.code)).toEqual(["1.001193"]);
    expect(searchProcedures(index, "Xây dựng", 20).map((p) => p.code)).toEqual(["1.004222"]);
    expect(searchProcedures(index, "ai sinh", 20)).toEqual([]);
    expect(searchProcedures(index, "1.000894", 20).map((p) => p.name)).toEqual(["Đăng ký kết hôn"]);
  });

  it("an empty query lists by name, up to the limit", () => {
    expect(searchProcedures(index, "", 2)).toHaveLength(2);
  });
});
