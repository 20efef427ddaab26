import { buildAdminApiHandler } from "../../handlers/admin-api.handler.js";
import type { Dependencies } from "../compose.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { HttpHandler } from "./http-function.js";

/** The staff routes (Bearer Zalo token of a staff member); Vietnamese error messages. */
export function adminFunctionHandlerFrom(deps: Dependencies): HttpHandler {
  const handler = buildAdminApiHandler({
    zaloGraph: deps.staffZaloGraph,
    log: deps.log,
    staffAccess: deps.staffAccess,
    miniAppUrl: deps.miniAppUrl,
    ratingReports: deps.ratingReports,
    ratingsCsvMaxBytes: deps.ratingsCsvMaxBytes,
    reachReports: deps.reachReports,
    listLateDossiers: deps.listLateDossiers,
    listAgenciesInScope: deps.listAgenciesInScope,
    adminAnnouncements: deps.adminAnnouncements,
    feedbackInbox: deps.feedbackInbox,
    deliveryLog: deps.deliveryLog,
    countDeliveryStates: deps.countDeliveryStates,
    sendQuota: deps.sendQuota,
    syncCredentialAdmin: deps.syncCredentialAdmin,
  });
  return withErrorBoundary(handler, errorBoundaryMessages.vietnamese, deps.log);
}
