import { preloadEntryPage } from "./app/entry-page";
import { entryTargetOfPage } from "./app/entry-start";
import { startSession } from "./app/start-session";

// Inside Zalo, app-config.json lists this small script to load beside the entry and to run as soon as it arrives:
// the platform adapter, the token exchange, an entry link's dossier lookup and its page's code all start while the
// entry is still downloading (the entry, when it runs, gets the same session and the same page module).
const entryTarget = entryTargetOfPage(window.location.search);
if (entryTarget) preloadEntryPage(entryTarget);
void startSession();
