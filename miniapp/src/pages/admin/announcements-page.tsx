import { AdminAnnouncementsScreen } from "../../features/admin/announcements/admin-announcements-screen";

export function AdminAnnouncementsPage() {
  return <AdminAnnouncementsScreen />;
}
