import { render } from "@testing-library/react";
import { createMemoryRouter } from "react-router-dom";
import { AppRoot } from "../app/app-root";
import { routerFuture } from "../app/router";
import { appRoutes } from "../app/routes";
import { createApiClient } from "../shared/api/api-client";
import type { ZaloPlatform } from "../platform";
import { createFakePlatform } from "./fake-platform";

export const TEST_API_URL = "http://api.test";

/** Renders the whole app (real providers, route table and API client) at `url`, with a fake fetch. */
export function renderApp(url: string, fetch: typeof globalThis.fetch, platformOverrides: Partial<ZaloPlatform> = {}) {
  const platform = createFakePlatform(platformOverrides);
  const router = createMemoryRouter(appRoutes, { initialEntries: [url], future: routerFuture });
  const apiClient = createApiClient({ baseUrl: TEST_API_URL, auth: platform, fetch });
  const view = render(<AppRoot platform={platform} apiClient={apiClient} router={router} />);
  return { ...view, router, platform };
}
