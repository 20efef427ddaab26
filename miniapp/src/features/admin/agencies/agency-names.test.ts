import { describe, expect, it } from "vitest";
import { parseAgencyChoices } from "./agencies-api";
import { agencyNames } from "./agency-names";

describe("agencyNames", () => {
  const names = agencyNames([
    { code: "000.00.41.H27", name: "UBND phường Bắc Giang" },
    { code: "000.00.40.H27", name: "UBND phường Ánh Dương" },
    { code: "000.00.49.H27", name: null },
  ]);

  it("names an agency, and falls back to its code when no dossier named it", () => {
    expect(names.nameOf("000.00.40.H27")).toBe("UBND phường Ánh Dương");
    expect(names.nameOf("000.00.49.H27")).toBe("000.00.49.H27");
    expect(names.nameOf("000.00.99.H27")).toBe("000.00.99.H27");
    expect(names.isNamed("000.00.49.H27")).toBe(false);
  });

  it("lists codes by name as Vietnamese readers sort, unnamed last, each once", () => {
    expect(names.sortCodes(["000.00.49.H27", "000.00.41.H27", "000.00.40.H27", "000.00.41.H27"])).toEqual(["000.00.40.H27", "000.00.41.H27", "000.00.49.H27"]);
  });
});

describe("parseAgencyChoices", () => {
  it("accepts the route's answer and refuses another shape", () => {
    expect(parseAgencyChoices({ agencies: [{ code: "A", name: null }] })).toEqual([{ code: "A", name: null }]);
    expect(() => parseAgencyChoices({ agencies: [{ code: 1, name: "x" }] })).toThrow();
    expect(() => parseAgencyChoices({})).toThrow();
  });
});
