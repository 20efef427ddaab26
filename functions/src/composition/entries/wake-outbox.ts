import { lambdaEntry } from "../lambda-entry.js";
import { wakeOutboxFunctionDeps, wakeOutboxHandlerFrom } from "../stream-handlers.js";

/** The `wake-outbox` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry("wake-outbox", (base) => wakeOutboxHandlerFrom(wakeOutboxFunctionDeps(base)));
