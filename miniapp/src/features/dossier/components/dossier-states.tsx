import type { ReactNode } from "react";
import { Box, Button } from "zmp-ui";
import "./dossier.css";
import { vi } from "../../../copy/vi";
import { AppIcon, type IconName } from "../../../shared/ui/icons";

export function DossierSkeleton() {
  return (
    <div className="dossier" aria-busy="true" aria-live="polite">
      <span className="visually-hidden">{vi.dossier.loading}</span>
      <div className="card">
        <div className="skeleton skeleton--short" />
        <div className="skeleton skeleton--title" />
        <div className="skeleton skeleton--badge" />
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
      <div className="card">
        <div className="skeleton skeleton--short" />
        <div className="skeleton" />
        <div className="skeleton" />
      </div>
    </div>
  );
}

export function DossierMessage({
  icon,
  title,
  body,
  code,
  actions,
}: {
  icon: IconName;
  title: string;
  body: string;
  code?: string;
  actions: ReactNode;
}) {
  return (
    <div className="card message" role="alert">
      <AppIcon name={icon} size={44} className="message__icon" />
      <h2 className="message__title">{title}</h2>
      {code ? <div className="dossier__code-value message__code">{code}</div> : null}
      <p className="message__body">{body}</p>
      <Box mt={4} className="message__actions">
        {actions}
      </Box>
    </div>
  );
}

export function RetryButton({ onRetry }: { onRetry: () => void }) {
  return (
    <Button variant="primary" size="large" fullWidth onClick={onRetry}>
      {vi.dossier.retry}
    </Button>
  );
}
