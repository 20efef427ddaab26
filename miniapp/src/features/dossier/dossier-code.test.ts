import { describe, expect, it } from "vitest";
import { checkDossierCode, normaliseDossierCode } from "./dossier-code";
import { dossierCodeFromPathSegment, dossierCodeToPathSegment, dossierRoute } from "./dossier-link";

describe("checkDossierCode", () => {
  it.each([
    ["000.00.20.H06-190802-0001", "000.00.20.H06-190802-0001"],
    ["  000.00.20.h06 - 190802 - 0001 ", "000.00.20.H06-190802-0001"],
    ["03706/2026/07906", "03706/2026/07906"],
    ["1897c359", "1897C359"],
    ["AB_12", "AB_12"],
  ])("accepts %j as %j", (input, code) => {
    expect(checkDossierCode(input)).toEqual({ ok: true, code });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["AB1", "too_short"],
    ["A".repeat(65), "too_long"],
    ["HS#2026", "bad_characters"],
    ["hồsơ1234", "bad_characters"],
    ["03706~2026", "bad_characters"],
    ["000.00.20.H06-190802", "incomplete_official"],
    ["000.00.20.H06-190802-001", "incomplete_official"],
    ["000.00.20.H06-191302-0001", "impossible_date"],
    ["000.00.20.H06-190231-0001", "impossible_date"],
  ])("rejects %j (%s)", (input, problem) => {
    expect(checkDossierCode(input)).toEqual({ ok: false, problem });
  });

  it("removes every kind of whitespace", () => {
    expect(normaliseDossierCode("\t18 97\nc359 ")).toBe("1897C359");
  });
});

describe("dossier links", () => {
  it("writes a code's slashes as ~ in a path, reversibly", () => {
    expect(dossierCodeToPathSegment("03706/2026/07906")).toBe("03706~2026~07906");
    expect(dossierCodeFromPathSegment("03706~2026~07906")).toBe("03706/2026/07906");
  });

  it("keeps the receipt signature in the route's query", () => {
    expect(dossierRoute("03706/2026/07906", "a-b_c")).toBe("/dossiers/03706~2026~07906?k=a-b_c");
    expect(dossierRoute("1897C359")).toBe("/dossiers/1897C359");
  });
});
