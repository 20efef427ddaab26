import { randomToken, randomZaloUserId } from "./ids.js";

export type EmulatedUser = {
  zaloAppUserId: string;
  zaloOaUserId: string;
  name: string;
  /** 84… form, or undefined for a user created without one. */
  phone: string | undefined;
  follower: boolean;
  createdAt: number;
  /** Last follow or message to the OA: CS messages are allowed for 7 days after it. */
  lastInteractionAt: number;
};

/** The two send channels that have a daily quota: template by Zalo UID (OA) and template by phone (ZNS). */
export type QuotaChannel = "oa" | "zns";
/** 2026 defaults: a new OA gets 20,000 template messages a day; the phone channel's is kept large for demos. */
export const defaultDailyQuota: Record<QuotaChannel, number> = { oa: 20_000, zns: 500_000 };
export type DailyQuotaReport = { dailyQuota: number; remainingQuota: number };

export type FaultEffect = { error: number } | { httpStatus: number } | { delayMs: number } | { answerDelayMs: number };
export type Fault = { remaining: number; ratio?: number; effect: FaultEffect };

/** A message the emulator accepted on an OA or ZNS send endpoint, as `GET /_emulator/messages` shows it. */
export type AcceptedMessage = {
  channel: "oa_cs" | "oa_template" | "zns";
  /** zaloOaUserId for OA channels, 84… phone for ZNS. */
  recipient: string;
  /** Where a template message by UID carried the user id (the 2026 body's shape is still open). */
  uidBody?: "user_id" | "recipient";
  templateId?: string;
  templateData?: Record<string, unknown>;
  text?: string;
  trackingId?: string;
  messageId: string;
  sentAt: number;
};

type PhoneToken = { zaloAppUserId: string; expiresAt: number; used: boolean };

type OaTokenPair = { accessToken: string; refreshToken: string; expiresInSeconds: number };

/** Zalo: the getPhoneNumber token lasts 2 minutes and is single-use. */
export const phoneTokenLifetimeMs = 2 * 60 * 1000;
/** Zalo OAuth v4: OA access token 25 h, refresh token about 3 months. */
export const oaAccessTokenLifetimeSeconds = 90_000;
export const oaRefreshTokenLifetimeMs = 90 * 24 * 60 * 60 * 1000;

export type PhoneTokenRedemption =
  | { ok: true; phone: string }
  | { ok: false; reason: "unknown" | "used" | "expired" | "other-user" | "no-phone" };

export class UserExistsError extends Error {}

/** Everything the emulator knows, in memory; `reset()` returns it to empty. */
export class EmulatorState {
  private readonly users = new Map<string, EmulatedUser>();
  private readonly accessTokens = new Map<string, string>();
  private readonly phoneTokens = new Map<string, PhoneToken>();
  private readonly oaAccessTokens = new Map<string, number>();
  private readonly oaRefreshTokens = new Map<string, number>();
  private readonly messages: AcceptedMessage[] = [];

  /**
   * `seededOaRefreshToken` comes from configuration; `reset()` restores it, so a test run that resets
   * between cases can start every OA token chain from the configured value.
   */
  constructor(
    private readonly now: () => number,
    private readonly seededOaRefreshToken?: string,
  ) {
    this.reset();
  }

  reset(): void {
    this.users.clear();
    this.accessTokens.clear();
    this.phoneTokens.clear();
    this.oaAccessTokens.clear();
    this.oaRefreshTokens.clear();
    this.messages.length = 0;
    this.faults.length = 0;
    this.recentSends.length = 0;
    this.sendQuotaPerSecond = null;
    this.quotaRefusals = 0;
    this.dailyQuota = { ...defaultDailyQuota };
    this.dailyUsed = { oa: 0, zns: 0 };
    this.daysMovedOn = 0;
    this.usageDay = this.currentDay();
    if (this.seededOaRefreshToken) this.addOaRefreshToken(this.seededOaRefreshToken);
  }

  recordMessage(message: Omit<AcceptedMessage, "messageId" | "sentAt">): AcceptedMessage {
    const accepted = { ...message, messageId: randomToken(16), sentAt: this.now() };
    this.messages.push(accepted);
    return accepted;
  }

  /** Answers to the next send calls: an error code, an HTTP status, or a delay (after which the call goes through). */
  readonly faults: Fault[] = [];
  /** Accepted sends per rolling second; beyond it a send answers -32. Null: no limit. */
  sendQuotaPerSecond: number | null = null;
  /** Send calls answered -32 because the rolling second was full (benchmarks report it). */
  quotaRefusals = 0;
  private readonly recentSends: number[] = [];

  /**
   * The fault for this send call, if one is queued or the random ratio picks it. While the first fault is a
   * ratio fault, every ratio fault in the list takes its share of one draw (0.04 + 0.03 + 0.03: 10% of calls,
   * mixed), so a load test can mix kinds of faults.
   */
  takeFault(random: () => number = Math.random): FaultEffect | undefined {
    const fault = this.faults[0];
    if (!fault) return undefined;
    if (fault.ratio !== undefined) {
      const draw = random();
      let upTo = 0;
      for (const candidate of this.faults) {
        if (candidate.ratio === undefined) continue;
        upTo += candidate.ratio;
        if (draw < upTo) return candidate.effect;
      }
      return undefined;
    }
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.shift();
    return fault.effect;
  }

  /** Counts a send against the quota; false when the rolling second is full. */
  admitSend(): boolean {
    if (this.sendQuotaPerSecond === null) return true;
    const now = this.now();
    while (this.recentSends.length > 0 && this.recentSends[0]! <= now - 1000) this.recentSends.shift();
    if (this.recentSends.length >= this.sendQuotaPerSecond) {
      this.quotaRefusals += 1;
      return false;
    }
    this.recentSends.push(now);
    return true;
  }

  /** Template messages a day per channel (Zalo moves it by quality); past it a send answers -211 (OA) or -144 (ZNS). */
  dailyQuota: Record<QuotaChannel, number> = { ...defaultDailyQuota };
  private dailyUsed: Record<QuotaChannel, number> = { oa: 0, zns: 0 };
  /** Days moved on by the control (tests cannot wait for Vietnam midnight). */
  private daysMovedOn = 0;
  private usageDay = "";

  /** The quota day: the Vietnam date of the emulator's clock, moved on by the control. */
  private currentDay(): string {
    return `${new Date(this.now() + 7 * 3_600_000).toISOString().slice(0, 10)}+${this.daysMovedOn}`;
  }

  private usage(): Record<QuotaChannel, number> {
    const day = this.currentDay();
    if (day !== this.usageDay) {
      this.usageDay = day;
      this.dailyUsed = { oa: 0, zns: 0 };
    }
    return this.dailyUsed;
  }

  /** Counts one accepted message against the day's quota; null (nothing counted) when the day's quota is spent. */
  spendDailyQuota(channel: QuotaChannel): DailyQuotaReport | null {
    const used = this.usage();
    if (used[channel] >= this.dailyQuota[channel]) return null;
    used[channel] += 1;
    return { dailyQuota: this.dailyQuota[channel], remainingQuota: this.dailyQuota[channel] - used[channel] };
  }

  /** Sets how much of today's quota is already spent (a test starts a day part-way through). */
  setUsedToday(channel: QuotaChannel, used: number): void {
    this.usage()[channel] = used;
  }

  dailyQuotaReport(channel: QuotaChannel): DailyQuotaReport {
    return { dailyQuota: this.dailyQuota[channel], remainingQuota: Math.max(0, this.dailyQuota[channel] - this.usage()[channel]) };
  }

  /** Starts the next quota day now (every channel's quota is whole again). */
  moveToNextDay(): string {
    this.daysMovedOn += 1;
    this.usage();
    return this.usageDay;
  }

  /** Makes every OA access token issued so far expired (as after 25 h). */
  expireOaAccessTokens(): number {
    const count = this.oaAccessTokens.size;
    for (const token of this.oaAccessTokens.keys()) this.oaAccessTokens.set(token, 0);
    return count;
  }

  findUserByOaId(zaloOaUserId: string): EmulatedUser | undefined {
    return [...this.users.values()].find((user) => user.zaloOaUserId === zaloOaUserId);
  }

  /** Oldest first, newest last. */
  listMessages(): AcceptedMessage[] {
    return [...this.messages];
  }

  createUser(input: {
    name: string;
    phone?: string;
    follower?: boolean;
    zaloAppUserId?: string;
    zaloOaUserId?: string;
  }): EmulatedUser {
    const zaloAppUserId = input.zaloAppUserId ?? this.freshUserId();
    if (this.users.has(zaloAppUserId)) throw new UserExistsError(`User ${zaloAppUserId} already exists`);
    const zaloOaUserId = input.zaloOaUserId ?? this.freshUserId(zaloAppUserId);
    const user: EmulatedUser = {
      zaloAppUserId,
      zaloOaUserId,
      name: input.name,
      phone: input.phone,
      follower: input.follower ?? false,
      createdAt: this.now(),
      lastInteractionAt: this.now(),
    };
    this.users.set(zaloAppUserId, user);
    return user;
  }

  listUsers(): EmulatedUser[] {
    return [...this.users.values()];
  }

  findUser(zaloAppUserId: string): EmulatedUser | undefined {
    return this.users.get(zaloAppUserId);
  }

  setFollower(zaloAppUserId: string, follower: boolean): EmulatedUser | undefined {
    const user = this.users.get(zaloAppUserId);
    if (user) user.follower = follower;
    return user;
  }

  issueAccessToken(zaloAppUserId: string): string {
    const token = randomToken();
    this.accessTokens.set(token, zaloAppUserId);
    return token;
  }

  /** Returns whether the token existed. */
  revokeAccessToken(token: string): boolean {
    return this.accessTokens.delete(token);
  }

  accessTokensOf(zaloAppUserId: string): string[] {
    return [...this.accessTokens].filter(([, owner]) => owner === zaloAppUserId).map(([token]) => token);
  }

  userByAccessToken(token: string | undefined): EmulatedUser | undefined {
    if (!token) return undefined;
    const zaloAppUserId = this.accessTokens.get(token);
    return zaloAppUserId === undefined ? undefined : this.users.get(zaloAppUserId);
  }

  issuePhoneToken(zaloAppUserId: string): string {
    const token = randomToken(24);
    this.phoneTokens.set(token, { zaloAppUserId, expiresAt: this.now() + phoneTokenLifetimeMs, used: false });
    return token;
  }

  /** Consumes the token only on success, so a failed attempt (wrong user) does not burn it. */
  redeemPhoneToken(token: string, user: EmulatedUser): PhoneTokenRedemption {
    const entry = this.phoneTokens.get(token);
    if (!entry) return { ok: false, reason: "unknown" };
    if (entry.used) return { ok: false, reason: "used" };
    if (this.now() >= entry.expiresAt) return { ok: false, reason: "expired" };
    if (entry.zaloAppUserId !== user.zaloAppUserId) return { ok: false, reason: "other-user" };
    if (!user.phone) return { ok: false, reason: "no-phone" };
    entry.used = true;
    return { ok: true, phone: user.phone };
  }

  issueOaTokenPair(): OaTokenPair {
    const accessToken = randomToken();
    const refreshToken = randomToken();
    this.oaAccessTokens.set(accessToken, this.now() + oaAccessTokenLifetimeSeconds * 1000);
    this.oaRefreshTokens.set(refreshToken, this.now() + oaRefreshTokenLifetimeMs);
    return { accessToken, refreshToken, expiresInSeconds: oaAccessTokenLifetimeSeconds };
  }

  private addOaRefreshToken(refreshToken: string): void {
    this.oaRefreshTokens.set(refreshToken, this.now() + oaRefreshTokenLifetimeMs);
  }

  /** Single-use and rotating, as Zalo's: the old refresh token dies with this call. */
  rotateOaRefreshToken(refreshToken: string): OaTokenPair | undefined {
    const expiresAt = this.oaRefreshTokens.get(refreshToken);
    if (expiresAt === undefined) return undefined;
    this.oaRefreshTokens.delete(refreshToken);
    if (this.now() >= expiresAt) return undefined;
    return this.issueOaTokenPair();
  }

  isOaAccessTokenValid(token: string | undefined): boolean {
    const expiresAt = token === undefined ? undefined : this.oaAccessTokens.get(token);
    return expiresAt !== undefined && this.now() < expiresAt;
  }

  private freshUserId(avoid?: string): string {
    for (;;) {
      const id = randomZaloUserId();
      if (id !== avoid && !this.users.has(id)) return id;
    }
  }
}
