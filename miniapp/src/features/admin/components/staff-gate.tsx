import type { ReactNode } from "react";
import { Spinner } from "zmp-ui";
import { adminCopy } from "../../../copy/admin";
import type { StaffProfile } from "../staff-profile";
import { useStaffProfile } from "../use-staff-profile";
import "./admin.css";

/**
 * The staff tab's one "must be staff" check: a spinner while asking, the reason when the user is not staff (or,
 * with `adminOnly`, not an admin), else the page, given the staff profile.
 */
export function StaffGate({ adminOnly, children }: { adminOnly?: string; children: (profile: StaffProfile) => ReactNode }) {
  const state = useStaffProfile();
  if (state.status === "loading") return <Spinner visible />;
  if (state.status === "not_staff") return <p className="admin-message">{adminCopy.notStaff}</p>;
  if (state.status === "failed") return <p className="admin-message">{state.error.message}</p>;
  if (adminOnly && state.profile.role !== "admin") return <p className="admin-message">{adminOnly}</p>;
  return <>{children(state.profile)}</>;
}
