import { routePaths } from "../../app/route-paths";
import { AdminScreen } from "../../features/admin/components/admin-screen";

const sectionPaths = {
  feedback: routePaths.adminFeedback,
  lateDossiers: routePaths.adminLateDossiers,
  ratings: routePaths.adminRatings,
  reach: routePaths.adminReach,
  notifications: routePaths.adminNotifications,
  announcements: routePaths.adminAnnouncements,
  syncCredentials: routePaths.adminSyncCredentials,
};

export function AdminPage() {
  return <AdminScreen paths={sectionPaths} />;
}
