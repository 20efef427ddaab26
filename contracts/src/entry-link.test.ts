import { describe, expect, it } from "vitest";
import { miniAppEntryUrl, parseEntryParams, type EntryTarget } from "./entry-link.js";

const targets: EntryTarget[] = [
  { kind: "dossier", code: "000.00.20.H06-190802-0001", receiptSignature: "AbC-_12" },
  { kind: "dossier", code: "03706/2026/07906" },
  { kind: "feedback_thread", id: "3f0c6a2e-5b1d-4c8e" },
  { kind: "announcement", id: "seed-ann-notice-tet" },
];

describe("entry links", () => {
  it("builds the links the backend sends, with the code's / written ~", () => {
    expect(miniAppEntryUrl("123", targets[0]!)).toBe("https://zalo.me/s/123/?hs=000.00.20.H06-190802-0001&k=AbC-_12");
    expect(miniAppEntryUrl("123", targets[1]!)).toBe("https://zalo.me/s/123/?hs=03706~2026~07906");
    expect(miniAppEntryUrl("app id", targets[2]!)).toBe("https://zalo.me/s/app%20id/?pakn=3f0c6a2e-5b1d-4c8e");
    expect(miniAppEntryUrl("123", targets[3]!)).toBe("https://zalo.me/s/123/?tb=seed-ann-notice-tet");
  });

  it("reads back every link it builds as the same target", () => {
    for (const target of targets) {
      expect(parseEntryParams(new URL(miniAppEntryUrl("123", target)).searchParams)).toEqual(target);
    }
  });

  it("reads the code with / or ~ and ignores a code that is not one", () => {
    expect(parseEntryParams(new URLSearchParams("hs=03706%2F2026%2F07906&k="))).toEqual({ kind: "dossier", code: "03706/2026/07906" });
    expect(parseEntryParams(new URLSearchParams("hs=%23bad&tb=t1"))).toEqual({ kind: "announcement", id: "t1" });
    expect(parseEntryParams(new URLSearchParams("hs=000.00.20.H06-191302-0001"))).toBeUndefined();
  });
});
