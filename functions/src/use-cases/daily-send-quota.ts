import { isWorthRecording, recordingStep, reservedForDossiers, vietnamDay, type QuotaReading } from "../domain/daily-quota.js";
import type { DeliveryChannel } from "../domain/outbox.js";
import type { QuotaReport } from "../domain/send-outcome.js";
import type { Clock } from "../ports/clock.js";
import type { Logger } from "../ports/logger.js";
import type { SendQuotaStore } from "../ports/send-quota-store.js";

export interface DailySendQuotaDeps {
  store: SendQuotaStore;
  clock: Clock;
  /** Share of the daily quota (percent) kept for dossier messages: announcements pause at it. */
  announcementReservePercent: number;
  /** How long a reading learnt from the table is trusted before it is read again (other senders spend too). */
  storeReadMs: number;
  /** Where a reading that could not be written is reported (the message it came with was already sent). */
  log?: Pick<Logger, "warn">;
}

export type SendPermission = { kind: "granted"; release: (report: SendReport) => Promise<void> } | { kind: "exhausted" } | { kind: "reserve" };

/** What the send answer said about the quota: a report, "exhausted" (a `quota_exhausted` failure), or nothing. */
export type SendReport = QuotaReport | "exhausted" | null;

interface ChannelState {
  latest: QuotaReading | null;
  recorded: QuotaReading | null;
  readFromStoreAt: number;
  inFlight: number;
}

/**
 * The day's quota per channel as this sender knows it: the latest answer (every send answer reports it), its own
 * sends still in flight, and the recorded reading of the other senders. Dossier messages may spend it all;
 * announcements stop where the remaining quota would fall below the reserve. A channel with no reading today
 * lets the send go (its answer brings one). Writes the reading only when worth it (domain/daily-quota.ts).
 */
export function dailySendQuota(deps: DailySendQuotaDeps) {
  const channels = new Map<DeliveryChannel, ChannelState>();
  const stateOf = (channel: DeliveryChannel): ChannelState => {
    let state = channels.get(channel);
    if (!state) {
      state = { latest: null, recorded: null, readFromStoreAt: Number.NEGATIVE_INFINITY, inFlight: 0 };
      channels.set(channel, state);
    }
    return state;
  };

  async function today(channel: DeliveryChannel): Promise<QuotaReading | null> {
    const state = stateOf(channel);
    const now = deps.clock.now();
    if (now.getTime() - state.readFromStoreAt >= deps.storeReadMs) {
      state.readFromStoreAt = now.getTime();
      const stored = await deps.store.get(channel);
      state.recorded = stored;
      if (stored && (!state.latest || lessOrNewer(stored, state.latest))) state.latest = stored;
    }
    return state.latest && state.latest.day === vietnamDay(now) ? state.latest : null;
  }

  async function observe(channel: DeliveryChannel, report: QuotaReport): Promise<void> {
    const state = stateOf(channel);
    const now = deps.clock.now();
    const reading: QuotaReading = { channel, day: vietnamDay(now), ...report, updatedAt: now.toISOString() };
    if (state.latest && !lessOrNewer(reading, state.latest)) return;
    state.latest = reading;
    if (isWorthRecording(state.recorded, reading, recordingStep(reading.dailyQuota))) {
      // The reading comes with a send that Zalo has answered: failing to write it must not lose that answer. Every
      // later answer brings a newer reading, written in its place.
      try {
        await deps.store.record(reading);
        state.recorded = reading;
      } catch (error) {
        deps.log?.warn("quota reading not recorded; a later send records a newer one", { channel, error: String(error) });
      }
    }
  }

  async function permit(channel: DeliveryChannel, priority: "dossier" | "announcement"): Promise<SendPermission> {
    const reading = await today(channel);
    const state = stateOf(channel);
    if (reading) {
      const available = reading.remainingQuota - state.inFlight;
      if (available <= 0) return { kind: "exhausted" };
      if (priority === "announcement" && available - 1 < reservedForDossiers(reading.dailyQuota, deps.announcementReservePercent)) {
        return { kind: "reserve" };
      }
    }
    state.inFlight += 1;
    let released = false;
    return {
      kind: "granted",
      release: async (report) => {
        if (released) return;
        released = true;
        state.inFlight -= 1;
        if (report === "exhausted") {
          const daily = reading?.dailyQuota ?? state.latest?.dailyQuota ?? 0;
          await observe(channel, { dailyQuota: daily, remainingQuota: 0 });
        } else if (report) {
          await observe(channel, report);
        }
      },
    };
  }

  /** Today's reading of each channel, null when nothing was sent on it today (for the staff's quota line). */
  async function readings(): Promise<Record<DeliveryChannel, QuotaReading | null>> {
    const day = vietnamDay(deps.clock.now());
    const [oa, zns] = await Promise.all([deps.store.get("oa_template"), deps.store.get("zns")]);
    return { oa_template: oa?.day === day ? oa : null, zns: zns?.day === day ? zns : null };
  }

  return { permit, readings, announcementReservePercent: deps.announcementReservePercent };
}

export type DailySendQuota = ReturnType<typeof dailySendQuota>;

/** Whether `candidate` should replace `current`: a later day, another daily quota, or less remaining. */
function lessOrNewer(candidate: QuotaReading, current: QuotaReading): boolean {
  if (candidate.day !== current.day) return candidate.day > current.day;
  return candidate.dailyQuota !== current.dailyQuota || candidate.remainingQuota < current.remainingQuota;
}
