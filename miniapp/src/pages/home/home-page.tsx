import { useNavigate } from "react-router-dom";
import { List } from "zmp-ui";
import { vi } from "../../copy/vi";
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
          onClick={() => navigate("/me/dossiers")}
        />
        <List.Item title={vi.citizen.profileLink} suffix={<AppIcon name="chevron-right" />} onClick={() => navigate("/me")} />
      </List>
      <RecentLookupsSection />
    </>
  );
}
