import { expect, it } from "vitest";
import { maskApplicantName } from "./applicant-name.js";

it("keeps the family name and the first letter of every other word", () => {
  expect(maskApplicantName("Nguyễn Văn An")).toBe("Nguyễn V** A*");
  expect(maskApplicantName("  Trần   Thị Bình ")).toBe("Trần T** B***");
  expect(maskApplicantName("Lê")).toBe("Lê");
  expect(maskApplicantName("")).toBe("");
});
