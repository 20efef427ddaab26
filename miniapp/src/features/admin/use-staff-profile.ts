import { useState } from "react";
import { ApiError } from "../../shared/api/api-error";
import type { ApiClient } from "../../shared/api/api-client";
import { useApiLoad } from "../../shared/api/use-api-load";
import { fetchIsStaff, fetchStaffProfile } from "./admin-api";
import type { StaffProfile } from "./staff-profile";

export type StaffProfileState =
  | { status: "loading" }
  | { status: "staff"; profile: StaffProfile }
  | { status: "not_staff" }
  | { status: "failed"; error: ApiError };

const sessionKey = "motcua.staffProfile";

/**
 * Whether the signed-in Zalo user is staff, asked once per session (the answer is kept in sessionStorage):
 * `GET /v1/me` first, then the staff record only for staff, so a citizen's app never calls a staff route.
 */
export function useStaffProfile(): StaffProfileState {
  const [known] = useState(remembered);
  const { state } = useApiLoad(askStaffProfile, known ? null : "staff-profile");
  if (known) return known;
  if (state.status === "loaded") return state.data;
  if (state.status === "failed") return state;
  return { status: "loading" };
}

async function askStaffProfile(client: ApiClient, signal: AbortSignal): Promise<StaffProfileState> {
  let answer: StaffProfileState;
  try {
    answer = (await fetchIsStaff(client, signal)) ? { status: "staff", profile: await fetchStaffProfile(client, signal) } : { status: "not_staff" };
  } catch (error) {
    if (!(error instanceof ApiError && (error.status === 403 || error.status === 401))) throw error;
    answer = { status: "not_staff" };
  }
  if (!signal.aborted) sessionStorage.setItem(sessionKey, JSON.stringify(answer));
  return answer;
}

function remembered(): StaffProfileState | undefined {
  try {
    const raw = sessionStorage.getItem(sessionKey);
    const value = raw ? (JSON.parse(raw) as StaffProfileState) : undefined;
    return value && (value.status === "staff" || value.status === "not_staff") ? value : undefined;
  } catch {
    return undefined;
  }
}
