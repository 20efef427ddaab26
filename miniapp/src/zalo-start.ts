import { parseEntryParams } from "@motcua/contracts/entry-link";
import { preloadEntryPage } from "./app/entry-page";
import { startSession } from "./app/start-session";

// Inside Zalo, app-config.json lists this small script to load beside the entry and to run as soon as it arrives:
// the platform adapter, the token exchange, an entry link's dossier lookup and its page's code all start while the
// entry is still downloading (the entry, when it runs, gets the same session and the same page module).
const entryTarget = parseEntryParams(new URLSearchParams(window.location.search));
if (entryTarget) preloadEntryPage(entryTarget);
void startSession();
