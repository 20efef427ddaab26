import { describe, expect, it } from "vitest";
import { entryRouteFromSearch, entryTargetRoute, parseEntryParams, entryRouteOnOpen } from "./entry-link";

const parse = (search: string) => parseEntryParams(new URLSearchParams(search));

describe("parseEntryParams: each kind", () => {
  it("reads a receipt or dossier-message link (?hs=<code>&k=<sig>), the code with / or ~", () => {
    expect(parse("hs=000.00.20.h06-190802-0001&k=sig")).toEqual({ kind: "dossier", code: "000.00.20.H06-190802-0001", receiptSignature: "sig" });
    expect(parse("hs=03706~2026~07906")).toEqual({ kind: "dossier", code: "03706/2026/07906" });
    expect(parse("hs=03706%2F2026%2F07906&k=")).toEqual({ kind: "dossier", code: "03706/2026/07906" });
  });

  it("reads a feedback answer link (?pakn=<threadId>)", () => {
    expect(parse("pakn=3f0c6a2e-5b1d-4c8e-9a7f-2d4b6c8e0a1b")).toEqual({ kind: "feedback_thread", id: "3f0c6a2e-5b1d-4c8e-9a7f-2d4b6c8e0a1b" });
  });

  it("reads an announcement link (?tb=<announcementId>)", () => {
    expect(parse("tb=seed-ann-notice-tet")).toEqual({ kind: "announcement", id: "seed-ann-notice-tet" });
  });

  it("reads the query the backend's links carry (the same strings as compose.ts and the receipt signer build)", () => {
    const query = (link: string) => new URL(link).search;
    expect(entryRouteFromSearch(query("https://zalo.me/s/123/?hs=03706~2026~07906&k=AbC-_12"))).toBe("/dossiers/03706~2026~07906?k=AbC-_12");
    expect(entryRouteFromSearch(query(`https://zalo.me/s/123/?pakn=${encodeURIComponent("a1_B2-c3")}`))).toBe("/feedback/a1_B2-c3");
    expect(entryRouteFromSearch(query(`https://zalo.me/s/123/?tb=${encodeURIComponent("seed-ann-abolished")}`))).toBe("/announcements/seed-ann-abolished");
  });
});

describe("parseEntryParams: unknown and bad values", () => {
  it("ignores parameters it does not know (Zalo's own, tracking, the browser flavour's token)", () => {
    expect(parse("")).toBeUndefined();
    expect(parse("env=TESTING&version=zdev-1&utm_campaign=x")).toBeUndefined();
    expect(parse("utm_source=zalo&tb=seed-ann-notice-tet&env=TESTING")).toEqual({ kind: "announcement", id: "seed-ann-notice-tet" });
    expect(parse("k=sig")).toBeUndefined();
  });

  it("ignores an id outside the API's charset or length (1–100 of A–Z a–z 0–9 _ -)", () => {
    expect(parse(`pakn=${"a".repeat(100)}`)).toEqual({ kind: "feedback_thread", id: "a".repeat(100) });
    expect(parse(`pakn=${"a".repeat(101)}`)).toBeUndefined();
    expect(parse(`tb=${"b".repeat(100)}`)).toEqual({ kind: "announcement", id: "b".repeat(100) });
    expect(parse(`tb=${"b".repeat(101)}`)).toBeUndefined();
    for (const bad of ["", "a%2Fb", "..%2F..%2Fadmin", "a%20b", "a.b", "%3Cscript%3E", "th%E1%BB%9Di", "a%00"]) {
      expect(parse(`pakn=${bad}`), bad).toBeUndefined();
      expect(parse(`tb=${bad}`), bad).toBeUndefined();
    }
  });

  it("ignores a dossier code that is not one", () => {
    expect(parse("hs=%23bad")).toBeUndefined();
    expect(parse("hs=")).toBeUndefined();
  });
});

describe("parseEntryParams: precedence hs, then pakn, then tb", () => {
  it("prefers the dossier, then the thread, then the announcement, whatever the order in the URL", () => {
    expect(parse("tb=t1&pakn=p1&hs=1897C359&k=s")).toEqual({ kind: "dossier", code: "1897C359", receiptSignature: "s" });
    expect(parse("tb=t1&pakn=p1")).toEqual({ kind: "feedback_thread", id: "p1" });
  });

  it("treats an invalid value as absent, so the next valid one wins", () => {
    expect(parse("hs=%23bad&pakn=p1&tb=t1")).toEqual({ kind: "feedback_thread", id: "p1" });
    expect(parse("pakn=not%20an%20id&tb=t1")).toEqual({ kind: "announcement", id: "t1" });
    expect(parse("hs=%23bad&pakn=x%2Fy&tb=")).toBeUndefined();
  });

  it("takes the first of a repeated parameter", () => {
    expect(parse("pakn=first&pakn=second")).toEqual({ kind: "feedback_thread", id: "first" });
  });
});

describe("entryRouteOnOpen: getRouteParams() first, then the location", () => {
  it("takes the route params when they name a page, whatever the location says", () => {
    expect(entryRouteOnOpen({ tb: "t1" }, "?pakn=p1")).toBe("/announcements/t1");
  });

  it("falls back to the location when the route params name nothing valid", () => {
    expect(entryRouteOnOpen({}, "?pakn=p1")).toBe("/feedback/p1");
    expect(entryRouteOnOpen({ hs: "#bad" }, "?tb=t1")).toBe("/announcements/t1");
    expect(entryRouteOnOpen({}, "")).toBeUndefined();
  });
});

describe("entryTargetRoute", () => {
  it("gives the route of each page", () => {
    expect(entryTargetRoute({ kind: "dossier", code: "03706/2026/07906", receiptSignature: "a-b_c" })).toBe("/dossiers/03706~2026~07906?k=a-b_c");
    expect(entryTargetRoute({ kind: "dossier", code: "1897C359" })).toBe("/dossiers/1897C359");
    expect(entryTargetRoute({ kind: "feedback_thread", id: "p1" })).toBe("/feedback/p1");
    expect(entryTargetRoute({ kind: "announcement", id: "t1" })).toBe("/announcements/t1");
  });
});
