import type { ApiClient } from "../../shared/api/api-client";
import { parseStaffList, parseStaffProfile, type StaffProfile } from "./staff-profile";

export function fetchStaffProfile(client: ApiClient, signal?: AbortSignal): Promise<StaffProfile> {
  return client.getJson("/v1/admin/me", { parse: parseStaffProfile, ...(signal ? { signal } : {}) });
}

export function fetchStaffList(client: ApiClient, signal?: AbortSignal): Promise<StaffProfile[]> {
  return client.getJson("/v1/admin/staff", { parse: parseStaffList, ...(signal ? { signal } : {}) });
}

/** The signed receipt QR as SVG markup (made by our API from the dossier's code). */
export function fetchReceiptQrSvg(client: ApiClient, code: string): Promise<string> {
  return client.getText(`/v1/admin/receipts/${encodeURIComponent(code.replaceAll("/", "~"))}/qr`);
}

export function fetchGuidePoster(client: ApiClient, agencyName: string): Promise<string> {
  return client.getText("/v1/admin/poster", { query: { agencyName: agencyName.trim() } });
}
