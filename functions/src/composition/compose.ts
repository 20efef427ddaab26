import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { DynamoDbCitizenRepository } from "../adapters/dynamodb/dynamodb-citizen-repository.js";
import { DynamoDbDossierRepository } from "../adapters/dynamodb/dynamodb-dossier-repository.js";
import { DynamoDbRateLimiter } from "../adapters/dynamodb/dynamodb-rate-limiter.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { systemClock } from "../adapters/system/system-clock.js";
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
import { verifyPhoneUseCase } from "../use-cases/verify-phone.js";
import { withdrawPhoneConsentUseCase } from "../use-cases/withdraw-phone-consent.js";

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
  const citizens = new DynamoDbCitizenRepository(documentClient, config.tableName, phoneHasher);
  const fetchOverride = overrides.fetch ? { fetch: overrides.fetch } : {};
  const zaloGraphUncached = new ZaloGraphClient({
    baseUrl: config.zaloGraphBaseUrl,
    appSecret: config.zaloAppSecret,
    sendAppSecretProof: config.zaloSendAppSecretProof,
    ...fetchOverride,
  });
  const zaloGraph = new CachedZaloGraph(zaloGraphUncached, clock, config.tokenCacheSeconds);
  const phoneExchange = new ZaloPhoneExchangeClient({
    baseUrl: config.zaloGraphBaseUrl,
    appSecret: config.zaloAppSecret,
    ...fetchOverride,
  });
  const applyEvent = applyDossierEventUseCase({ dossiers, clock, ids: randomIds });
  return {
    clock,
    receiptSigner,
    zaloGraph,
    zaloGraphUncached,
    ingestSecrets: config.ingestSecrets,
    ingestDossierEvents: ingestDossierEventsUseCase(applyEvent),
    lookUpDossier: lookUpDossierUseCase({ dossiers, citizens, rateLimiter, receiptSigner, clock, limits: config.rateLimits }),
    verifyPhone: verifyPhoneUseCase({ phoneExchange, citizens, clock }),
    getMyProfile: getMyProfileUseCase({ citizens, clock }),
    listMyDossiers: listMyDossiersUseCase({ dossiers, citizens, clock }),
    withdrawPhoneConsent: withdrawPhoneConsentUseCase({ citizens, clock }),
  };
}

export type Dependencies = ReturnType<typeof composeDependencies>;
