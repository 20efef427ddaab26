import { isDossierStatus, type DossierStatus } from "./dossier-status.js";

/**
 * A sending system's credential for the national sync dialect (one per province's one-stop system or vendor
 * instance): the units it may write and how its status codes read in the national list.
 */
export interface SyncCredential {
  username: string;
  /** A slow hash (scrypt), never the password. */
  passwordHash: string;
  /** Unit identifier codes it may write; `*` stands for any run of characters (`000.00.*.H56`, `*`). */
  unitPatterns: string[];
  /** The sender's codes that differ from the national 1–10 (e.g. `{"3": 8, "8": 3}`); other codes 1–10 read as is. */
  statusOverrides: Record<string, DossierStatus>;
  disabled: boolean;
  /**
   * Raised when the password is rotated or the credential disabled: a session issued under an older number is
   * refused, so a leaked session ends with the password that opened it. Absent means 0.
   */
  sessionGeneration?: number;
  createdAt: string;
  updatedAt: string;
}

export const syncUsernamePattern = /^[A-Za-z0-9._@-]{3,64}$/u;

export function unitAllowed(patterns: readonly string[], unitCode: string): boolean {
  const code = unitCode.toUpperCase();
  return patterns.some((pattern) => {
    const expression = pattern
      .toUpperCase()
      .split("*")
      .map((part) => part.replace(/[.+?^${}()|[\]\\-]/gu, "\\$&"))
      .join(".*");
    return new RegExp(`^${expression}$`, "u").test(code);
  });
}

/** The national list with the sender's differences applied. */
export function effectiveStatusMap(overrides: Readonly<Record<string, DossierStatus>>): Record<string, DossierStatus> {
  const map: Record<string, DossierStatus> = {};
  for (let code = 1; code <= 10; code += 1) map[String(code)] = code as DossierStatus;
  return { ...map, ...overrides };
}

/** `"3=8,8=3"` → `{"3": 8, "8": 3}`; null when a part is not `<code>=<national status>`. */
export function parseStatusOverrides(text: string): Record<string, DossierStatus> | null {
  const result: Record<string, DossierStatus> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter((p) => p.length > 0)) {
    const match = /^([A-Za-z0-9]{1,8})=(\d{1,2})$/u.exec(part);
    const status = match ? Number(match[2]) : NaN;
    if (!match || !isDossierStatus(status)) return null;
    result[match[1]!] = status;
  }
  return result;
}
