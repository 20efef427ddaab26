import { decodeNotifyStreamRecord } from "../adapters/dynamodb/notify-stream.js";
import { randomIds } from "../adapters/system/random-ids.js";
import { fanoutStallMs, maxFanoutPageSize } from "../domain/announcement-fanout.js";
import { buildLateDossiersHandler, type LateDossiersHandlerDeps } from "../handlers/late-dossiers.handler.js";
import { buildNotifyHandler } from "../handlers/notify.handler.js";
import { buildOaTokenRefreshHandler } from "../handlers/oa-token-refresh.handler.js";
import { buildWakeOutboxHandler } from "../handlers/wake-outbox.handler.js";
import type { Clock } from "../ports/clock.js";
import { fanOutStepUseCase, nudgeStalledFanoutsUseCase } from "../use-cases/announcement-fanout.js";
import { detectLateDossiersUseCase } from "../use-cases/late-dossiers.js";
import type { Base } from "./parts/base.js";
import { deliverNotificationOf, oaTokensOf } from "./parts/notification-parts.js";
import { announcementsOf, citizensOf, fanoutsOf, lateDossierRepositoryOf, outboxOf } from "./parts/repository-parts.js";

/** Items woken per run of the waker (one Query page). */
const wakeBatch = 100;

/** What the notify function calls: delivery of one outbox item and the next page of an announcement's fan-out. */
export function notifyFunctionDeps(base: Base) {
  return {
    deliverNotification: deliverNotificationOf(base),
    clock: base.clock,
    log: base.log,
    notifyConcurrency: base.config.notify.concurrency,
    fanOutStep: fanOutStepUseCase({
      fanouts: fanoutsOf(base),
      announcements: announcementsOf(base),
      citizens: citizensOf(base),
      clock: base.clock,
      pageSize: base.overrides.fanoutPageSize ?? maxFanoutPageSize,
    }),
  };
}

export function notifyHandlerFrom(deps: ReturnType<typeof notifyFunctionDeps>) {
  return buildNotifyHandler({
    decode: decodeNotifyStreamRecord,
    deliver: deps.deliverNotification,
    clock: deps.clock,
    concurrency: deps.notifyConcurrency,
    fanOutStep: deps.fanOutStep,
    log: deps.log,
  });
}

export function wakeOutboxFunctionDeps(base: Base) {
  const outbox = outboxOf(base);
  return {
    wakeDueOutbox: (now: Date, limit: number) => outbox.wakeDue(now, limit),
    /** Running fan-outs not advanced for `fanoutStallMs` get their next page. */
    nudgeStalledFanouts: nudgeStalledFanoutsUseCase({ fanouts: fanoutsOf(base), stallMs: fanoutStallMs }),
    clock: base.clock,
  };
}

export function wakeOutboxHandlerFrom(deps: { wakeDueOutbox: (now: Date, limit: number) => Promise<number>; nudgeStalledFanouts: (now: Date, limit: number) => Promise<number>; clock: Clock }) {
  return buildWakeOutboxHandler({ wakeDue: deps.wakeDueOutbox, nudgeStalledFanouts: deps.nudgeStalledFanouts, clock: deps.clock, limit: wakeBatch });
}

export function oaTokenRefreshFunctionDeps(base: Base) {
  const oaTokens = oaTokensOf(base);
  return { currentOaToken: () => oaTokens.current() };
}

export function oaTokenRefreshHandlerFrom(deps: { currentOaToken: () => Promise<string> }) {
  return buildOaTokenRefreshHandler({ currentOaToken: deps.currentOaToken });
}

export function lateDossiersFunctionDeps(base: Base) {
  return {
    detectLateDossiers: detectLateDossiersUseCase({ lateDossiers: lateDossierRepositoryOf(base), clock: base.clock, ids: randomIds, ...base.config.lateDossiers }),
    log: base.log,
  };
}

export function lateDossiersHandlerFrom(deps: LateDossiersHandlerDeps) {
  return buildLateDossiersHandler({ detectLateDossiers: deps.detectLateDossiers, log: deps.log });
}
