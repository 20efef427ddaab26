import { useEffect, useState } from "react";
import { ApiError } from "../../shared/api/api-error";
import { useApiClient } from "../../shared/api/api-client-context";
import { fetchStaffProfile } from "./admin-api";
import type { StaffProfile } from "./staff-profile";

export type StaffProfileState =
  | { status: "loading" }
  | { status: "staff"; profile: StaffProfile }
  | { status: "not_staff" }
  | { status: "failed"; error: ApiError };

const sessionKey = "motcua.staffProfile";

/**
 * Whether the signed-in Zalo user is staff, asked once per session (the answer is kept in sessionStorage),
 * so a citizen's app makes one small request and never loads the admin tab.
 */
export function useStaffProfile(): StaffProfileState {
  const client = useApiClient();
  const [state, setState] = useState<StaffProfileState>(() => remembered() ?? { status: "loading" });

  useEffect(() => {
    if (state.status !== "loading") return;
    const controller = new AbortController();
    fetchStaffProfile(client, controller.signal).then(
      (profile) => setAndRemember({ status: "staff", profile }),
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
