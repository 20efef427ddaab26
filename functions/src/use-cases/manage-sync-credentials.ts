import type { StaffMember } from "../domain/staff.js";
import type { SyncCredential } from "../domain/sync-credential.js";
import type { DossierStatus } from "../domain/dossier-status.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { Clock } from "../ports/clock.js";
import type { PasswordHasher } from "../ports/password-hasher.js";
import type { SyncCredentialRepository } from "../ports/sync-credential-repository.js";

export interface ManageSyncCredentialsDeps {
  credentials: SyncCredentialRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
  clock: Clock;
  /** A new random password, shown once to the admin who asked for it. */
  newPassword: () => string;
  /** The first credential from configuration; changing it stores a record that takes its place. */
  configured: SyncCredential | null;
}

/** What admins see of a credential: never its hash. */
export type SyncCredentialView = Omit<SyncCredential, "passwordHash" | "sessionGeneration"> & { fromConfiguration: boolean };

export type SyncCredentialChange =
  | { kind: "forbidden" }
  | { kind: "not_found" }
  | { kind: "exists" }
  | { kind: "changed"; credential: SyncCredentialView; password?: string };

const nextGeneration = (credential: SyncCredential) => (credential.sessionGeneration ?? 0) + 1;

function view(credential: SyncCredential, fromConfiguration = false): SyncCredentialView {
  const { passwordHash: _hash, sessionGeneration: _generation, ...rest } = credential;
  return { ...rest, fromConfiguration };
}

/** Admins issue, rotate and disable the credentials of the national sync dialect; every change is audited. */
export function manageSyncCredentialsUseCases(deps: ManageSyncCredentialsDeps) {
  const now = () => deps.clock.now().toISOString();
  const audit = (actor: StaffMember, action: string, subject: string) =>
    deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action, subject, at: now() });

  async function held(username: string): Promise<{ credential: SyncCredential; stored: boolean } | null> {
    const stored = await deps.credentials.get(username);
    if (stored) return { credential: stored, stored: true };
    if (deps.configured?.username === username) return { credential: deps.configured, stored: false };
    return null;
  }

  async function change(
    actor: StaffMember,
    username: string,
    action: string,
    apply: (credential: SyncCredential) => Promise<SyncCredential>,
  ): Promise<SyncCredential | SyncCredentialChange> {
    if (actor.role !== "admin") return { kind: "forbidden" };
    const current = await held(username);
    if (!current) return { kind: "not_found" };
    const next = { ...(await apply(current.credential)), updatedAt: now() };
    const saved = current.stored ? await deps.credentials.update(next) : await deps.credentials.create(next);
    if (!saved) return { kind: "not_found" };
    await audit(actor, action, username);
    return next;
  }

  return {
    async list(actor: StaffMember): Promise<SyncCredentialView[] | null> {
      if (actor.role !== "admin") return null;
      const stored = await deps.credentials.list();
      const configured = deps.configured && !stored.some((c) => c.username === deps.configured!.username) ? [view(deps.configured, true)] : [];
      await audit(actor, "list_sync_credentials", "*");
      return [...configured, ...stored.map((c) => view(c))];
    },

    async create(
      actor: StaffMember,
      input: { username: string; unitPatterns: string[]; statusOverrides: Record<string, DossierStatus>; password?: string },
    ): Promise<SyncCredentialChange> {
      if (actor.role !== "admin") return { kind: "forbidden" };
      if (await held(input.username)) return { kind: "exists" };
      const password = input.password ?? deps.newPassword();
      const at = now();
      const credential: SyncCredential = {
        username: input.username,
        passwordHash: await deps.hasher.hash(password),
        unitPatterns: input.unitPatterns,
        statusOverrides: input.statusOverrides,
        disabled: false,
        createdAt: at,
        updatedAt: at,
      };
      if (!(await deps.credentials.create(credential))) return { kind: "exists" };
      await audit(actor, "create_sync_credential", input.username);
      return { kind: "changed", credential: view(credential), password };
    },

    async rotatePassword(actor: StaffMember, username: string): Promise<SyncCredentialChange> {
      const password = deps.newPassword();
      const result = await change(actor, username, "rotate_sync_password", async (c) => ({
        ...c,
        passwordHash: await deps.hasher.hash(password),
        sessionGeneration: nextGeneration(c),
      }));
      return "kind" in result ? result : { kind: "changed", credential: view(result), password };
    },

    async setDisabled(actor: StaffMember, username: string, disabled: boolean): Promise<SyncCredentialChange> {
      // Disabling ends the sessions for good: enabling again does not bring them back.
      const result = await change(actor, username, disabled ? "disable_sync_credential" : "enable_sync_credential", async (c) => ({
        ...c,
        disabled,
        ...(disabled ? { sessionGeneration: nextGeneration(c) } : {}),
      }));
      return "kind" in result ? result : { kind: "changed", credential: view(result) };
    },
  };
}

export type ManageSyncCredentials = ReturnType<typeof manageSyncCredentialsUseCases>;
