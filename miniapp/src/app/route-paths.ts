/**
 * Every path of the route table, for the table itself, the bottom bar, links and entry links (kept apart so that
 * pages and features need not import the table and its lazy pages).
 */
export const routePaths = {
  home: "/",
  dossier: "/dossiers/:code",
  myDossiers: "/me/dossiers",
  profile: "/me",
  feedback: "/feedback",
  feedbackNew: "/feedback/new",
  feedbackThread: "/feedback/:id",
  announcements: "/announcements",
  announcement: "/announcements/:id",
  procedures: "/procedures",
  admin: "/admin",
  adminLateDossiers: "/admin/late-dossiers",
  adminRatings: "/admin/ratings",
  adminReach: "/admin/reach",
  adminAnnouncements: "/admin/announcements",
  adminFeedback: "/admin/feedback",
  adminNotifications: "/admin/notifications",
  adminSyncCredentials: "/admin/sync-credentials",
} as const;

/** A path of the table with its `:id` filled in, URL-encoded (`/feedback/:id` → `/feedback/t%2F1`). */
export function pathWithId(path: typeof routePaths.feedbackThread | typeof routePaths.announcement, id: string): string {
  return path.replace(":id", encodeURIComponent(id));
}
