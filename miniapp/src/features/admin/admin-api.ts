import type { ApiClient } from "../../shared/api/api-client";
import { parseStaffList, parseStaffProfile, type StaffProfile } from "./staff-profile";

/** `GET /v1/me` says whether the user is staff; only then are the staff routes asked (a citizen gets no 403). */
export function fetchIsStaff(client: ApiClient, signal?: AbortSignal): Promise<boolean> {
  return client.getJson("/v1/me", {
    parse: (body) => {
      if (typeof body !== "object" || body === null || typeof (body as { isStaff?: unknown }).isStaff !== "boolean") throw new Error("no isStaff");
      return (body as { isStaff: boolean }).isStaff;
    },
    ...(signal ? { signal } : {}),
  });
}

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
