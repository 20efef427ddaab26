import { useNavigate } from "react-router-dom";
import { List } from "zmp-ui";
import { routePaths } from "../../app/route-paths";
import { vi } from "../../copy/vi";
import { StaffEntryLink } from "../../features/admin/components/staff-entry-link";
import { DossierLookupForm, RecentLookupsSection, ScanReceiptButton } from "../../features/dossier";
import { AppIcon } from "../../shared/ui/icons";

export function HomePage() {
  const navigate = useNavigate();
  return (
    <>
      <DossierLookupForm />
      <ScanReceiptButton />
      <List className="home__links" noSpacing>
        <List.Item
          title={vi.citizen.myDossiersLink}
          subTitle={vi.citizen.myDossiersHint}
          suffix={<AppIcon name="chevron-right" />}
          onClick={() => navigate(routePaths.myDossiers)}
        />
        <List.Item title={vi.citizen.profileLink} suffix={<AppIcon name="chevron-right" />} onClick={() => navigate(routePaths.profile)} />
      </List>
      <RecentLookupsSection />
      <StaffEntryLink to={routePaths.admin} />
    </>
  );
}
