import { RouterProvider } from "react-router-dom";
import { App } from "zmp-ui";
import { PlatformProvider, type ZaloPlatform } from "../platform";
import type { ApiClient } from "../shared/api/api-client";
import { ApiClientProvider } from "../shared/api/api-client-context";
import type { AppRouter } from "./router";

export interface AppRootProps {
  platform: ZaloPlatform;
  apiClient: ApiClient;
  router: AppRouter;
}

export function AppRoot({ platform, apiClient, router }: AppRootProps) {
  return (
    <App theme="light">
      <PlatformProvider platform={platform}>
        <ApiClientProvider client={apiClient}>
          <RouterProvider router={router} future={{ v7_startTransition: true }} />
        </ApiClientProvider>
      </PlatformProvider>
    </App>
  );
}
