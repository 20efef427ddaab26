import { AnnouncementList } from "../../features/announcements";

export function AnnouncementsPage() {
  return <AnnouncementList />;
}
