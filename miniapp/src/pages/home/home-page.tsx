import { routePaths } from "../../app/route-paths";
import { vi } from "../../copy/vi";
import { StaffEntryLink } from "../../features/admin/components/staff-entry-link";
import { DossierLookupForm, RecentLookupsSection, ScanReceiptButton } from "../../features/dossier";
import { LinkList } from "../../shared/ui/link-list";

export function HomePage() {
  return (
    <>
      <DossierLookupForm />
      <ScanReceiptButton />
      <LinkList
        className="home__links"
        entries={[
          { key: "my-dossiers", to: routePaths.myDossiers, title: vi.citizen.myDossiersLink, subtitle: vi.citizen.myDossiersHint },
          { key: "profile", to: routePaths.profile, title: vi.citizen.profileLink },
        ]}
      />
      <RecentLookupsSection />
      <StaffEntryLink to={routePaths.admin} />
    </>
  );
}
