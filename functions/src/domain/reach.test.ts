import { describe, expect, it } from "vitest";
import { receivedDossier } from "../../test/dossier-fixtures.js";
import type { Dossier } from "./dossier.js";
import { reachChangeOnIngest, vietnamMonth, type DossierReach } from "./reach.js";

const at = "2026-02-20T03:00:00.000Z";

/** Received one second before midnight, Vietnam time, on 31 January: January's, not February's. */
function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return receivedDossier({
    code: "000.00.20.H27-260131-0001",
    receivedAt: "2026-01-31T16:59:59.000Z",
    dueAt: "2026-02-06T10:00:00.000Z",
    createdAt: at,
    updatedAt: at,
    ...overrides,
  });
}

const counted: DossierReach = {
  agencyCode: "000.00.20.H27",
  month: "2026-02",
  countedAt: at,
  reachableAt: at,
  finishedAt: null,
  viewedAt: null,
  notifiedAt: null,
  notifiedOaAt: null,
  notifiedZnsAt: null,
};

describe("vietnamMonth", () => {
  it("is the month in Vietnam (UTC+7): 16:59:59 UTC on the last day is still that month, 17:00 is the next", () => {
    expect(vietnamMonth("2026-01-31T16:59:59.999Z")).toBe("2026-01");
    expect(vietnamMonth("2026-01-31T17:00:00.000Z")).toBe("2026-02");
    expect(vietnamMonth("2026-12-31T17:00:00.000Z")).toBe("2027-01");
  });
});

describe("reachChangeOnIngest", () => {
  it("counts a new dossier in the agency and Vietnam month of its receipt, reachable when its phone is a mobile number", () => {
    expect(reachChangeOnIngest(dossier(), null, at)).toEqual({
      cell: { agencyCode: "000.00.20.H27", month: "2026-01" },
      marks: { countedAt: at, reachableAt: at },
      add: { dossiers: 1, reachable: 1 },
    });
  });

  it("does not count a dossier without a mobile number as reachable", () => {
    expect(reachChangeOnIngest(dossier({ applicantPhone: null }), null, at)?.add).toEqual({ dossiers: 1 });
  });

  it("changes nothing on a later event that counts nothing new", () => {
    expect(reachChangeOnIngest(dossier({ status: 4 }), counted, at)).toBeNull();
  });

  it("counts reachable later, once, in the cell the dossier was first counted in (not a changed agency)", () => {
    const change = reachChangeOnIngest(dossier({ agencyCode: "000.00.99.H27" }), { ...counted, reachableAt: null }, at);
    expect(change).toEqual({ cell: { agencyCode: "000.00.20.H27", month: "2026-02" }, marks: { reachableAt: at }, add: { reachable: 1 } });
  });

  it("counts finished the first time the dossier reaches a status that can be rated, and not again", () => {
    expect(reachChangeOnIngest(dossier({ status: 9 }), counted, at)?.add).toEqual({ finished: 1 });
    expect(reachChangeOnIngest(dossier({ status: 3 }), counted, at)?.add).toEqual({ finished: 1 });
    expect(reachChangeOnIngest(dossier({ status: 7 }), counted, at)).toBeNull();
    expect(reachChangeOnIngest(dossier({ status: 10 }), { ...counted, finishedAt: at }, at)).toBeNull();
  });
});
