import type { OnTimeCategory } from "../dossier-view";

type Tone = "info" | "success" | "warning" | "danger" | "neutral";

// National status codes: blue while in progress, orange when the citizen must act, green when done.
const toneByStatus: Record<number, Tone> = {
  1: "info",
  2: "info",
  3: "danger",
  4: "info",
  5: "warning",
  6: "warning",
  7: "neutral",
  8: "danger",
  9: "success",
  10: "success",
};

const toneByOnTime: Record<OnTimeCategory, Tone> = {
  truoc_han: "success",
  dung_han: "success",
  trong_han: "info",
  qua_han: "danger",
};

function Badge({ tone, label, testId }: { tone: Tone; label: string; testId: string }) {
  return (
    <span className={`badge badge--${tone}`} data-testid={testId}>
      {label}
    </span>
  );
}

export function StatusBadge({ status, label }: { status: number; label: string }) {
  return <Badge tone={toneByStatus[status] ?? "neutral"} label={label} testId="status-badge" />;
}

export function OnTimeBadge({ onTime, label }: { onTime: OnTimeCategory; label: string }) {
  return <Badge tone={toneByOnTime[onTime]} label={label} testId="on-time-badge" />;
}

export function statusTone(status: number): Tone {
  return toneByStatus[status] ?? "neutral";
}
