export { checkDossierCode, normaliseDossierCode } from "./dossier-code";
export { dossierCodeFromPathSegment, dossierRoute, dossierRouteFromDeepLink } from "./dossier-link";
export { DossierLookupForm } from "./components/dossier-lookup-form";
export { RecentLookupsSection } from "./components/recent-lookups-section";
export { DossierScreen } from "./components/dossier-screen";
export type { DossierView } from "./dossier-view";
export { useRecentLookups } from "./use-recent-lookups";
