import { decodeNotifyStreamRecord } from "../adapters/dynamodb/notify-stream.js";
import { buildLateDossiersHandler } from "../handlers/late-dossiers.handler.js";
import { buildNotifyHandler } from "../handlers/notify.handler.js";
import { buildOaTokenRefreshHandler } from "../handlers/oa-token-refresh.handler.js";
import { buildWakeOutboxHandler } from "../handlers/wake-outbox.handler.js";
import type { Dependencies } from "./compose.js";

/** Items woken per run of the waker (one Query page). */
const wakeBatch = 100;

export function notifyHandlerFrom(deps: Dependencies) {
  return buildNotifyHandler({
    decode: decodeNotifyStreamRecord,
    deliver: deps.deliverNotification,
    clock: deps.clock,
    concurrency: deps.notifyConcurrency,
    fanOutStep: deps.fanOutStep,
    log: deps.log,
  });
}

export function wakeOutboxHandlerFrom(deps: Dependencies) {
  return buildWakeOutboxHandler({ wakeDue: deps.wakeDueOutbox, nudgeStalledFanouts: deps.nudgeStalledFanouts, clock: deps.clock, limit: wakeBatch });
}

export function oaTokenRefreshHandlerFrom(deps: Dependencies) {
  return buildOaTokenRefreshHandler({ currentOaToken: deps.currentOaToken });
}

export function lateDossiersHandlerFrom(deps: Dependencies) {
  return buildLateDossiersHandler({ detectLateDossiers: deps.detectLateDossiers, log: deps.log });
}
