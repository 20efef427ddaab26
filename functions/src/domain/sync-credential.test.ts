import { describe, expect, it } from "vitest";
import { effectiveStatusMap, parseStatusOverrides, unitAllowed } from "./sync-credential.js";

describe("sync credential", () => {
  it("matches unit codes exactly or by a * pattern, case-insensitively", () => {
    expect(unitAllowed(["000.00.01.H56"], "000.00.01.h56")).toBe(true);
    expect(unitAllowed(["000.00.01.H56"], "000.00.02.H56")).toBe(false);
    expect(unitAllowed(["000.00.*.H56"], "000.00.02.H56")).toBe(true);
    expect(unitAllowed(["000.00.*.H56"], "000.00.02.H22")).toBe(false);
    expect(unitAllowed(["*"], "anything")).toBe(true);
    expect(unitAllowed([], "000.00.01.H56")).toBe(false);
  });

  it("reads the sender's status differences over the national list", () => {
    const map = effectiveStatusMap(parseStatusOverrides("3=8, 8=3")!);
    expect([map["3"], map["8"], map["4"], map["11"]]).toEqual([8, 3, 4, undefined]);
    expect(parseStatusOverrides("11=12")).toBeNull();
    expect(parseStatusOverrides("")).toEqual({});
  });
});
