export { announcementKinds, type Announcement, type AnnouncementKind } from "@motcua/contracts/announcement";
