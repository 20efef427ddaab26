import { DossierLookupForm, RecentLookupsSection } from "../../features/dossier";

export function HomePage() {
  return (
    <>
      <DossierLookupForm />
      <RecentLookupsSection />
    </>
  );
}
