import { useParams, useSearchParams } from "react-router-dom";
import { DossierScreen } from "../../features/dossier";
import { RatingSection } from "../../features/rating";

export function DossierPage() {
  const { code = "" } = useParams();
  const [searchParams] = useSearchParams();
  const receiptSignature = searchParams.get("k") ?? undefined;
  // key: a new code is a new screen, with its own loading state.
  return (
    <DossierScreen
      key={code}
      codeSegment={code}
      receiptSignature={receiptSignature}
      // Rating is the owner's right (DESIGN.md §5): the public view shows no rating section.
      renderAfter={(dossier) =>
        dossier.view === "owner" ? <RatingSection code={dossier.code} status={dossier.status} receiptSignature={receiptSignature} /> : null
      }
    />
  );
}
