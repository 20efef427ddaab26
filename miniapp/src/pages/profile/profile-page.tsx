import { appConfig } from "../../app/config";
import { ProfileScreen } from "../../features/citizen";

export function ProfilePage() {
  return <ProfileScreen oaId={appConfig.oaId} />;
}
