import { Button, Spinner } from "zmp-ui";
import { vi } from "../../../copy/vi";
import type { ApiLoad } from "../../../shared/api/use-api-load";
import type { CitizenProfile } from "../citizen-profile";

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
      <div className="card" role="alert">
        <p>{state.error.message}</p>
        <Button variant="secondary" onClick={onRetry}>
          {vi.dossier.retry}
        </Button>
      </div>
    );
  }
  return null;
}
