import type { DynamoDbAnnouncementRepository } from "../adapters/dynamodb/dynamodb-announcement-repository.js";
import type { Config } from "../config/config.js";
import { adminFunctionDeps } from "./functions/admin-function.js";
import { apiFunctionDeps } from "./functions/api-function.js";
import { ingestFunctionDeps } from "./functions/ingest-function.js";
import { webhookFunctionDeps } from "./functions/webhook-function.js";
import { composeBase, type CompositionOverrides } from "./parts/base.js";
import { receiveCitizenChatMessageOf, replyToFeedbackOf } from "./parts/citizen-parts.js";
import { receiptSignerOf, staffZaloGraphOf, zaloGraphOf, zaloGraphUncachedOf } from "./parts/identity-parts.js";
import { announcementsOf, syncCredentialsOf } from "./parts/repository-parts.js";
import { lateDossiersFunctionDeps, notifyFunctionDeps, oaTokenRefreshFunctionDeps, wakeOutboxFunctionDeps } from "./stream-handlers.js";

export type { CompositionOverrides } from "./parts/base.js";

/**
 * Every function's dependencies over one SDK client, for the local stack and the tests that run several functions
 * in one process. Built from the same parts as each Lambda's own composition (functions/*-function.ts,
 * stream-handlers.ts), which builds only what its handler calls; a part asked for twice is the same instance.
 */
export function composeDependencies(config: Config, overrides: CompositionOverrides = {}) {
  const base = composeBase(config, overrides);
  const announcements = announcementsOf(base);
  return joinKeepingGetters(
    apiFunctionDeps(base),
    adminFunctionDeps(base),
    ingestFunctionDeps(base),
    webhookFunctionDeps(base),
    notifyFunctionDeps(base),
    wakeOutboxFunctionDeps(base),
    oaTokenRefreshFunctionDeps(base),
    lateDossiersFunctionDeps(base),
    {
      clock: base.clock,
      log: base.log,
      receiptSigner: receiptSignerOf(base),
      zaloGraph: zaloGraphOf(base),
      staffZaloGraph: staffZaloGraphOf(base),
      zaloGraphUncached: zaloGraphUncachedOf(base),
      replyToFeedback: replyToFeedbackOf(base),
      receiveCitizenChatMessage: receiveCitizenChatMessageOf(base),
      /** For the seed and the admin routes: the dialect's credentials as stored. */
      syncCredentials: syncCredentialsOf(base),
      /** For the seed. */
      publishAnnouncement: (announcement: Parameters<DynamoDbAnnouncementRepository["publish"]>[0]) => announcements.publish(announcement),
    },
  );
}

export type Dependencies = ReturnType<typeof composeDependencies>;

type Intersection<U> = (U extends unknown ? (part: U) => void : never) extends (part: infer I) => void ? I : never;

/** One object with every part's fields; a getter stays a getter, so a secret is still read on first use only. */
function joinKeepingGetters<Parts extends object[]>(...parts: Parts): Intersection<Parts[number]> {
  const joined = {};
  for (const part of parts) Object.defineProperties(joined, Object.getOwnPropertyDescriptors(part));
  return joined as Intersection<Parts[number]>;
}
