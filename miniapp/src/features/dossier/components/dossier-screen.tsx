import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { Box, Button } from "zmp-ui";
import { routePaths } from "../../../app/route-paths";
import { vi } from "../../../copy/vi";
import { checkDossierCode } from "../dossier-code";
import { dossierCodeMessage } from "../dossier-code-message";
import { dossierCodeFromPathSegment } from "../dossier-link";
import type { DossierView } from "../dossier-view";
import { useDossier } from "../use-dossier";
import { DossierDetails } from "./dossier-details";
import { DossierMessage, DossierSkeleton, RetryButton } from "./dossier-states";

interface DossierScreenProps {
  /** The code as it appears in the route, "/" written "~". */
  codeSegment: string;
  receiptSignature: string | undefined;
  /** What the page shows under a loaded dossier (the rating section of the owner view). */
  renderAfter?: (dossier: DossierView) => ReactNode;
}

export function DossierScreen({ codeSegment, receiptSignature, renderAfter }: DossierScreenProps) {
  const navigate = useNavigate();
  const raw = dossierCodeFromPathSegment(codeSegment);
  const check = checkDossierCode(raw);
  const backToLookup = (
    <Button variant="secondary" size="large" fullWidth onClick={() => navigate(routePaths.home, { replace: true })}>
      {vi.dossier.backToLookup}
    </Button>
  );

  if (!check.ok) {
    return (
      <DossierMessage
        icon="warning"
        title={vi.dossier.invalidCodeTitle}
        code={raw}
        body={dossierCodeMessage(check.problem)}
        actions={backToLookup}
      />
    );
  }
  return <LoadedDossier code={check.code} receiptSignature={receiptSignature} backToLookup={backToLookup} renderAfter={renderAfter} />;
}

function LoadedDossier({
  code,
  receiptSignature,
  backToLookup,
  renderAfter,
}: {
  code: string;
  receiptSignature: string | undefined;
  backToLookup: ReactNode;
  renderAfter: DossierScreenProps["renderAfter"];
}) {
  const { state, retry } = useDossier(code, receiptSignature);

  if (state.status === "loading") return <DossierSkeleton />;
  if (state.status === "loaded") {
    return (
      <>
        <DossierDetails dossier={state.data} />
        {renderAfter?.(state.data)}
      </>
    );
  }

  const { error } = state;
  if (error.kind === "not_found" || error.kind === "invalid_input") {
    return (
      <DossierMessage
        icon="search"
        title={error.kind === "not_found" ? vi.dossier.notFoundTitle : vi.dossier.invalidCodeTitle}
        code={code}
        body={error.kind === "not_found" ? vi.dossier.notFoundBody : error.message}
        actions={backToLookup}
      />
    );
  }
  if (error.kind === "rate_limited") {
    return (
      <DossierMessage
        icon="clock"
        title={vi.dossier.rateLimitedTitle}
        body={vi.dossier.rateLimitedBody(error.retryAfterSeconds ?? null)}
        actions={
          <>
            <RetryButton onRetry={retry} />
            <Box mt={3}>{backToLookup}</Box>
          </>
        }
      />
    );
  }
  return (
    <DossierMessage
      icon="warning"
      title={vi.dossier.errorTitle}
      body={error.message}
      actions={
        <>
          <RetryButton onRetry={retry} />
          <Box mt={3}>{backToLookup}</Box>
        </>
      }
    />
  );
}
