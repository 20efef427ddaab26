import { lambdaEntry } from "../lambda-entry.js";
import { lateDossiersFunctionDeps, lateDossiersHandlerFrom } from "../stream-handlers.js";

/** The `late-dossiers` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry("late-dossiers", (base) => lateDossiersHandlerFrom(lateDossiersFunctionDeps(base)));
