import { expect, it } from "vitest";
import { bootstrapAdmin, canChangeStaff, canSeeAgency, type StaffMember } from "./staff.js";

const officer: StaffMember = {
  zaloAppUserId: "o1",
  name: "Cán bộ",
  role: "officer",
  agencyCodes: ["A"],
  allAgencies: false,
  createdAt: "2026-11-28T00:00:00.000Z",
  updatedAt: "2026-11-28T00:00:00.000Z",
  updatedBy: "a1",
};

it("an officer sees only the agencies in scope; the first admin sees all", () => {
  expect(canSeeAgency(officer, "A")).toBe(true);
  expect(canSeeAgency(officer, "B")).toBe(false);
  expect(canSeeAgency(bootstrapAdmin("a1", "2026-11-28T00:00:00.000Z"), "B")).toBe(true);
});

it("only an admin changes staff, and never themselves", () => {
  const admin = bootstrapAdmin("a1", "2026-11-28T00:00:00.000Z");
  expect(canChangeStaff(officer, "x")).toBe("not_admin");
  expect(canChangeStaff(admin, "a1")).toBe("self");
  expect(canChangeStaff(admin, "o1")).toBe("ok");
});
