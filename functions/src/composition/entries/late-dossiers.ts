import { lambdaEntry } from "../lambda-entry.js";
import { lateDossiersHandlerFrom } from "../stream-handlers.js";

/** The `late-dossiers` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry("late-dossiers", (deps) => lateDossiersHandlerFrom(deps));
