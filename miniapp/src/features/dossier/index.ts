export { checkDossierCode, normaliseDossierCode } from "./dossier-code";
export { dossierCodeFromPathSegment, dossierRoute } from "./dossier-link";
export { DossierLookupForm } from "./components/dossier-lookup-form";
export { RecentLookupsSection } from "./components/recent-lookups-section";
export { DossierScreen } from "./components/dossier-screen";
export { ScanReceiptButton } from "./scan/scan-receipt-button";
export { MyDossiersList } from "./components/my-dossiers-list";
export type { DossierView } from "./dossier-view";
export { useRecentLookups } from "./use-recent-lookups";
