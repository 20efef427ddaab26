import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { HmacPhoneHasher } from "@motcua/functions/adapters/crypto/hmac-phone-hasher";
import { createDocumentClient } from "@motcua/functions/adapters/dynamodb/document-client";
import { DynamoDbDossierRepository } from "@motcua/functions/adapters/dynamodb/dynamodb-dossier-repository";
import { DynamoDbRatingRepository } from "@motcua/functions/adapters/dynamodb/dynamodb-rating-repository";
import { Table } from "@motcua/functions/adapters/dynamodb/table";
import type { Config } from "@motcua/functions/config/config";
import type { RatingInput } from "@motcua/functions/domain/rating";
import { rateDossierUseCase, type RateDossierResult } from "@motcua/functions/use-cases/rate-dossier";

export interface BackdatedRating {
  code: string;
  rating: RatingInput;
  at: Date;
}

/**
 * Dev only (the seed and integration tests): a rating as the dossier's owner would have given it at a past time,
 * through the real use case and tables. No route backdates a rating or rates without the owner's Zalo session.
 */
export function backdatedRatings(config: Config, dynamoDbClient?: DynamoDBClient): (request: BackdatedRating) => Promise<RateDossierResult> {
  const table = new Table(createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint }, dynamoDbClient), config.tableName);
  const dossiers = new DynamoDbDossierRepository(table, new HmacPhoneHasher(config.phoneHmacKey));
  const ratings = new DynamoDbRatingRepository(table);
  return (request) =>
    rateDossierUseCase({ dossiers, ratings, isDossierOwner: async () => true, clock: { now: () => request.at } })({
      code: request.code,
      rating: request.rating,
      zaloAppUserId: "seed",
      receiptSignature: undefined,
    });
}
