import { randomSyncPassword } from "../../adapters/crypto/scrypt-password-hasher.js";
import { DynamoDbOutboxStateCensus } from "../../adapters/dynamodb/dynamodb-outbox-state-census.js";
import { randomIds } from "../../adapters/system/random-ids.js";
import { buildAdminApiHandler } from "../../handlers/admin-api.handler.js";
import { listAgenciesInScopeUseCase } from "../../use-cases/agency-names.js";
import { adminAnnouncementsUseCases } from "../../use-cases/announcement-fanout.js";
import { countDeliveryStatesUseCase, deliveryStateCountMax } from "../../use-cases/count-delivery-states.js";
import { deliveryLogUseCases } from "../../use-cases/delivery-log.js";
import { feedbackInboxUseCases } from "../../use-cases/feedback-inbox.js";
import { listLateDossiersUseCase } from "../../use-cases/late-dossiers.js";
import { manageSyncCredentialsUseCases } from "../../use-cases/manage-sync-credentials.js";
import { ratingReportsUseCases } from "../../use-cases/rating-reports.js";
import { reachReportUseCases } from "../../use-cases/reach-report.js";
import { staffAccessUseCases } from "../../use-cases/staff-access.js";
import { errorBoundaryMessages, withErrorBoundary } from "../http-error-boundary.js";
import type { Base } from "../parts/base.js";
import { feedbackDepsOf, replyToFeedbackOf } from "../parts/citizen-parts.js";
import { receiptSignerOf, staffZaloGraphOf } from "../parts/identity-parts.js";
import { sendQuotaOf } from "../parts/notification-parts.js";
import {
  agencyDirectoryOf,
  announcementsOf,
  auditLogOf,
  dossiersOf,
  fanoutsOf,
  lateDossierRepositoryOf,
  outboxOf,
  ratingsOf,
  reachOf,
  staffRepositoryOf,
} from "../parts/repository-parts.js";
import { syncLoginSetupOf } from "../parts/use-case-parts.js";
import type { HttpHandler } from "./http-function.js";

/** What the staff routes call, and nothing else. */
export function adminFunctionDeps(base: Base) {
  const { config, clock, table } = base;
  const audit = auditLogOf(base);
  const syncLogin = syncLoginSetupOf(base);
  return {
    staffZaloGraph: staffZaloGraphOf(base),
    log: base.log,
    staffAccess: staffAccessUseCases({
      staff: staffRepositoryOf(base),
      dossiers: dossiersOf(base),
      audit,
      receiptSigner: receiptSignerOf(base),
      clock,
      firstAdminZaloAppUserId: config.firstAdminZaloAppUserId,
    }),
    miniAppUrl: `https://zalo.me/s/${encodeURIComponent(config.miniAppId)}/`,
    ratingReports: ratingReportsUseCases({ ratings: ratingsOf(base), audit, clock }),
    ratingsCsvMaxBytes: config.ratingsCsvMaxBytes,
    reachReports: reachReportUseCases({ reach: reachOf(base) }),
    listLateDossiers: listLateDossiersUseCase({ lateDossiers: lateDossierRepositoryOf(base), clock }),
    listAgenciesInScope: listAgenciesInScopeUseCase({ directory: agencyDirectoryOf(base) }),
    adminAnnouncements: adminAnnouncementsUseCases({ fanouts: fanoutsOf(base), announcements: announcementsOf(base), audit, clock, ids: randomIds }),
    feedbackInbox: feedbackInboxUseCases({ ...feedbackDepsOf(base), audit, replyToFeedback: replyToFeedbackOf(base) }),
    deliveryLog: deliveryLogUseCases({ outbox: outboxOf(base), audit, clock }),
    countDeliveryStates: countDeliveryStatesUseCase({
      census: new DynamoDbOutboxStateCensus(table),
      maxPerPartition: deliveryStateCountMax,
    }),
    sendQuota: sendQuotaOf(base),
    syncCredentialAdmin: manageSyncCredentialsUseCases({
      credentials: syncLogin.credentials,
      hasher: syncLogin.hasher,
      audit,
      clock,
      newPassword: randomSyncPassword,
      configured: syncLogin.configured,
    }),
  };
}

export type AdminFunctionDeps = ReturnType<typeof adminFunctionDeps>;

/** The staff routes (Bearer Zalo token of a staff member); Vietnamese error messages. */
export function adminFunctionHandlerFrom(deps: AdminFunctionDeps): HttpHandler {
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
