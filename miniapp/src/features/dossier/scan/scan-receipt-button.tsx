import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { PlatformError, usePlatform } from "../../../platform";
import { dossierRoute } from "../dossier-link";
import { parseScannedContent } from "./parse-scanned-content";

const unknownMessages = { empty: vi.scan.empty, no_code: vi.scan.noCode, invalid_code: vi.scan.invalidCode } as const;

/** "Quét mã QR": scans through the platform port, then opens the dossier the receipt names. */
export function ScanReceiptButton() {
  const platform = usePlatform();
  const navigate = useNavigate();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function scan() {
    setMessage(null);
    setBusy(true);
    try {
      const parsed = parseScannedContent(await platform.scanQrCode());
      if (parsed.kind === "dossier") navigate(dossierRoute(parsed.code, parsed.receiptSignature));
      else setMessage(unknownMessages[parsed.reason]);
    } catch (error) {
      // Backing out of the scanner is not an error worth a message.
      if (!(error instanceof PlatformError && error.kind === "refused")) {
        setMessage(error instanceof Error ? error.message : vi.platform.unknown);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="scan-receipt" aria-label={vi.scan.button}>
      <Button fullWidth variant="secondary" loading={busy} onClick={() => void scan()}>
        {vi.scan.button}
      </Button>
      <p className="scan-receipt__hint">{vi.scan.hint}</p>
      {message && (
        <p className="scan-receipt__error" role="alert">
          {message}
        </p>
      )}
    </section>
  );
}
