import { buildCitizenApiHandler } from "../../handlers/citizen-api.handler.js";
import type { Dependencies } from "../compose.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { HttpHandler } from "./http-function.js";

/** The citizen routes (Bearer Zalo token); Vietnamese error messages. */
export function apiFunctionHandlerFrom(deps: Dependencies): HttpHandler {
  return withErrorBoundary(buildCitizenApiHandler(deps), errorBoundaryMessages.vietnamese, deps.log);
}
