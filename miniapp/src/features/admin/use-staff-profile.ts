import { useEffect, useState } from "react";
import { ApiError } from "../../shared/api/api-error";
import { useApiClient } from "../../shared/api/api-client-context";
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
  const client = useApiClient();
  const [state, setState] = useState<StaffProfileState>(() => remembered() ?? { status: "loading" });

  useEffect(() => {
    if (state.status !== "loading") return;
    const controller = new AbortController();
    fetchIsStaff(client, controller.signal)
      .then(async (isStaff) => (isStaff ? fetchStaffProfile(client, controller.signal) : null))
      .then(
      (profile) => setAndRemember(profile ? { status: "staff", profile } : { status: "not_staff" }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 403 || error.status === 401)) setAndRemember({ status: "not_staff" });
        else setState({ status: "failed", error: error instanceof ApiError ? error : new ApiError({ kind: "server" }) });
      },
    );
    return () => controller.abort();

    function setAndRemember(next: StaffProfileState) {
      if (controller.signal.aborted) return;
      sessionStorage.setItem(sessionKey, JSON.stringify(next));
      setState(next);
    }
  }, [client, state.status]);

  return state;
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
