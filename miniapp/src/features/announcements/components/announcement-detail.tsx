import { vi } from "../../../copy/vi";
import { useApiLoad } from "../../../shared/api/use-api-load";
import { AnnouncementView } from "../../../shared/ui/announcement-view";
import { fetchAnnouncement } from "../announcements-api";
import "../../../shared/ui/form.css";
import "./announcements.css";

export function AnnouncementDetail({ id }: { id: string }) {
  const { state } = useApiLoad((c, signal) => fetchAnnouncement(c, id, signal), id);
  if (state.status === "loading") return <p className="motcua-empty">{vi.announcements.loading}</p>;
  if (state.status === "failed") {
    return (
      <p className="motcua-empty" role="alert">
        {state.error.kind === "not_found" ? vi.announcements.notFound : `${vi.announcements.loadError} ${state.error.message}`}
      </p>
    );
  }
  return <AnnouncementView announcement={state.data} />;
}
