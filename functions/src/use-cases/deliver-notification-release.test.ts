import { describe, expect, it } from "vitest";
import { newCitizenProfile } from "../domain/citizen.js";
import type { OutboxItem } from "../domain/outbox.js";
import type { OutboxRepository } from "../ports/outbox-repository.js";
import { dailySendQuota } from "./daily-send-quota.js";
import { deliverNotificationUseCase, type DeliverNotificationDeps } from "./deliver-notification.js";

const now = new Date("2026-11-02T03:00:00Z");

const taken: OutboxItem = {
  id: "item-1",
  state: "sending",
  attempts: 0,
  createdAt: now.toISOString(),
  agencyCode: "000.00.20.H27",
  notification: {
    kind: "dossier_received",
    dossierCode: "000.00.20.H27-261102-0001",
    status: 2,
    procedureName: "Đăng ký khai sinh",
    dueAt: "2026-11-09T10:00:00.000Z",
    newDueAt: null,
    applicantPhone: "84912345678",
  },
  notBefore: null,
  leaseOwner: "owner-1",
  leaseUntil: new Date(now.getTime() + 60_000).toISOString(),
  channel: null,
  recipient: null,
  zaloMessageId: null,
  reason: null,
  finishedAt: null,
  updatedAt: now.toISOString(),
  manualRetries: 0,
  attemptStartedAt: now.toISOString(),
};

/** An outbox that hands out `taken` and records releases; the rest of the port is not reached in these cases. */
function recordingOutbox() {
  const released: Array<{ id: string; owner: string }> = [];
  const outbox = {
    acquire: async () => ({ kind: "acquired" as const, item: taken }),
    release: async (id: string, owner: string) => {
      released.push({ id, owner });
      return true;
    },
  } as unknown as OutboxRepository;
  return { outbox, released };
}

function depsWith(outbox: OutboxRepository, overrides: Partial<DeliverNotificationDeps>): DeliverNotificationDeps {
  return {
    outbox,
    citizens: {
      get: async () => null,
      findByVerifiedPhone: async () => [],
      recordFollowState: async () => undefined,
    } as unknown as DeliverNotificationDeps["citizens"],
    messenger: {
      sendZns: async () => ({ ok: true, messageId: "m-1" }),
      sendOaTemplate: async () => ({ ok: true, messageId: "m-1" }),
    } as unknown as DeliverNotificationDeps["messenger"],
    oaTokens: { current: async () => "token", afterRejected: async () => "token" } as unknown as DeliverNotificationDeps["oaTokens"],
    deadLetters: { send: async () => undefined } as unknown as DeliverNotificationDeps["deadLetters"],
    pacer: { wait: async () => undefined },
    clock: { now: () => now },
    ids: { newId: () => "owner-1" },
    sleep: async () => undefined,
    random: () => 0,
    links: { dossier: () => "https://zalo.me/s/1/?hs=x", feedbackThread: () => "", announcement: () => "" },
    templates: { oa: {}, zns: { dossier_update: "zns-1" } },
    retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1, inlineMaxMs: 1 },
    leaseMs: 60_000,
    quietHours: { start: "22:00", end: "06:00" } as unknown as DeliverNotificationDeps["quietHours"],
    quota: { permit: async () => ({ kind: "granted", release: async () => undefined }) } as unknown as DeliverNotificationDeps["quota"],
    quotaWaitJitterMs: 0,
    pauseAnnouncement: async () => undefined,
    alarm: () => undefined,
    ...overrides,
  };
}

describe("a sender that fails without dying", () => {
  it("gives the item back when it failed before any call to Zalo began (DynamoDB timed out choosing the route)", async () => {
    const { outbox, released } = recordingOutbox();
    const failingCitizens = { findByVerifiedPhone: async () => Promise.reject(new Error("DynamoDB timed out")), get: async () => null };
    const deliver = deliverNotificationUseCase(depsWith(outbox, { citizens: failingCitizens as unknown as DeliverNotificationDeps["citizens"] }));
    await expect(deliver("item-1")).rejects.toThrow("DynamoDB timed out");
    expect(released).toEqual([{ id: "item-1", owner: "owner-1" }]);
  });

  it("gives the item back, if it is its own, when the take itself failed (timed out, perhaps applied)", async () => {
    const { outbox, released } = recordingOutbox();
    const takeTimesOut = Object.assign(outbox, { acquire: async () => Promise.reject(new Error("DynamoDB timed out")) });
    const deliver = deliverNotificationUseCase(depsWith(takeTimesOut, {}));
    await expect(deliver("item-1")).rejects.toThrow("DynamoDB timed out");
    expect(released).toEqual([{ id: "item-1", owner: "owner-1" }]);
  });

  it("leaves the item marked as in doubt when the call to Zalo had begun and recording its answer kept timing out", async () => {
    const { outbox, released } = recordingOutbox();
    const sends: string[] = [];
    const messenger = {
      sendZns: async () => {
        sends.push("zns");
        return { ok: true, messageId: "m-1" };
      },
    };
    let finishes = 0;
    const finishFails = Object.assign(outbox, {
      finish: async () => {
        finishes += 1;
        throw new Error("DynamoDB timed out");
      },
    });
    const slept: number[] = [];
    const deliver = deliverNotificationUseCase(
      depsWith(finishFails, { messenger: messenger as unknown as DeliverNotificationDeps["messenger"], sleep: async (ms) => void slept.push(ms) }),
    );
    await expect(deliver("item-1")).rejects.toThrow("DynamoDB timed out");
    expect(sends).toEqual(["zns"]);
    expect(finishes).toBe(4);
    expect(slept).toEqual([500, 1_000, 2_000]);
    expect(released).toEqual([]);
  });

  it("records a sent message when writing Zalo's answer timed out and a later try went through", async () => {
    const { outbox, released } = recordingOutbox();
    const finishes: string[] = [];
    const finishFailsTwice = Object.assign(outbox, {
      finish: async (_id: string, _owner: string, _attempts: number, result: { state: string }) => {
        finishes.push(result.state);
        if (finishes.length <= 2) throw new Error("DynamoDB timed out");
        return true;
      },
    });
    const deliver = deliverNotificationUseCase(depsWith(finishFailsTwice, {}));
    expect(await deliver("item-1")).toBe("sent");
    expect(finishes).toEqual(["sent", "sent", "sent"]);
    expect(released).toEqual([]);
  });

  it("records the send when the day's quota reading could not be written", async () => {
    const { outbox } = recordingOutbox();
    const finished: string[] = [];
    const recording = Object.assign(outbox, {
      finish: async (_id: string, _owner: string, _attempts: number, result: { state: string }) => {
        finished.push(result.state);
        return true;
      },
    });
    const quota = dailySendQuota({
      store: { get: async () => null, record: async () => Promise.reject(new Error("DynamoDB timed out")) },
      clock: { now: () => now },
      announcementReservePercent: 30,
      storeReadMs: 60_000,
    });
    const messenger = { sendZns: async () => ({ ok: true, messageId: "m-1", quota: { dailyQuota: 1000, remainingQuota: 999 } }) };
    const deliver = deliverNotificationUseCase(depsWith(recording, { quota, messenger: messenger as unknown as DeliverNotificationDeps["messenger"] }));
    expect(await deliver("item-1")).toBe("sent");
    expect(finished).toEqual(["sent"]);
  });

  it("postpones a message Zalo refused for now (its quota spent) when writing the postponement timed out once", async () => {
    const { outbox } = recordingOutbox();
    const postponed: string[] = [];
    const postponeFailsOnce = Object.assign(outbox, {
      postpone: async (_id: string, _owner: string, _attempts: number, _notBefore: Date, reason: string) => {
        postponed.push(reason);
        if (postponed.length === 1) throw new Error("DynamoDB timed out");
        return true;
      },
    });
    const messenger = { sendZns: async () => ({ ok: false, failure: "quota_exhausted", code: -211, message: "quota", quota: null }) };
    const deliver = deliverNotificationUseCase(depsWith(postponeFailsOnce, { messenger: messenger as unknown as DeliverNotificationDeps["messenger"] }));
    expect(await deliver("item-1")).toBe("postponed");
    expect(postponed).toEqual(["daily_quota_exhausted", "daily_quota_exhausted"]);
  });

  it("falls back to the phone when the OA says the citizen left it, though recording that timed out once", async () => {
    const { outbox } = recordingOutbox();
    const finished: string[] = [];
    const recording = Object.assign(outbox, {
      finish: async (_id: string, _owner: string, _attempts: number, result: { state: string; channel: string | null }) => {
        finished.push(`${result.state} by ${String(result.channel)}`);
        return true;
      },
    });
    const follower = { ...newCitizenProfile("app-1", now.toISOString()), zaloOaUserId: "oa-1", isFollower: true, verifiedPhone: "84912345678" };
    const followStates: boolean[] = [];
    const citizens = {
      get: async () => null,
      findByVerifiedPhone: async () => [follower],
      recordFollowState: async (state: { isFollower: boolean }) => {
        followStates.push(state.isFollower);
        if (followStates.length === 1) throw new Error("DynamoDB timed out");
      },
    };
    const messenger = {
      sendOaTemplate: async () => ({ ok: false, failure: "not_a_follower", code: -213, message: "not a follower", quota: null }),
      sendZns: async () => ({ ok: true, messageId: "m-2", quota: null }),
    };
    const deliver = deliverNotificationUseCase(
      depsWith(recording, {
        citizens: citizens as unknown as DeliverNotificationDeps["citizens"],
        messenger: messenger as unknown as DeliverNotificationDeps["messenger"],
        templates: { oa: { dossier_update: "oa-1" }, zns: { dossier_update: "zns-1" } },
      }),
    );
    expect(await deliver("item-1")).toBe("sent");
    expect(followStates).toEqual([false, false]);
    expect(finished).toEqual(["sent by zns"]);
  });
});
