import "zmp-ui/zaui.css";
import "./app/zmp-ui-text.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRoot } from "./app/app-root";
import { appConfig } from "./app/config";
import { entryTargetOfPage, startAtEntryLink } from "./app/entry-start";
import { createAppRouter, routerBasename } from "./app/router";
import { preloadEntryPage } from "./app/routes";
import { loadPlatform } from "./app/load-platform";
import { createApiClient } from "./shared/api/api-client";

const container = document.getElementById("app");
if (!container) throw new Error("#app is missing from index.html");

// An entry link's page starts loading at once, beside the platform adapter.
const entryTarget = entryTargetOfPage(window.location.search);
if (entryTarget) preloadEntryPage(entryTarget);

// The platform comes first: the browser adapter takes ?token= out of the URL before the router reads it.
void loadPlatform().then((platform) => {
  const apiClient = createApiClient({ baseUrl: appConfig.apiUrl, auth: platform });
  const basename = routerBasename();
  if (entryTarget) startAtEntryLink(entryTarget, { apiClient, basename, history: window.history });
  createRoot(container).render(
    <StrictMode>
      <AppRoot platform={platform} apiClient={apiClient} router={createAppRouter(basename)} />
    </StrictMode>,
  );
});
