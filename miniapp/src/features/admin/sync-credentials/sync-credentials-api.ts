import type { ApiClient } from "../../../shared/api/api-client";
import { array, boolean, number, object, string } from "../../../shared/parse/json-shape";

export interface SyncCredential {
  username: string;
  unitPatterns: string[];
  statusOverrides: Record<string, number>;
  disabled: boolean;
  fromConfiguration: boolean;
  updatedAt: string;
}

export interface SyncCredentialDraft {
  username: string;
  unitPatterns: string[];
  statusOverrides: Record<string, number>;
}

function parseCredential(value: unknown, at: string): SyncCredential {
  const json = object(value, at);
  const overrides = object(json.statusOverrides, `${at}.statusOverrides`);
  return {
    username: string(json.username, `${at}.username`),
    unitPatterns: array(json.unitPatterns, `${at}.unitPatterns`).map((u, i) => string(u, `${at}.unitPatterns[${i}]`)),
    statusOverrides: Object.fromEntries(Object.entries(overrides).map(([code, status]) => [code, number(status, `${at}.statusOverrides.${code}`)])),
    disabled: boolean(json.disabled, `${at}.disabled`),
    fromConfiguration: json.fromConfiguration === true,
    updatedAt: string(json.updatedAt, `${at}.updatedAt`),
  };
}

function parseChange(body: unknown): { credential: SyncCredential; password: string | null } {
  const json = object(body, "body");
  return { credential: parseCredential(json.credential, "credential"), password: typeof json.password === "string" ? json.password : null };
}

export function fetchSyncCredentials(client: ApiClient, signal?: AbortSignal): Promise<SyncCredential[]> {
  return client.getJson("/v1/admin/sync-credentials", {
    ...(signal ? { signal } : {}),
    parse: (body) => array(object(body, "body").credentials, "credentials").map((c, i) => parseCredential(c, `credentials[${i}]`)),
  });
}

export function createSyncCredential(client: ApiClient, draft: SyncCredentialDraft) {
  return client.sendJson("POST", "/v1/admin/sync-credentials", { body: draft, parse: parseChange });
}

export function changeSyncCredential(client: ApiClient, username: string, change: "password" | "disable" | "enable") {
  return client.sendJson("POST", `/v1/admin/sync-credentials/${encodeURIComponent(username)}/${change}`, { parse: parseChange });
}

export const syncUsernamePattern = /^[A-Za-z0-9._@-]{3,64}$/u;
const unitPattern = /^[A-Za-z0-9.*]{1,64}$/u;

/** "000.00.*.H56, 000.00.00.G22" → the list, or null when one is not a unit code pattern. */
export function parseUnitPatterns(text: string): string[] | null {
  const units = text.split(",").map((u) => u.trim()).filter((u) => u.length > 0);
  return units.length > 0 && units.every((u) => unitPattern.test(u)) ? units : null;
}

/** "3=8, 8=3" → {"3": 8, "8": 3}, or null when a part is not code=1–10. */
export function parseStatusMap(text: string): Record<string, number> | null {
  const map: Record<string, number> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p.length > 0)) {
    const match = /^([A-Za-z0-9]{1,8})\s*=\s*(\d{1,2})$/u.exec(part);
    const status = match ? Number(match[2]) : 0;
    if (!match || status < 1 || status > 10) return null;
    map[match[1]!] = status;
  }
  return map;
}
