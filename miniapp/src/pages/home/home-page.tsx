import { routePaths } from "../../app/route-paths";
import { StaffEntryLink } from "../../features/admin/components/staff-entry-link";
import { DossierLookupForm, RecentLookupsSection } from "../../features/dossier";

export function HomePage() {
  return (
    <>
      <DossierLookupForm />
      <RecentLookupsSection />
      <StaffEntryLink to={routePaths.admin} />
    </>
  );
}
