import { routePaths } from "../../app/route-paths";
import { AdminScreen } from "../../features/admin/components/admin-screen";

export function AdminPage() {
  return <AdminScreen paths={{ ratings: routePaths.adminRatings }} />;
}
