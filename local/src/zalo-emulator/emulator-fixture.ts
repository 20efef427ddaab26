import { afterAll, beforeAll } from "vitest";
import type { ZaloEmulator } from "./server.js";
import { startZaloEmulator } from "./server.js";

export const fixtureConfig = {
  appId: "1000000000000000001",
  appSecret: "test-app-secret",
  oaId: "2000000000000000002",
  oaSecretKey: "test-oa-secret-key",
  oaRefreshToken: "seeded-refresh-token",
} as const;

/** A running emulator on a random port with a clock the test moves by hand. */
export type EmulatorFixture = {
  emulator: ZaloEmulator;
  advanceClock(ms: number): void;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  createUser(body?: Record<string, unknown>): Promise<CreatedUser>;
  /** An OA access token, as the OAuth route would issue it. */
  issueOaAccessToken(): Promise<string>;
  /** A one-time phone token for the user of `accessToken`, as the Mini App's getPhoneNumber gives it. */
  issuePhoneToken(accessToken: string): Promise<string>;
};

export type CreatedUser = {
  zaloAppUserId: string;
  zaloOaUserId: string;
  accessToken: string;
  name: string;
  phone: string | null;
  follower: boolean;
};

export async function startEmulatorFixture(): Promise<EmulatorFixture> {
  let clock = Date.UTC(2026, 2, 1, 8, 0, 0);
  const emulator = await startZaloEmulator({ port: 0, ...fixtureConfig, now: () => clock });
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${emulator.url}${path}`, { headers });
  return {
    emulator,
    advanceClock: (ms) => {
      clock += ms;
    },
    post,
    get,
    createUser: async (body = {}) => {
      const response = await post("/_emulator/users", { name: "Nguyễn Văn An", phone: "0912345678", ...body });
      if (response.status !== 201) throw new Error(`createUser failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as CreatedUser;
    },
    issueOaAccessToken: async () => {
      const response = await post("/_emulator/oa-tokens", {});
      if (response.status !== 201) throw new Error(`issueOaAccessToken failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
    issuePhoneToken: async (accessToken) => {
      const response = await post("/_emulator/phone-tokens", { accessToken });
      if (response.status !== 201) throw new Error(`issuePhoneToken failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { token: string }).token;
    },
  };
}

/**
 * One emulator for the calling test file: started before its tests, closed after them. The object answers
 * once the tests run (not at module load).
 */
export function emulatorForThisFile(): EmulatorFixture {
  let started: EmulatorFixture | undefined;
  beforeAll(async () => {
    started = await startEmulatorFixture();
  });
  afterAll(() => started?.emulator.close());
  const current = () => {
    if (!started) throw new Error("the emulator starts in beforeAll; use it inside a test or hook");
    return started;
  };
  return {
    get emulator() {
      return current().emulator;
    },
    advanceClock: (ms) => current().advanceClock(ms),
    post: (path, body, headers) => current().post(path, body, headers),
    get: (path, headers) => current().get(path, headers),
    createUser: (body) => current().createUser(body),
    issueOaAccessToken: () => current().issueOaAccessToken(),
    issuePhoneToken: (accessToken) => current().issuePhoneToken(accessToken),
  };
}
