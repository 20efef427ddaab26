import { AdminScreen } from "../../features/admin/components/admin-screen";

export function AdminPage() {
  return <AdminScreen />;
}
