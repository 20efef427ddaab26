import { render } from "@testing-library/react";
import { createMemoryRouter } from "react-router-dom";
import { AppRoot } from "../app/app-root";
import { routerFuture } from "../app/router";
import { appRoutes } from "../app/routes";
import { createApiClient } from "../shared/api/api-client";
import type { ZaloPlatform } from "../platform";
import { createFakePlatform, jsonResponse } from "./fake-platform";

export const TEST_API_URL = "http://api.test";

/**
 * Renders the whole app (real providers, route table and API client) at `url`, with a fake fetch.
 * The home page asks once whether the user is staff (`GET /v1/me`, then `GET /v1/admin/me` for staff). Unless
 * `options.profileFromTest`, those calls are answered from `options.staffProfile` without reaching the test's
 * fetch, so tests of citizen flows see only their own requests.
 */
export function renderApp(
  url: string,
  fetch: typeof globalThis.fetch,
  platformOverrides: Partial<ZaloPlatform> = {},
  options: { staffProfile?: unknown; /** The test's fetch answers `GET /v1/me` (profile pages). */ profileFromTest?: boolean } = {},
) {
  const platform = createFakePlatform(platformOverrides);
  const router = createMemoryRouter(appRoutes, { initialEntries: [url], future: routerFuture });
  const withStaffCheck: typeof globalThis.fetch = async (input, init) => {
    if (String(input) === `${TEST_API_URL}/v1/me` && !options.profileFromTest) {
      return jsonResponse(200, { isStaff: Boolean(options.staffProfile) });
    }
    if (String(input) !== `${TEST_API_URL}/v1/admin/me`) return fetch(input, init);
    return options.staffProfile
      ? jsonResponse(200, options.staffProfile)
      : jsonResponse(403, { error: { code: "NOT_STAFF", message: "Không phải cán bộ" } });
  };
  sessionStorage.clear();
  const apiClient = createApiClient({ baseUrl: TEST_API_URL, auth: platform, fetch: withStaffCheck });
  const view = render(<AppRoot platform={platform} apiClient={apiClient} router={router} />);
  return { ...view, router, platform };
}
