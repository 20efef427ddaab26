import { lambdaEntry } from "../lambda-entry.js";
import { oaTokenRefreshFunctionDeps, oaTokenRefreshHandlerFrom } from "../stream-handlers.js";

/** The `oa-token-refresh` Lambda function's bundle entry: only its own handler and what that handler needs. */
export const { handler, buildHandler } = lambdaEntry("oa-token-refresh", (base) => oaTokenRefreshHandlerFrom(oaTokenRefreshFunctionDeps(base)));
