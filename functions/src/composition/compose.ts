import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HmacPhoneHasher } from "../adapters/crypto/hmac-phone-hasher.js";
import { HmacReceiptSigner } from "../adapters/crypto/hmac-receipt-signer.js";
import { createDocumentClient } from "../adapters/dynamodb/document-client.js";
import { DynamoDbDossierRepository } from "../adapters/dynamodb/dynamodb-dossier-repository.js";
import { DynamoDbAuditLog } from "../adapters/dynamodb/dynamodb-audit-log.js";
import { DynamoDbRateLimiter } from "../adapters/dynamodb/dynamodb-rate-limiter.js";
import { DynamoDbStaffRepository } from "../adapters/dynamodb/dynamodb-staff-repository.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { systemClock } from "../adapters/system/system-clock.js";
import { CachedZaloGraph } from "../adapters/zalo/cached-zalo-graph.js";
import { ZaloGraphClient } from "../adapters/zalo/zalo-graph-client.js";
import type { Config } from "../config/config.js";
import type { Clock } from "../ports/clock.js";
import { applyDossierEventUseCase } from "../use-cases/apply-dossier-event.js";
import { ingestDossierEventsUseCase } from "../use-cases/ingest-dossier-events.js";
import { lookUpDossierUseCase } from "../use-cases/look-up-dossier.js";
import { staffAccessUseCases } from "../use-cases/staff-access.js";

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
  return {
    clock,
    receiptSigner,
    zaloGraph,
    ingestSecrets: config.ingestSecrets,
    miniAppUrl: `https://zalo.me/s/${encodeURIComponent(config.miniAppId)}/`,
    ingestDossierEvents: ingestDossierEventsUseCase(applyEvent),
    lookUpDossier: lookUpDossierUseCase({ dossiers, rateLimiter, receiptSigner, clock, limits: config.rateLimits }),
    staffAccess: staffAccessUseCases({
      staff: new DynamoDbStaffRepository(documentClient, config.tableName),
      dossiers,
      audit: new DynamoDbAuditLog(documentClient, config.tableName),
      receiptSigner,
      clock,
      firstAdminZaloAppUserId: config.firstAdminZaloAppUserId,
    }),
  };
}

export type Dependencies = ReturnType<typeof composeDependencies>;
