import { Link } from "react-router-dom";
import { vi } from "../../../copy/vi";
import { useStaffProfile } from "../use-staff-profile";

/** A link to the staff tab, shown only to staff; citizens see nothing and download none of the tab. */
export function StaffEntryLink({ to }: { to: string }) {
  const state = useStaffProfile();
  if (state.status !== "staff") return null;
  return (
    <p className="staff-entry">
      <Link to={to}>{vi.staffEntry}</Link>
    </p>
  );
}
