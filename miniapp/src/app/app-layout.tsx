import { useEffect, useRef } from "react";
import { Outlet, useLocation, useMatches, useNavigate } from "react-router-dom";
import { Page, Spinner } from "zmp-ui";
import { vi } from "../copy/vi";
import { usePlatform } from "../platform";
import { AppIcon } from "../shared/ui/icons";
import { AppBottomNav, isBottomNavPath } from "./bottom-nav";
import { isRouteMeta } from "./route-meta";
import { routePaths } from "./route-paths";
import { entryRouteFromSearch, entryRouteOnOpen } from "./entry-link";
import { routerPathFromOpenAppPath } from "./open-app-path";
import { useMeasuredHeight } from "./use-measured-height";

const openedFromLinkState = { openedFromLink: true } as const;

/** The first page of the session: opened directly, or the page an entry link was replaced by. */
function isFirstPage(location: { key: string; state: unknown }): boolean {
  if (location.key === "default") return true;
  return typeof location.state === "object" && location.state !== null && "openedFromLink" in location.state;
}

export function AppLayout() {
  const matches = useMatches();
  const location = useLocation();
  const navigate = useNavigate();
  const platform = usePlatform();
  const meta = [...matches].reverse().find((match) => isRouteMeta(match.handle))?.handle;
  const title = isRouteMeta(meta) ? meta.title : vi.appName;
  const showBack = isRouteMeta(meta) ? meta.showBack : false;
  const withNav = isBottomNavPath(location.pathname);
  const headerRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLElement>(null);
  useMeasuredHeight(headerRef, "--motcua-header-height");
  useMeasuredHeight(navRef, "--motcua-bottom-nav-height", withNav);

  // A link opens the app at /?hs=<code>&k=<sig>, /?pakn=<thread> or /?tb=<announcement> (entry-link.ts):
  // go straight to that page, without a back step.
  useEffect(() => {
    const coldOpen = location.key === "default";
    if (!coldOpen) {
      // Re-opened by Zalo (OpenApp): the previous page is still behind this one.
      const route = entryRouteFromSearch(location.search);
      if (route) navigate(route, { replace: true, state: null });
      return;
    }
    // Opened cold, there is no page behind: Zalo's route params first, then the location (entry-link.ts).
    let cancelled = false;
    void platform.getRouteParams().then((params) => {
      const route = entryRouteOnOpen(params, location.search);
      if (route && !cancelled) navigate(route, { replace: true, state: openedFromLinkState });
    });
    return () => {
      cancelled = true;
    };
  }, [location.search, location.key, navigate, platform]);

  useEffect(
    () => platform.onOpenApp((path) => navigate(routerPathFromOpenAppPath(path, window.location.pathname))),
    [platform, navigate],
  );

  return (
    <>
      {/* Our own bar rather than zmp-ui's Header: a real h1 and a named back button, and a title that wraps. */}
      <header ref={headerRef} className="app-header-bar">
        <div className="app-header">
          {showBack && (
            <button
              type="button"
              className="app-header__back"
              aria-label={vi.a11y.back}
              // Opened from a link there is no page behind this one: go to the lookup page instead of leaving.
              onClick={() => (isFirstPage(location) ? navigate(routePaths.home, { replace: true }) : navigate(-1))}
            >
              <AppIcon name="chevron-left" size={28} />
            </button>
          )}
          <h1 className="app-header__title">{title}</h1>
        </div>
      </header>
      <Page className={withNav ? "app-page app-page--with-nav" : "app-page"}>
        <main className="app-main">
          <Outlet />
        </main>
      </Page>
      {withNav && <AppBottomNav ref={navRef} />}
    </>
  );
}

export function PageFallback() {
  return (
    <div className="page-fallback" aria-busy="true">
      <Spinner visible />
    </div>
  );
}
