import { ReachScreen } from "../../features/admin/reach/reach-dashboard";

export function ReachPage() {
  return <ReachScreen />;
}
