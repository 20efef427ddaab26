import { useEffect } from "react";
import { Outlet, useLocation, useMatches, useNavigate } from "react-router-dom";
import { Header, Page, Spinner } from "zmp-ui";
import { vi } from "../copy/vi";
import { dossierRouteFromDeepLink } from "../features/dossier";
import { usePlatform } from "../platform";
import { AppIcon } from "../shared/ui/icons";
import { AppBottomNav, isBottomNavPath } from "./bottom-nav";
import { isRouteMeta } from "./route-meta";
import { routerPathFromOpenAppPath } from "./open-app-path";

export function AppLayout() {
  const matches = useMatches();
  const location = useLocation();
  const navigate = useNavigate();
  const platform = usePlatform();
  const meta = [...matches].reverse().find((match) => isRouteMeta(match.handle))?.handle;
  const title = isRouteMeta(meta) ? meta.title : vi.appName;
  const showBack = isRouteMeta(meta) ? meta.showBack : false;

  // A receipt QR opens the app at /?hs=<code>&k=<sig>: go straight to the dossier, without a back step.
  useEffect(() => {
    const route = dossierRouteFromDeepLink(new URLSearchParams(location.search));
    if (route) navigate(route, { replace: true });
  }, [location.search, navigate]);

  useEffect(
    () => platform.onOpenApp((path) => navigate(routerPathFromOpenAppPath(path, window.location.pathname))),
    [platform, navigate],
  );

  return (
    <>
      <Header
        className="app-header"
        title={title}
        showBackIcon={showBack}
        backIcon={<AppIcon name="chevron-left" size={28} />}
        // Opened from a link there is no page behind this one: go to the lookup page instead of leaving.
        onBackClick={() => (location.key === "default" ? navigate("/", { replace: true }) : navigate(-1))}
      />
      <Page className={isBottomNavPath(location.pathname) ? "app-page app-page--with-nav" : "app-page"}>
        <main className="app-main">
          <Outlet />
        </main>
      </Page>
      {isBottomNavPath(location.pathname) && <AppBottomNav />}
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
