import type { RouteObject } from "react-router-dom";
import { vi } from "../copy/vi";
import { HomePage } from "../pages/home/home-page";
import { NotFoundPage } from "../pages/not-found/not-found-page";
import { AppLayout, PageFallback } from "./app-layout";
import { loadDossierPage, type LoadedEntryPages } from "./entry-page";
import type { RouteMeta } from "./route-meta";
import { routePaths } from "./route-paths";

/** A page loaded on demand: its module's chunk is fetched the first time the route is entered. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return async () => ({ Component: (await load())[name] as React.ComponentType });
}

const meta = (title: string, showBack: boolean): { handle: RouteMeta } => ({ handle: { title, showBack } });

// The home page is the entry most citizens see, so it ships in the main chunk; every other page loads on demand,
// the staff tab's pages in chunks a citizen's app never loads (the ratings page with its chart library).
export const appRoutes: RouteObject[] = [
  {
    path: routePaths.home,
    element: <AppLayout />,
    HydrateFallback: PageFallback,
    children: [
      { index: true, element: <HomePage />, ...meta(vi.titles.home, false) },
      { path: routePaths.dossier, lazy: page(loadDossierPage, "DossierPage"), ...meta(vi.titles.dossier, true) },
      { path: routePaths.myDossiers, lazy: page(() => import("../pages/my-dossiers/my-dossiers-page"), "MyDossiersPage"), ...meta(vi.titles.myDossiers, true) },
      { path: routePaths.profile, lazy: page(() => import("../pages/profile/profile-page"), "ProfilePage"), ...meta(vi.titles.profile, true) },
      { path: routePaths.feedback, lazy: page(() => import("../pages/feedback/feedback-list-page"), "FeedbackListPage"), ...meta(vi.titles.feedback, false) },
      { path: routePaths.feedbackNew, lazy: page(() => import("../pages/feedback/feedback-new-page"), "FeedbackNewPage"), ...meta(vi.titles.feedbackNew, true) },
      { path: routePaths.feedbackThread, lazy: page(() => import("../pages/feedback/feedback-thread-page"), "FeedbackThreadPage"), ...meta(vi.titles.feedbackThread, true) },
      { path: routePaths.announcements, lazy: page(() => import("../pages/announcements/announcements-page"), "AnnouncementsPage"), ...meta(vi.titles.announcements, false) },
      { path: routePaths.announcement, lazy: page(() => import("../pages/announcements/announcement-page"), "AnnouncementPage"), ...meta(vi.titles.announcement, true) },
      { path: routePaths.procedures, lazy: page(() => import("../pages/procedures/procedures-page"), "ProceduresPage"), ...meta(vi.titles.procedures, false) },
      { path: routePaths.admin, lazy: page(() => import("../pages/admin/admin-page"), "AdminPage"), ...meta(vi.titles.admin, true) },
      { path: routePaths.adminLateDossiers, lazy: page(() => import("../pages/admin/late-dossiers-page"), "LateDossiersPage"), ...meta(vi.titles.adminLateDossiers, true) },
      { path: routePaths.adminRatings, lazy: page(() => import("../pages/admin/ratings-page"), "RatingsPage"), ...meta(vi.titles.adminRatings, true) },
      { path: routePaths.adminReach, lazy: page(() => import("../pages/admin/reach-page"), "ReachPage"), ...meta(vi.titles.adminReach, true) },
      { path: routePaths.adminAnnouncements, lazy: page(() => import("../pages/admin/announcements-page"), "AdminAnnouncementsPage"), ...meta(vi.titles.adminAnnouncements, true) },
      { path: routePaths.adminFeedback, lazy: page(() => import("../pages/admin/feedback-inbox-page"), "FeedbackInboxPage"), ...meta(vi.titles.adminFeedback, true) },
      { path: routePaths.adminNotifications, lazy: page(() => import("../pages/admin/delivery-log-page"), "DeliveryLogPage"), ...meta(vi.titles.adminNotifications, true) },
      {
        path: routePaths.adminSyncCredentials,
        lazy: page(() => import("../pages/admin/sync-credentials-page"), "SyncCredentialsPage"),
        ...meta(vi.titles.adminSyncCredentials, true),
      },
      { path: "*", element: <NotFoundPage />, ...meta(vi.titles.notFound, true) },
    ],
  },
];

/** The route table with an entry link's page already loaded: its route has the page itself instead of `lazy`. */
export function appRoutesWith({ DossierPage }: LoadedEntryPages): RouteObject[] {
  if (!DossierPage) return appRoutes;
  const withPage = (route: RouteObject): RouteObject => {
    if (route.path !== routePaths.dossier || route.index) return route;
    const { lazy: _loaded, ...rest } = route;
    return { ...rest, Component: DossierPage };
  };
  return appRoutes.map((root): RouteObject => (root.index || !root.children ? root : { ...root, children: root.children.map(withPage) }));
}
