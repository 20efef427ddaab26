import { RatingsScreen } from "../../features/admin/ratings/ratings-dashboard";

export function RatingsPage() {
  return <RatingsScreen />;
}
