import { Button, Spinner } from "zmp-ui";
import { vi } from "../../../copy/vi";
import type { ProfileState } from "../use-my-profile";

/** The loading and error states of the citizen's profile, shared by the screens that need it; null once loaded. */
export function ProfileLoadState({ state, onRetry }: { state: ProfileState; onRetry: () => void }) {
  if (state.kind === "loading") {
    return (
      <div className="card" aria-busy="true">
        <Spinner visible />
      </div>
    );
  }
  if (state.kind === "error") {
    return (
      <div className="card" role="alert">
        <p>{state.message}</p>
        <Button variant="secondary" onClick={onRetry}>
          {vi.dossier.retry}
        </Button>
      </div>
    );
  }
  return null;
}
