import { LateDossiersScreen } from "../../features/admin/late-dossiers/late-dossiers-screen";

export function LateDossiersPage() {
  return <LateDossiersScreen />;
}
