import { useCallback, useEffect, useState } from "react";
import { useApiClient } from "../../shared/api/api-client-context";
import { vi } from "../../copy/vi";
import { fetchMyProfile, type CitizenProfile } from "./citizen-profile";

export type ProfileState =
  | { kind: "loading" }
  | { kind: "error"; message: string }
  | { kind: "ready"; profile: CitizenProfile };

export function useMyProfile() {
  const client = useApiClient();
  const [state, setState] = useState<ProfileState>({ kind: "loading" });

  const reload = useCallback(
    (signal?: AbortSignal) =>
      fetchMyProfile(client, signal).then(
        (profile) => setState({ kind: "ready", profile }),
        (error: unknown) => {
          if (!signal?.aborted) setState({ kind: "error", message: error instanceof Error ? error.message : vi.errors.server });
        },
      ),
    [client],
  );

  useEffect(() => {
    const controller = new AbortController();
    void reload(controller.signal);
    return () => controller.abort();
  }, [reload]);

  const setProfile = useCallback((profile: CitizenProfile) => setState({ kind: "ready", profile }), []);
  return { state, reload, setProfile };
}
