import { createBrowserRouter, type createMemoryRouter } from "react-router-dom";
import { appConfig, isProductionBuild, isZaloBuild } from "./config";
import type { LoadedEntryPages } from "./entry-page";
import { appRoutesWith } from "./routes";

export type AppRouter = ReturnType<typeof createBrowserRouter> | ReturnType<typeof createMemoryRouter>;

export const routerFuture = {
  v7_relativeSplatPath: true,
  v7_fetcherPersist: true,
  v7_normalizeFormMethod: true,
  v7_partialHydration: true,
  v7_skipActionErrorRevalidation: true,
} as const;

const ZALO_TEST_ENVS = new Set(["TESTING_LOCAL", "TESTING", "DEVELOPMENT"]);

/**
 * Inside Zalo the app is served under /zapps/<APP_ID> (the same rule as zmp-ui's ZMPRouter); the browser
 * flavour is served at "/" in development and in its production build alike.
 */
export function routerBasename(location: Location = window.location): string {
  if (!isZaloBuild) return "";
  const env = new URLSearchParams(location.search).get("env");
  if (!isProductionBuild && !(env && ZALO_TEST_ENVS.has(env))) return "";
  const appId = window.APP_ID ?? appConfig.miniAppId;
  return appId ? `/zapps/${appId}` : "";
}

/**
 * `basename`: worked out before an entry link's URL is replaced (its query may hold Zalo's `env`). `loaded`: an entry
 * link's page, already loaded, drawn in the router's first render.
 */
export function createAppRouter(basename: string = routerBasename(), loaded: LoadedEntryPages = {}): AppRouter {
  return createBrowserRouter(appRoutesWith(loaded), { basename, future: routerFuture });
}
