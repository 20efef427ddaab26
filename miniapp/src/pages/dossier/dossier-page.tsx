import { useParams, useSearchParams } from "react-router-dom";
import { DossierScreen } from "../../features/dossier";

export function DossierPage() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  // key: a new code is a new screen, with its own loading state.
  return <DossierScreen key={code} codeSegment={code} receiptSignature={searchParams.get("k") ?? undefined} />;
}
