export { AnnouncementDetail } from "./components/announcement-detail";
export { AnnouncementList } from "./components/announcement-list";
