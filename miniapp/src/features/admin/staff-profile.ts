export type StaffRole = "officer" | "admin";

export interface StaffProfile {
  zaloAppUserId: string;
  name: string;
  role: StaffRole;
  agencyCodes: string[];
  allAgencies: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/** Checks the shape of a staff record from `GET /v1/admin/me` or the staff list. */
export function parseStaffProfile(body: unknown): StaffProfile {
  if (
    !isObject(body) ||
    typeof body.zaloAppUserId !== "string" ||
    typeof body.name !== "string" ||
    (body.role !== "officer" && body.role !== "admin") ||
    !Array.isArray(body.agencyCodes) ||
    !body.agencyCodes.every((code) => typeof code === "string") ||
    typeof body.allAgencies !== "boolean"
  ) {
    throw new Error("not a staff record");
  }
  return {
    zaloAppUserId: body.zaloAppUserId,
    name: body.name,
    role: body.role,
    agencyCodes: body.agencyCodes as string[],
    allAgencies: body.allAgencies,
  };
}

export function parseStaffList(body: unknown): StaffProfile[] {
  if (!isObject(body) || !Array.isArray(body.staff)) throw new Error("not a staff list");
  return body.staff.map(parseStaffProfile);
}
