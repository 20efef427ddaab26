import { setTimeout as sleep } from "node:timers/promises";
import { miniAppEntryUrl } from "@motcua/contracts/entry-link";
import { DynamoDbDeadLetterQueue } from "../../adapters/dynamodb/dynamodb-dead-letter-queue.js";
import { DynamoDbOaTokenStore } from "../../adapters/dynamodb/dynamodb-oa-token-store.js";
import { DynamoDbSendQuotaStore } from "../../adapters/dynamodb/dynamodb-send-quota-store.js";
import { sqsDeadLetterQueueOnFirstSend } from "../../adapters/sqs/sqs-dead-letter-queue-on-first-send.js";
import { randomIds } from "../../adapters/system/random-ids.js";
import { SlidingWindowPacer } from "../../adapters/system/sliding-window-pacer.js";
import { ZaloMessengerClient } from "../../adapters/zalo/zalo-messenger-client.js";
import { ZaloOAuthClient } from "../../adapters/zalo/zalo-oauth-client.js";
import type { DeadLetterQueue } from "../../ports/dead-letter-queue.js";
import { dailySendQuota } from "../../use-cases/daily-send-quota.js";
import { deliverNotificationUseCase } from "../../use-cases/deliver-notification.js";
import { oaAccessTokens } from "../../use-cases/oa-access-tokens.js";
import { shared, type Base } from "./base.js";
import { receiptSignerOf } from "./identity-parts.js";
import { citizensOf, fanoutsOf, outboxOf, reachOf } from "./repository-parts.js";

export function oaTokensOf(base: Base) {
  return shared(base, "oaTokensOf", ({ config, table, clock, log, fetchOverride }) =>
    oaAccessTokens({
      store: new DynamoDbOaTokenStore(table),
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
    }));
}

/** Today's quota per send channel (staff's delivery log) and the share kept for dossier messages. */
export function sendQuotaOf(base: Base) {
  return shared(base, "sendQuotaOf", ({ config, table, clock, log }) =>
    dailySendQuota({
      store: new DynamoDbSendQuotaStore(table),
      clock,
      announcementReservePercent: config.zalo.announcementQuotaReservePercent,
      storeReadMs: 60_000,
      log,
    }));
}

function deadLettersOf(base: Base) {
  return shared(base, "deadLettersOf", ({ config, table }): DeadLetterQueue =>
      config.notify.deadLetterQueueUrl
        ? sqsDeadLetterQueueOnFirstSend(config.region, config.notify.deadLetterQueueUrl)
        : new DynamoDbDeadLetterQueue(table),
  );
}

export function deliverNotificationOf(base: Base) {
  return shared(base, "deliverNotificationOf", (base) => {
    const { config, clock, log, fetchOverride, overrides } = base;
    const receiptSigner = receiptSignerOf(base);
    const fanouts = fanoutsOf(base);
    return deliverNotificationUseCase({
      outbox: outboxOf(base),
      citizens: citizensOf(base),
      messenger: new ZaloMessengerClient({
        oaBaseUrl: config.zalo.oaBaseUrl,
        znsBaseUrl: config.zalo.znsBaseUrl,
        timeoutMs: config.zalo.sendTimeoutMs,
        znsDevelopmentMode: config.zalo.znsDevelopmentMode,
        uidBodyShape: config.zalo.uidTemplateBody,
        ...fetchOverride,
      }),
      oaTokens: oaTokensOf(base),
      deadLetters: deadLettersOf(base),
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
      quota: sendQuotaOf(base),
      quotaWaitJitterMs: config.zalo.quotaWaitJitterSeconds * 1000,
      pauseAnnouncement: pauseOncePerDay((announcementId, until) => fanouts.markPaused(announcementId, until)),
      alarm: ({ message, ...fields }) => log.error(String(message), fields),
      reach: reachOf(base),
    });
  });
}

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
