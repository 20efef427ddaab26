import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { DynamoDbDossierRepository } from "../adapters/dynamodb/dynamodb-dossier-repository.js";
import { DynamoDbRateLimiter } from "../adapters/dynamodb/dynamodb-rate-limiter.js";
import { DynamoDbAnnouncementRepository } from "../adapters/dynamodb/dynamodb-announcement-repository.js";
import { DynamoDbCitizenRepository } from "../adapters/dynamodb/dynamodb-citizen-repository.js";
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
import { getFeedbackThreadUseCase, listMyFeedbackUseCase } from "../use-cases/read-feedback.js";
import { receiveCitizenChatMessageUseCase } from "../use-cases/receive-citizen-chat-message.js";
import { submitFeedbackUseCase } from "../use-cases/submit-feedback.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { systemClock } from "../adapters/system/system-clock.js";
import { CachedZaloGraph } from "../adapters/zalo/cached-zalo-graph.js";
import { ZaloGraphClient } from "../adapters/zalo/zalo-graph-client.js";
import type { Config } from "../config/config.js";
import type { Clock } from "../ports/clock.js";
import { applyDossierEventUseCase } from "../use-cases/apply-dossier-event.js";
import { ingestDossierEventsUseCase } from "../use-cases/ingest-dossier-events.js";
import { lookUpDossierUseCase } from "../use-cases/look-up-dossier.js";

/** Replaceable parts for benchmarks and tests of the whole wiring (an instrumented SDK client, a fixed clock). */
export interface CompositionOverrides {
  dynamoDbClient?: DynamoDBClient;
  clock?: Clock;
  fetch?: typeof fetch;
}

/** The only place that builds real adapters from configuration; one SDK client per process. */
export function composeDependencies(config: Config, overrides: CompositionOverrides = {}) {
  const clock = overrides.clock ?? systemClock;
  const documentClient = createDocumentClient(
    { region: config.region, endpoint: config.dynamodbEndpoint },
    overrides.dynamoDbClient,
  );
  const phoneHasher = new HmacPhoneHasher(config.phoneHmacKey);
  const receiptSigner = new HmacReceiptSigner(config.receiptKey, config.miniAppId);
  const dossiers = new DynamoDbDossierRepository(documentClient, config.tableName, phoneHasher);
  const rateLimiter = new DynamoDbRateLimiter(documentClient, config.tableName);
  const zaloGraph = new CachedZaloGraph(
    new ZaloGraphClient({
      baseUrl: config.zaloGraphBaseUrl,
      appSecret: config.zaloAppSecret,
      sendAppSecretProof: config.zaloSendAppSecretProof,
      ...(overrides.fetch ? { fetch: overrides.fetch } : {}),
    }),
    clock,
    config.tokenCacheSeconds,
  );
  const applyEvent = applyDossierEventUseCase({ dossiers, clock, ids: randomIds });
  const citizens = new DynamoDbCitizenRepository(documentClient, config.tableName, phoneHasher);
  const ratings = new DynamoDbRatingRepository(documentClient, config.tableName);
  const feedback = new DynamoDbFeedbackRepository(documentClient, config.tableName);
  const announcements = new DynamoDbAnnouncementRepository(documentClient, config.tableName);
  const isDossierOwner = isDossierOwnerCheck({ receiptSigner, citizens });
  const ratingDeps = { dossiers, ratings, isDossierOwner, clock };
  const feedbackDeps = { feedback, clock, ids: randomIds, calendar: holidayCalendar(config.holidays) };
  const catalogue = procedureCatalogue({
    procedures: new DynamoDbProcedureRepository(documentClient, config.tableName),
    clock,
    cacheSeconds: config.procedureCacheSeconds,
  });
  return {
    getDossierRating: getDossierRatingUseCase(ratingDeps),
    rateDossier: rateDossierUseCase(ratingDeps),
    listRatingsFeed: listRatingsFeedUseCase({ ratings, clock, settleSeconds: config.ratingsFeedSettleSeconds }),
    submitFeedback: submitFeedbackUseCase(feedbackDeps),
    listMyFeedback: listMyFeedbackUseCase(feedbackDeps),
    getFeedbackThread: getFeedbackThreadUseCase(feedbackDeps),
    addFeedbackMessage: addFeedbackMessageUseCase(feedbackDeps),
    markFeedbackAnswerHelpful: markFeedbackAnswerHelpfulUseCase(feedbackDeps),
    /** For the admin inbox (issue 6); the browser tests answer through it until then. */
    replyToFeedback: replyToFeedbackUseCase(feedbackDeps),
    /** For the OA webhook (issue 4): a citizen's text in the OA chat joins their open thread. */
    receiveCitizenChatMessage: receiveCitizenChatMessageUseCase(feedbackDeps),
    listAnnouncements: listAnnouncementsUseCase({ announcements }),
    getAnnouncement: getAnnouncementUseCase({ announcements }),
    /** For the admin route of issue 6 and the seed. */
    publishAnnouncement: (announcement: Parameters<DynamoDbAnnouncementRepository["publish"]>[0]) => announcements.publish(announcement),
    searchProcedures: catalogue.search,
    updateProcedures: catalogue.update,
    clock,
    receiptSigner,
    zaloGraph,
    ingestSecrets: config.ingestSecrets,
    ingestDossierEvents: ingestDossierEventsUseCase(applyEvent),
    lookUpDossier: lookUpDossierUseCase({ dossiers, rateLimiter, receiptSigner, clock, limits: config.rateLimits }),
  };
}

export type Dependencies = ReturnType<typeof composeDependencies>;
