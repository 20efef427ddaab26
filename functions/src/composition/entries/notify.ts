import { lambdaEntry } from "../lambda-entry.js";
import { notifyFunctionDeps, notifyHandlerFrom } from "../stream-handlers.js";

/** The `notify` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry("notify", (base) => notifyHandlerFrom(notifyFunctionDeps(base)));
