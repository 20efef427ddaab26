/** Desk staff (DESIGN.md §5): a role and the agencies in scope. Every admin route checks both on the server. */
export type StaffRole = "officer" | "admin";

export interface StaffMember {
  zaloAppUserId: string;
  name: string;
  role: StaffRole;
  /** Agency codes this member works for; an admin with `allAgencies` sees the whole province. */
  agencyCodes: string[];
  allAgencies: boolean;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export const staffLimits = { nameLength: 100, agencies: 50, agencyCodeLength: 64 } as const;

export function canSeeAgency(staff: StaffMember, agencyCode: string): boolean {
  return staff.allAgencies || staff.agencyCodes.includes(agencyCode);
}

export function isAdmin(staff: StaffMember): boolean {
  return staff.role === "admin";
}

/**
 * The province's first admin comes from configuration, so that someone can add the others; they see
 * every agency and cannot be removed through the API (only by configuration).
 */
export function bootstrapAdmin(zaloAppUserId: string, at: string): StaffMember {
  return {
    zaloAppUserId,
    name: "Quản trị viên đầu tiên",
    role: "admin",
    agencyCodes: [],
    allAgencies: true,
    createdAt: at,
    updatedAt: at,
    updatedBy: "configuration",
  };
}

/** An admin cannot demote or remove themselves: the province must never be left without an admin by mistake. */
export function canChangeStaff(actor: StaffMember, targetZaloAppUserId: string): "ok" | "not_admin" | "self" {
  if (!isAdmin(actor)) return "not_admin";
  if (actor.zaloAppUserId === targetZaloAppUserId) return "self";
  return "ok";
}
