import { setTimeout as sleep } from "node:timers/promises";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { miniAppEntryUrl } from "@motcua/contracts/entry-link";
import { DynamoDbCitizenRepository } from "../adapters/dynamodb/dynamodb-citizen-repository.js";
import { DynamoDbDeadLetterQueue } from "../adapters/dynamodb/dynamodb-dead-letter-queue.js";
import { DynamoDbOaTokenStore } from "../adapters/dynamodb/dynamodb-oa-token-store.js";
import { DynamoDbOutboxRepository } from "../adapters/dynamodb/dynamodb-outbox-repository.js";
import { DynamoDbWebhookInbox } from "../adapters/dynamodb/dynamodb-webhook-inbox.js";
import { sqsDeadLetterQueueOnFirstSend } from "../adapters/sqs/sqs-dead-letter-queue-on-first-send.js";
import { SlidingWindowPacer } from "../adapters/system/sliding-window-pacer.js";
import { ZaloMessengerClient } from "../adapters/zalo/zalo-messenger-client.js";
import { ZaloOAuthClient } from "../adapters/zalo/zalo-oauth-client.js";
import type { DeadLetterQueue } from "../ports/dead-letter-queue.js";
import type { Logger } from "../ports/logger.js";
import { PowertoolsLogs } from "../adapters/logging/powertools-logger.js";
import type { PhoneHasher } from "../ports/phone-hasher.js";
import type { ReceiptSigner } from "../ports/receipt-signer.js";
import { deliverNotificationUseCase } from "../use-cases/deliver-notification.js";
import { dailySendQuota } from "../use-cases/daily-send-quota.js";
import { DynamoDbSendQuotaStore } from "../adapters/dynamodb/dynamodb-send-quota-store.js";
import { handleZaloWebhookEventUseCase } from "../use-cases/handle-zalo-webhook-event.js";
import { oaAccessTokens } from "../use-cases/oa-access-tokens.js";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { DynamoDbDossierRepository } from "../adapters/dynamodb/dynamodb-dossier-repository.js";
import { DynamoDbAgencyDirectory } from "../adapters/dynamodb/dynamodb-agency-directory.js";
import { listAgenciesInScopeUseCase, rememberingAgencyNames } from "../use-cases/agency-names.js";
import { DynamoDbOutboxStateCensus } from "../adapters/dynamodb/dynamodb-outbox-state-census.js";
import { countDeliveryStatesUseCase, deliveryStateCountMax } from "../use-cases/count-delivery-states.js";
import { DynamoDbAuditLog } from "../adapters/dynamodb/dynamodb-audit-log.js";
import { DynamoDbRateLimiter } from "../adapters/dynamodb/dynamodb-rate-limiter.js";
import { DynamoDbStaffRepository } from "../adapters/dynamodb/dynamodb-staff-repository.js";
import { DynamoDbAnnouncementRepository } from "../adapters/dynamodb/dynamodb-announcement-repository.js";
import { DynamoDbFeedbackRepository } from "../adapters/dynamodb/dynamodb-feedback-repository.js";
import { DynamoDbProcedureRepository } from "../adapters/dynamodb/dynamodb-procedure-repository.js";
import { DynamoDbRatingRepository } from "../adapters/dynamodb/dynamodb-rating-repository.js";
import { holidayCalendar } from "../domain/working-days.js";
import { addFeedbackMessageUseCase, replyToFeedbackUseCase } from "../use-cases/add-feedback-message.js";
import { getAnnouncementUseCase, listAnnouncementsUseCase } from "../use-cases/announcements.js";
import { isDossierOwnerCheck } from "../use-cases/is-dossier-owner.js";
import { listRatingsFeedUseCase } from "../use-cases/list-ratings-feed.js";
import { markFeedbackAnswerHelpfulUseCase } from "../use-cases/mark-feedback-answer-helpful.js";
import { procedureCatalogue } from "../use-cases/procedure-catalogue.js";
import { getDossierRatingUseCase, rateDossierUseCase } from "../use-cases/rate-dossier.js";
import { ratingReportsUseCases } from "../use-cases/rating-reports.js";
import { getFeedbackThreadUseCase, listMyFeedbackUseCase } from "../use-cases/read-feedback.js";
import { receiveCitizenChatMessageUseCase } from "../use-cases/receive-citizen-chat-message.js";
import { submitFeedbackUseCase } from "../use-cases/submit-feedback.js";
import { limitFeedbackWritesUseCase } from "../use-cases/limit-feedback-writes.js";
import { deliveryLogUseCases } from "../use-cases/delivery-log.js";
import { feedbackInboxUseCases } from "../use-cases/feedback-inbox.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { systemClock } from "../adapters/system/system-clock.js";
import { CachedCitizenProfiles } from "../adapters/caching/cached-citizen-profiles.js";
import { CachedZaloGraph } from "../adapters/zalo/cached-zalo-graph.js";
import { ZaloGraphClient } from "../adapters/zalo/zalo-graph-client.js";
import { ZaloPhoneExchangeClient } from "../adapters/zalo/zalo-phone-exchange-client.js";
import type { Config } from "../config/config.js";
import type { Clock } from "../ports/clock.js";
import { applyDossierEventUseCase } from "../use-cases/apply-dossier-event.js";
import { getMyProfileUseCase } from "../use-cases/get-my-profile.js";
import { ingestDossierEventsUseCase } from "../use-cases/ingest-dossier-events.js";
import { listMyDossiersUseCase } from "../use-cases/list-my-dossiers.js";
import { lookUpDossierUseCase } from "../use-cases/look-up-dossier.js";
import { DynamoDbReachRepository } from "../adapters/dynamodb/dynamodb-reach-repository.js";
import { reachReportUseCases } from "../use-cases/reach-report.js";
import { staffAccessUseCases } from "../use-cases/staff-access.js";
import { verifyPhoneUseCase } from "../use-cases/verify-phone.js";
import { withdrawPhoneConsentUseCase } from "../use-cases/withdraw-phone-consent.js";
import { DynamoDbLateDossierRepository } from "../adapters/dynamodb/dynamodb-late-dossier-repository.js";
import { detectLateDossiersUseCase, listLateDossiersUseCase } from "../use-cases/late-dossiers.js";
import { DynamoDbAnnouncementFanoutRepository } from "../adapters/dynamodb/dynamodb-announcement-fanout-repository.js";
import { fanoutStallMs, maxFanoutPageSize } from "../domain/announcement-fanout.js";
import { setAnnouncementSubscriptionUseCase } from "../use-cases/set-announcement-subscription.js";
import { adminAnnouncementsUseCases, fanOutStepUseCase, nudgeStalledFanoutsUseCase } from "../use-cases/announcement-fanout.js";

import { DynamoDbSyncCredentialRepository } from "../adapters/dynamodb/dynamodb-sync-credential-repository.js";
import { randomSessionTokens, randomSyncPassword, scryptPasswordHasher } from "../adapters/crypto/scrypt-password-hasher.js";
import { manageSyncCredentialsUseCases } from "../use-cases/manage-sync-credentials.js";
import { syncDialectUseCases } from "../use-cases/sync-dialect-dossiers.js";
import { syncSessionsUseCases } from "../use-cases/sync-sessions.js";
import { createHash } from "node:crypto";

/** Logins of the national sync dialect: a sending system logs in a few times a day, a guesser is stopped fast. */
const syncLoginLimits = {
  perUsernamePerMinute: 20,
  failedPerUsernamePerMinute: 5,
  perAddressPerMinute: 60,
  failedPerAddressPerMinute: 20,
};

/** Replaceable parts for benchmarks and tests of the whole wiring (an instrumented SDK client, a fixed clock). */
export interface CompositionOverrides {
  dynamoDbClient?: DynamoDBClient;
  clock?: Clock;
  fetch?: typeof fetch;
  /** Outbox items per fan-out page (default and maximum 99). */
  fanoutPageSize?: number;
  /** The notify function's jitter source (tests pin the backoff with it). */
  random?: () => number;
  /** Where the structured logs go (default: Powertools Logger at the configured LOG_LEVEL). */
  log?: Logger;
}

/** The only place that builds real adapters from configuration; one SDK client per process. */
export function composeDependencies(config: Config, overrides: CompositionOverrides = {}) {
  const clock = overrides.clock ?? systemClock;
  const log = overrides.log ?? new PowertoolsLogs({ serviceName: "motcua", logLevel: config.logLevel });
  const documentClient = createDocumentClient(
    {
      region: config.region,
      endpoint: config.dynamodbEndpoint,
      requestTimeoutMs: config.dynamodbRequestTimeoutMs,
      maxAttempts: config.dynamodbMaxAttempts,
    },
    overrides.dynamoDbClient,
  );
  // Secrets are read on first use, not here: a function composes without the secrets it never reads
  // (config/function-secrets.ts), and reading one it was not given throws a ConfigError naming it.
  const hmacPhoneHasher = onFirstUse(() => new HmacPhoneHasher(config.phoneHmacKey));
  const phoneHasher: PhoneHasher = { hash: (phone) => hmacPhoneHasher().hash(phone) };
  const hmacReceiptSigner = onFirstUse(() => new HmacReceiptSigner(config.receiptKey, config.miniAppId));
  const receiptSigner: ReceiptSigner = {
    sign: (code) => hmacReceiptSigner().sign(code),
    verify: (code, signature) => hmacReceiptSigner().verify(code, signature),
    receiptUrl: (code) => hmacReceiptSigner().receiptUrl(code),
  };
  const dossiers = new DynamoDbDossierRepository(documentClient, config.tableName, phoneHasher);
  const rateLimiter = new DynamoDbRateLimiter(documentClient, config.tableName);
  const citizens = new DynamoDbCitizenRepository(documentClient, config.tableName, phoneHasher);
  const staffRepository = new DynamoDbStaffRepository(documentClient, config.tableName);
  const fetchOverride = overrides.fetch ? { fetch: overrides.fetch } : {};
  const zaloGraphUncached = new ZaloGraphClient({
    baseUrl: config.zaloGraphBaseUrl,
    get appSecret() {
      return config.zaloAppSecret;
    },
    sendAppSecretProof: config.zaloSendAppSecretProof,
    ...fetchOverride,
  });
  const zaloGraph = new CachedZaloGraph(zaloGraphUncached, clock, config.tokenCacheSeconds);
  // Staff tokens open personal data (the feedback inbox, the CSV export): a revoked one must stop within a minute.
  const staffZaloGraph = new CachedZaloGraph(zaloGraphUncached, clock, config.staffTokenCacheSeconds);
  const phoneExchange = new ZaloPhoneExchangeClient({
    baseUrl: config.zaloGraphBaseUrl,
    get appSecret() {
      return config.zaloAppSecret;
    },
    ...fetchOverride,
  });
  const outbox = new DynamoDbOutboxRepository(documentClient, config.tableName, {
    sentRetentionDays: config.notify.sentRetentionDays,
    undeliverableRetentionDays: config.notify.undeliverableRetentionDays,
    sentAnnouncementRetentionDays: config.notify.sentAnnouncementRetentionDays,
  });
  const reach = new DynamoDbReachRepository(documentClient, config.tableName, phoneHasher);
  const deadLetters: DeadLetterQueue = config.notify.deadLetterQueueUrl
    ? sqsDeadLetterQueueOnFirstSend(config.region, config.notify.deadLetterQueueUrl)
    : new DynamoDbDeadLetterQueue(documentClient, config.tableName);
  const oaTokens = oaAccessTokens({
    store: new DynamoDbOaTokenStore(documentClient, config.tableName),
    oauth: new ZaloOAuthClient({
      baseUrl: config.zalo.oauthBaseUrl,
      appId: config.zaloAppId,
      get appSecret() {
        return config.zaloAppSecret;
      },
      timeoutMs: config.zalo.sendTimeoutMs,
      ...fetchOverride,
    }),
    clock,
    ids: randomIds,
    sleep: (ms) => sleep(ms),
    log,
    get initialRefreshToken() {
      return config.zalo.oaInitialRefreshToken;
    },
    refreshBeforeExpiryMs: config.zalo.oaTokenRefreshBeforeSeconds * 1000,
    refreshClaimMs: 30_000,
  });
  const fanouts = new DynamoDbAnnouncementFanoutRepository(documentClient, config.tableName);
  const sendQuota = dailySendQuota({
    store: new DynamoDbSendQuotaStore(documentClient, config.tableName),
    clock,
    announcementReservePercent: config.zalo.announcementQuotaReservePercent,
    storeReadMs: 60_000,
  });
  const deliverNotification = deliverNotificationUseCase({
    outbox,
    citizens,
    messenger: new ZaloMessengerClient({
      oaBaseUrl: config.zalo.oaBaseUrl,
      znsBaseUrl: config.zalo.znsBaseUrl,
      timeoutMs: config.zalo.sendTimeoutMs,
      znsDevelopmentMode: config.zalo.znsDevelopmentMode,
      uidBodyShape: config.zalo.uidTemplateBody,
      ...fetchOverride,
    }),
    oaTokens,
    deadLetters,
    // 1,030 ms for the quota's second: margin for the jitter between our clock and Zalo's arrival times.
    pacer: new SlidingWindowPacer(config.zalo.sendRatePerSecond, 1030),
    clock,
    ids: randomIds,
    sleep: (ms) => sleep(ms),
    random: overrides.random ?? Math.random,
    links: {
      dossier: (code) => receiptSigner.receiptUrl(code),
      announcement: (id) => miniAppEntryUrl(config.miniAppId, { kind: "announcement", id }),
      feedbackThread: (id) => miniAppEntryUrl(config.miniAppId, { kind: "feedback_thread", id }),
    },
    templates: { oa: config.zalo.oaTemplateIds, zns: config.zalo.znsTemplateIds },
    retry: {
      maxAttempts: config.notify.maxAttempts,
      baseDelayMs: config.notify.retryBaseMs,
      maxDelayMs: config.notify.retryMaxMs,
      inlineMaxMs: config.notify.inlineRetryMaxMs,
    },
    leaseMs: config.notify.leaseSeconds * 1000,
    quietHours: config.zalo.znsQuietHours,
    quota: sendQuota,
    quotaWaitJitterMs: config.zalo.quotaWaitJitterSeconds * 1000,
    pauseAnnouncement: pauseOncePerDay((announcementId, until) => fanouts.markPaused(announcementId, until)),
    alarm: ({ message, ...fields }) => log.error(String(message), fields),
    reach,
  });
  const agencyDirectory = new DynamoDbAgencyDirectory(documentClient, config.tableName);
  // Ingest (native and dialect) records each agency's name, so staff screens show names, not codes.
  const ingestDossiers = rememberingAgencyNames(dossiers, { directory: agencyDirectory, clock, log });
  const applyEvent = applyDossierEventUseCase({ dossiers: ingestDossiers, clock, ids: randomIds, maxFutureSkewSeconds: config.ingestMaxFutureSkewSeconds });
  const ratings = new DynamoDbRatingRepository(documentClient, config.tableName);
  const auditLog = new DynamoDbAuditLog(documentClient, config.tableName);
  const feedback = new DynamoDbFeedbackRepository(documentClient, config.tableName);
  const announcements = new DynamoDbAnnouncementRepository(documentClient, config.tableName);
  // Every lookup without `k` asks whether the citizen's verified phone is the dossier's: profiles remembered briefly.
  const citizenProfiles = new CachedCitizenProfiles(citizens, clock, 20);
  const isDossierOwner = isDossierOwnerCheck({ receiptSigner, citizens: citizenProfiles });
  const ratingDeps = { dossiers, ratings, isDossierOwner, clock };
  const feedbackDeps = { feedback, clock, ids: randomIds, calendar: holidayCalendar(config.holidays), dossiers, isDossierOwner };
  const replyToFeedback = replyToFeedbackUseCase(feedbackDeps);
  const receiveCitizenChatMessage = receiveCitizenChatMessageUseCase(feedbackDeps);
  const catalogue = procedureCatalogue({
    procedures: new DynamoDbProcedureRepository(documentClient, config.tableName),
    clock,
    cacheSeconds: config.procedureCacheSeconds,
  });
  const lateDossiers = new DynamoDbLateDossierRepository(documentClient, config.tableName);
  const syncCredentials = new DynamoDbSyncCredentialRepository(documentClient, config.tableName);
  const firstSyncCredential = config.dvcqgSync.firstCredential
    ? { ...config.dvcqgSync.firstCredential, disabled: false, createdAt: "1970-01-01T00:00:00.000Z", updatedAt: "1970-01-01T00:00:00.000Z" }
    : null;
  const passwordHasher = scryptPasswordHasher();
  return {
    syncCredentialAdmin: manageSyncCredentialsUseCases({
      credentials: syncCredentials,
      hasher: passwordHasher,
      audit: auditLog,
      clock,
      newPassword: randomSyncPassword,
      configured: firstSyncCredential,
    }),
    syncSessions: syncSessionsUseCases({
      credentials: syncCredentials,
      hasher: passwordHasher,
      tokens: randomSessionTokens,
      rateLimiter,
      clock,
      configured: firstSyncCredential,
      sessionSeconds: config.dvcqgSync.sessionSeconds,
      limits: syncLoginLimits,
    }),
    syncDialect: syncDialectUseCases({
      dossiers: ingestDossiers,
      clock,
      applyEvent,
      // A dialect event's id is its content (dossier, status, time): a step resent with another note or with the
      // dossier's details is the same fact, a duplicate, never "an id reused with a different payload".
      hashEvent: (event) => createHash("sha256").update(event.eventId).digest("base64url"),
    }),
    /** For the seed and the admin routes: the dialect's credentials as stored. */
    syncCredentials,
    detectLateDossiers: detectLateDossiersUseCase({ lateDossiers, clock, ids: randomIds, ...config.lateDossiers }),
    listLateDossiers: listLateDossiersUseCase({ lateDossiers, clock }),
    listAgenciesInScope: listAgenciesInScopeUseCase({ directory: agencyDirectory }),
    adminAnnouncements: adminAnnouncementsUseCases({ fanouts, announcements, audit: auditLog, clock, ids: randomIds }),
    fanOutStep: fanOutStepUseCase({
      fanouts,
      announcements,
      citizens,
      clock,
      pageSize: overrides.fanoutPageSize ?? maxFanoutPageSize,
    }),
    /** For the outbox waker: running fan-outs not advanced for `fanoutStallMs` get their next page. */
    nudgeStalledFanouts: nudgeStalledFanoutsUseCase({ fanouts, stallMs: fanoutStallMs }),
    getDossierRating: getDossierRatingUseCase(ratingDeps),
    rateDossier: rateDossierUseCase(ratingDeps),
    listRatingsFeed: listRatingsFeedUseCase({ ratings, clock, settleSeconds: config.ratingsFeedSettleSeconds }),
    allowFeedbackWrite: limitFeedbackWritesUseCase({
      rateLimiter,
      clock,
      limits: { perMinute: config.rateLimits.feedbackPerMinute, perHour: config.rateLimits.feedbackPerHour },
    }),
    submitFeedback: submitFeedbackUseCase(feedbackDeps),
    listMyFeedback: listMyFeedbackUseCase(feedbackDeps),
    getFeedbackThread: getFeedbackThreadUseCase(feedbackDeps),
    addFeedbackMessage: addFeedbackMessageUseCase(feedbackDeps),
    markFeedbackAnswerHelpful: markFeedbackAnswerHelpfulUseCase(feedbackDeps),
    replyToFeedback,
    feedbackInbox: feedbackInboxUseCases({ ...feedbackDeps, audit: auditLog, replyToFeedback }),
    deliveryLog: deliveryLogUseCases({ outbox, audit: auditLog, clock }),
    countDeliveryStates: countDeliveryStatesUseCase({
      census: new DynamoDbOutboxStateCensus(documentClient, config.tableName),
      maxPerPartition: deliveryStateCountMax,
    }),
    /** Today's quota per send channel (staff's delivery log) and the share kept for dossier messages. */
    sendQuota,
    /** For the OA webhook: a citizen's text in the OA chat joins their open thread. */
    receiveCitizenChatMessage,
    listAnnouncements: listAnnouncementsUseCase({ announcements }),
    getAnnouncement: getAnnouncementUseCase({ announcements }),
    /** For the admin announcement route and the seed. */
    publishAnnouncement: (announcement: Parameters<DynamoDbAnnouncementRepository["publish"]>[0]) => announcements.publish(announcement),
    searchProcedures: catalogue.search,
    updateProcedures: catalogue.update,
    clock,
    log,
    receiptSigner,
    zaloGraph,
    staffZaloGraph,
    zaloGraphUncached,
    get ingestSecrets() {
      return config.ingestSecrets;
    },
    miniAppUrl: `https://zalo.me/s/${encodeURIComponent(config.miniAppId)}/`,
    ingestDossierEvents: ingestDossierEventsUseCase(applyEvent),
    deliverNotification,
    currentOaToken: () => oaTokens.current(),
    notifyConcurrency: config.notify.concurrency,
    wakeDueOutbox: (now: Date, limit: number) => outbox.wakeDue(now, limit),
    webhook: {
      appId: config.zaloAppId,
      get appSecret() {
        return config.zaloAppSecret;
      },
      get oaSecretKey() {
        return config.zalo.oaSecretKey;
      },
      macFirstTerm: config.zalo.webhookMacFirstTerm,
      macKey: config.zalo.webhookMacKey,
      clock,
      maxAgeSeconds: config.zaloWebhookMaxAgeSeconds,
      log,
      handleEvent: handleZaloWebhookEventUseCase({
        citizens,
        inbox: new DynamoDbWebhookInbox(documentClient, config.tableName),
        clock,
        onCitizenText: receiveCitizenChatMessage,
        reach,
        outbox,
      }),
    },
    ratingReports: ratingReportsUseCases({ ratings, audit: auditLog, clock }),
    ratingsCsvMaxBytes: config.ratingsCsvMaxBytes,
    reachReports: reachReportUseCases({ reach }),
    staffAccess: staffAccessUseCases({
      staff: staffRepository,
      dossiers,
      audit: auditLog,
      receiptSigner,
      clock,
      firstAdminZaloAppUserId: config.firstAdminZaloAppUserId,
    }),
    lookUpDossier: lookUpDossierUseCase({
      dossiers,
      isDossierOwner,
      rateLimiter,
      clock,
      limits: config.rateLimits,
      reach,
    }),
    verifyPhone: verifyPhoneUseCase({ phoneExchange, citizens: citizenProfiles, clock }),
    getMyProfile: getMyProfileUseCase({ citizens, staff: staffRepository, clock, firstAdminZaloAppUserId: config.firstAdminZaloAppUserId }),
    listMyDossiers: listMyDossiersUseCase({ dossiers, citizens, clock }),
    withdrawPhoneConsent: withdrawPhoneConsentUseCase({ citizens: citizenProfiles, clock }),
    setAnnouncementSubscription: setAnnouncementSubscriptionUseCase({ citizens, clock }),
  };
}

export type Dependencies = ReturnType<typeof composeDependencies>;

/** One pause write per announcement and day per instance: thousands of its messages meet the same reserve. */
function pauseOncePerDay(markPaused: (announcementId: string, until: Date) => Promise<void>) {
  const done = new Set<string>();
  return async (announcementId: string, until: Date) => {
    const key = `${announcementId}#${until.toISOString()}`;
    if (done.has(key)) return;
    await markPaused(announcementId, until);
    done.add(key);
  };
}

/** Builds a value the first time it is asked for (an adapter that holds a secret). */
function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
