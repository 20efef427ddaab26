/** Paths of the route table, for links from pages (kept apart so that pages need not import the table). */
export const routePaths = {
  home: "/",
  dossier: "/dossiers/:code",
  myDossiers: "/me/dossiers",
  profile: "/me",
  admin: "/admin",
  adminLateDossiers: "/admin/late-dossiers",
  adminRatings: "/admin/ratings",
  adminReach: "/admin/reach",
  adminAnnouncements: "/admin/announcements",
  adminFeedback: "/admin/feedback",
  adminNotifications: "/admin/notifications",
  adminSyncCredentials: "/admin/sync-credentials",
  feedbackThread: "/feedback/:id",
  announcement: "/announcements/:id",
} as const;
