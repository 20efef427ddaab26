import { describe, expect, it } from "vitest";
import { dossierCodeFromPathSegment, dossierCodeToPathSegment, parseDossierCode } from "./dossier-code.js";

describe("parseDossierCode", () => {
  it("accepts the official form case-insensitively, trimmed, with stray spaces removed", () => {
    expect(parseDossierCode("  000.00.20.h06-190802-0001 ")).toEqual({
      ok: true,
      code: "000.00.20.H06-190802-0001",
      kind: "official",
    });
    expect(parseDossierCode("000.00.20.H06 - 190802 - 0001")).toMatchObject({ ok: true, code: "000.00.20.H06-190802-0001" });
  });

  it("accepts other receipt formats as whole codes", () => {
    expect(parseDossierCode("03706/2026/07906")).toEqual({ ok: true, code: "03706/2026/07906", kind: "other" });
    expect(parseDossierCode("1897c359")).toEqual({ ok: true, code: "1897C359", kind: "other" });
    expect(parseDossierCode("HS_2026_001")).toMatchObject({ ok: true, kind: "other" });
  });

  it("refuses an official-looking code with an impossible date", () => {
    expect(parseDossierCode("000.00.20.H06-191302-0001")).toEqual({ ok: false, reason: "official_date" });
    expect(parseDossierCode("000.00.20.H06-190231-0001")).toEqual({ ok: false, reason: "official_date" });
  });

  it("has a length limit of 4 to 64 characters, tested at and past each end", () => {
    expect(parseDossierCode("A1B2")).toMatchObject({ ok: true });
    expect(parseDossierCode("A1B")).toEqual({ ok: false, reason: "length" });
    expect(parseDossierCode("A".repeat(64))).toMatchObject({ ok: true });
    expect(parseDossierCode("A".repeat(65))).toEqual({ ok: false, reason: "length" });
  });

  it("refuses characters outside the code alphabet and empty input", () => {
    expect(parseDossierCode("")).toEqual({ ok: false, reason: "empty" });
    expect(parseDossierCode("   ")).toEqual({ ok: false, reason: "empty" });
    expect(parseDossierCode("000.00.20.H06*190802")).toEqual({ ok: false, reason: "characters" });
    expect(parseDossierCode("HỒSƠ1234")).toEqual({ ok: false, reason: "characters" });
    expect(parseDossierCode("03706~2026~07906")).toEqual({ ok: false, reason: "characters" });
  });
});

describe("path form", () => {
  it("writes / as ~ and reads it back", () => {
    expect(dossierCodeToPathSegment("03706/2026/07906")).toBe("03706~2026~07906");
    expect(dossierCodeFromPathSegment("03706~2026~07906")).toBe("03706/2026/07906");
    expect(dossierCodeFromPathSegment(dossierCodeToPathSegment("000.00.20.H06-190802-0001"))).toBe(
      "000.00.20.H06-190802-0001",
    );
  });
});
