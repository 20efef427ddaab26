import "zmp-ui/zaui.css";
import "./app/zmp-ui-text.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { AppRoot } from "./app/app-root";
import { preloadEntryPage } from "./app/entry-page";
import { entryTargetOfPage, startAtEntryLink } from "./app/entry-start";
import { createAppRouter, routerBasename } from "./app/router";
import { startSession } from "./app/start-session";

const container = document.getElementById("app");
if (!container) throw new Error("#app is missing from index.html");

// An entry link's page starts loading at once, beside the platform adapter; the first render waits for it, so that
// it draws that page (with the early lookup's answer if it came) rather than a spinner, then the page.
const entryTarget = entryTargetOfPage(window.location.search);
const entryPages = entryTarget ? preloadEntryPage(entryTarget) : Promise.resolve({});

// The platform comes first: the browser adapter takes ?token= out of the URL before the router reads it.
void Promise.all([startSession(), entryPages]).then(([{ platform, apiClient }, loadedPages]) => {
  const basename = routerBasename();
  if (entryTarget) startAtEntryLink(entryTarget, { basename, history: window.history });
  createRoot(container).render(
    <StrictMode>
      <AppRoot platform={platform} apiClient={apiClient} router={createAppRouter(basename, loadedPages)} />
    </StrictMode>,
  );
});
