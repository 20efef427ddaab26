import { SyncCredentialsScreen } from "../../features/admin/sync-credentials/sync-credentials-screen";

export function SyncCredentialsPage() {
  return <SyncCredentialsScreen />;
}
