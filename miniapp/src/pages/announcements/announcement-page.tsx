import { useParams } from "react-router-dom";
import { AnnouncementDetail } from "../../features/announcements";

export function AnnouncementPage() {
  const { id = "" } = useParams();
  return <AnnouncementDetail key={id} id={id} />;
}
