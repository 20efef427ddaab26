import { Spinner } from "zmp-ui";
import { vi } from "../../../copy/vi";
import type { ApiLoad } from "../../../shared/api/use-api-load";
import type { CitizenProfile } from "../citizen-profile";
import { LoadFailed } from "../../../shared/ui/load-failed";

/** The loading and error states of the citizen's profile, shared by the screens that need it; null once loaded. */
export function ProfileLoadState({ state, onRetry }: { state: ApiLoad<CitizenProfile>; onRetry: () => void }) {
  if (state.status === "loading") {
    return (
      <div className="card" aria-busy="true">
        <Spinner visible />
      </div>
    );
  }
  if (state.status === "failed") {
    return (
      <LoadFailed className="card" reason={state.error.message} retryLabel={vi.dossier.retry} onRetry={onRetry} />
    );
  }
  return null;
}
