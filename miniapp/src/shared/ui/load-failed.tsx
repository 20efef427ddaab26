import { Button } from "zmp-ui";

/**
 * A load that failed, announced to screen readers: what could not be loaded (`lead`, optional), the API's reason,
 * and a button to try again.
 */
export function LoadFailed({ lead, reason, retryLabel, onRetry, className }: { lead?: string; reason: string; retryLabel: string; onRetry: () => void; className: string }) {
  return (
    <div className={className} role="alert">
      <p>{lead === undefined ? reason : `${lead} ${reason}`}</p>
      <Button variant="secondary" onClick={onRetry}>
        {retryLabel}
      </Button>
    </div>
  );
}
