import { bootstrapAdmin, canChangeStaff, canSeeAgency, type StaffMember, type StaffRole } from "../domain/staff.js";
import type { AuditLog } from "../ports/audit-log.js";
import type { Clock } from "../ports/clock.js";
import type { DossierRepository } from "../ports/dossier-repository.js";
import type { ReceiptSigner } from "../ports/receipt-signer.js";
import type { StaffRepository } from "../ports/staff-repository.js";

export interface StaffAccessDeps {
  staff: StaffRepository;
  dossiers: DossierRepository;
  audit: AuditLog;
  receiptSigner: ReceiptSigner;
  clock: Clock;
  /** From configuration: this Zalo user is an admin of every agency, record or not. */
  firstAdminZaloAppUserId: string | undefined;
}

export interface StaffInput {
  name: string;
  role: StaffRole;
  agencyCodes: string[];
  allAgencies: boolean;
}

export type StaffChange = { kind: "ok"; member: StaffMember } | { kind: "forbidden" } | { kind: "self" } | { kind: "not_found" };

/** What desk staff may do, checked on the server for every admin route: role, then agencies in scope. */
export function staffAccessUseCases(deps: StaffAccessDeps) {
  const now = () => deps.clock.now().toISOString();

  /** The first admin is an admin of every agency whatever their record says; their name is Zalo's. */
  async function findStaffMember(zaloAppUserId: string, zaloName?: string): Promise<StaffMember | null> {
    if (zaloAppUserId === deps.firstAdminZaloAppUserId) {
      const admin = bootstrapAdmin(zaloAppUserId, now());
      return zaloName ? { ...admin, name: zaloName } : admin;
    }
    return deps.staff.get(zaloAppUserId);
  }

  async function listStaff(actor: StaffMember): Promise<StaffMember[] | null> {
    if (actor.role !== "admin") return null;
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "list_staff", subject: "*", at: now() });
    return deps.staff.list();
  }

  async function getStaff(actor: StaffMember, zaloAppUserId: string): Promise<StaffChange> {
    if (actor.role !== "admin") return { kind: "forbidden" };
    const member = await findStaffMember(zaloAppUserId);
    return member ? { kind: "ok", member } : { kind: "not_found" };
  }

  async function putStaff(actor: StaffMember, zaloAppUserId: string, input: StaffInput): Promise<StaffChange> {
    const allowed = canChangeStaff(actor, zaloAppUserId);
    if (allowed === "not_admin") return { kind: "forbidden" };
    if (allowed === "self" || zaloAppUserId === deps.firstAdminZaloAppUserId) return { kind: "self" };
    const at = now();
    const existing = await deps.staff.get(zaloAppUserId);
    const member: StaffMember = {
      zaloAppUserId,
      ...input,
      agencyCodes: [...new Set(input.agencyCodes)],
      createdAt: existing?.createdAt ?? at,
      updatedAt: at,
      updatedBy: actor.zaloAppUserId,
    };
    await deps.staff.put(member);
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "put_staff", subject: zaloAppUserId, at });
    return { kind: "ok", member };
  }

  async function removeStaff(actor: StaffMember, zaloAppUserId: string): Promise<Exclude<StaffChange, { kind: "ok" }> | { kind: "removed" }> {
    const allowed = canChangeStaff(actor, zaloAppUserId);
    if (allowed === "not_admin") return { kind: "forbidden" };
    if (allowed === "self" || zaloAppUserId === deps.firstAdminZaloAppUserId) return { kind: "self" };
    if (!(await deps.staff.remove(zaloAppUserId))) return { kind: "not_found" };
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "remove_staff", subject: zaloAppUserId, at: now() });
    return { kind: "removed" };
  }

  /**
   * The signed receipt link of a dossier, for printing its QR. A dossier of an agency outside the member's
   * scope answers as unknown, so that no other agency's data (not even its existence) leaks.
   */
  async function receiptLink(actor: StaffMember, code: string): Promise<{ url: string } | null> {
    const found = await deps.dossiers.findWithTimeline(code);
    if (!found || !canSeeAgency(actor, found.dossier.agencyCode)) return null;
    await deps.audit.record({ actorZaloAppUserId: actor.zaloAppUserId, action: "receipt_qr", subject: code, at: now() });
    return { url: deps.receiptSigner.receiptUrl(found.dossier.code) };
  }

  return { findStaffMember, listStaff, getStaff, putStaff, removeStaff, receiptLink };
}

export type StaffAccess = ReturnType<typeof staffAccessUseCases>;
