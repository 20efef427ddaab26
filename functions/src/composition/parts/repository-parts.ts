import { DynamoDbAgencyDirectory } from "../../adapters/dynamodb/dynamodb-agency-directory.js";
import { DynamoDbAnnouncementFanoutRepository } from "../../adapters/dynamodb/dynamodb-announcement-fanout-repository.js";
import { DynamoDbAnnouncementRepository } from "../../adapters/dynamodb/dynamodb-announcement-repository.js";
import { DynamoDbAuditLog } from "../../adapters/dynamodb/dynamodb-audit-log.js";
import { DynamoDbCitizenRepository } from "../../adapters/dynamodb/dynamodb-citizen-repository.js";
import { DynamoDbDossierRepository } from "../../adapters/dynamodb/dynamodb-dossier-repository.js";
import { DynamoDbFeedbackRepository } from "../../adapters/dynamodb/dynamodb-feedback-repository.js";
import { DynamoDbLateDossierRepository } from "../../adapters/dynamodb/dynamodb-late-dossier-repository.js";
import { DynamoDbOutboxRepository } from "../../adapters/dynamodb/dynamodb-outbox-repository.js";
import { DynamoDbRateLimiter } from "../../adapters/dynamodb/dynamodb-rate-limiter.js";
import { DynamoDbRatingRepository } from "../../adapters/dynamodb/dynamodb-rating-repository.js";
import { DynamoDbReachRepository } from "../../adapters/dynamodb/dynamodb-reach-repository.js";
import { DynamoDbStaffRepository } from "../../adapters/dynamodb/dynamodb-staff-repository.js";
import { DynamoDbSyncCredentialRepository } from "../../adapters/dynamodb/dynamodb-sync-credential-repository.js";
import { shared, type Base } from "./base.js";
import { phoneHasherOf } from "./identity-parts.js";

// One repository per access-pattern group, each built on the process's one table. A function's bundle
// holds only the repositories its composition asks for (the package declares no import-time side effects).

export function dossiersOf(base: Base) {
  return shared(base, "dossiersOf", (base) => new DynamoDbDossierRepository(base.table, phoneHasherOf(base)));
}
export function citizensOf(base: Base) {
  return shared(base, "citizensOf", (base) => new DynamoDbCitizenRepository(base.table, phoneHasherOf(base)));
}
export function reachOf(base: Base) {
  return shared(base, "reachOf", (base) => new DynamoDbReachRepository(base.table, phoneHasherOf(base)));
}
export function rateLimiterOf(base: Base) {
  return shared(base, "rateLimiterOf", ({ table }) => new DynamoDbRateLimiter(table));
}
export function staffRepositoryOf(base: Base) {
  return shared(base, "staffRepositoryOf", ({ table }) => new DynamoDbStaffRepository(table));
}
export function outboxOf(base: Base) {
  return shared(base, "outboxOf", ({ table, config }) => new DynamoDbOutboxRepository(table, {
      sentRetentionDays: config.notify.sentRetentionDays,
      undeliverableRetentionDays: config.notify.undeliverableRetentionDays,
      sentAnnouncementRetentionDays: config.notify.sentAnnouncementRetentionDays,
    }),
  );
}
export function fanoutsOf(base: Base) {
  return shared(base, "fanoutsOf", ({ table }) => new DynamoDbAnnouncementFanoutRepository(table));
}
export function announcementsOf(base: Base) {
  return shared(base, "announcementsOf", ({ table }) => new DynamoDbAnnouncementRepository(table));
}
export function agencyDirectoryOf(base: Base) {
  return shared(base, "agencyDirectoryOf", ({ table }) => new DynamoDbAgencyDirectory(table));
}
export function ratingsOf(base: Base) {
  return shared(base, "ratingsOf", ({ table }) => new DynamoDbRatingRepository(table));
}
export function auditLogOf(base: Base) {
  return shared(base, "auditLogOf", ({ table }) => new DynamoDbAuditLog(table));
}
export function feedbackRepositoryOf(base: Base) {
  return shared(base, "feedbackRepositoryOf", ({ table }) => new DynamoDbFeedbackRepository(table));
}
export function lateDossierRepositoryOf(base: Base) {
  return shared(base, "lateDossierRepositoryOf", ({ table }) => new DynamoDbLateDossierRepository(table));
}
export function syncCredentialsOf(base: Base) {
  return shared(base, "syncCredentialsOf", ({ table }) => new DynamoDbSyncCredentialRepository(table));
}
