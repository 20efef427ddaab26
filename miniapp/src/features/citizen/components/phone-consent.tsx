import { useState, type ReactNode } from "react";
import { Button } from "zmp-ui";
import "./citizen.css";
import { vi } from "../../../copy/vi";
import { PlatformError, usePlatform } from "../../../platform";
import { useApiClient } from "../../../shared/api/api-client-context";
import { verifyPhone } from "../citizen-profile";
import { readPhoneConsentDeclined, rememberPhoneConsentDeclined } from "../phone-consent-choice";
import { useMyProfile } from "../use-my-profile";
import { ProfileLoadState } from "./profile-load-state";

/**
 * Shows `children` once the citizen's phone is verified; before that, the consent screen (Decree 13/2023:
 * what is read, why, how long it is kept). The phone is read only after "Đồng ý".
 */
export function PhoneConsentGate({ children }: { children: ReactNode }) {
  const { state, reload, setProfile } = useMyProfile();
  const platform = usePlatform();
  const client = useApiClient();
  const [declined, setDeclined] = useState(readPhoneConsentDeclined);
  const [verifying, setVerifying] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function agree() {
    setError(null);
    setVerifying(true);
    try {
      const token = await platform.getPhoneToken();
      setProfile(await verifyPhone(client, token));
      rememberPhoneConsentDeclined(false);
      setDeclined(false);
    } catch (failure) {
      if (failure instanceof PlatformError && failure.kind === "refused") decline();
      else setError(failure instanceof Error ? failure.message : vi.platform.unknown);
    } finally {
      setVerifying(false);
    }
  }

  function decline() {
    rememberPhoneConsentDeclined(true);
    setDeclined(true);
  }

  if (state.status !== "loaded") return <ProfileLoadState state={state} onRetry={reload} />;
  if (state.data.phone) return <>{children}</>;

  if (declined) {
    return (
      <section className="card consent" aria-labelledby="consent-declined-title">
        <h2 id="consent-declined-title" className="section-title">
          {vi.citizen.declinedTitle}
        </h2>
        <p>{vi.citizen.declinedBody}</p>
        <Button fullWidth variant="secondary" onClick={() => setDeclined(false)}>
          {vi.citizen.reconsider}
        </Button>
      </section>
    );
  }

  return (
    <section className="card consent" aria-labelledby="consent-title">
      <h2 id="consent-title" className="section-title">
        {vi.citizen.consentTitle}
      </h2>
      <ul className="consent__points">
        <li>{vi.citizen.consentWhat}</li>
        <li>{vi.citizen.consentWhy}</li>
        <li>{vi.citizen.consentKeep}</li>
      </ul>
      <p className="muted consent__law">{vi.citizen.consentLaw}</p>
      {error && (
        <p className="consent__error" role="alert">
          {error}
        </p>
      )}
      <div className="consent__actions">
        <Button fullWidth loading={verifying} onClick={() => void agree()}>
          {vi.citizen.consentAgree}
        </Button>
        <Button fullWidth variant="tertiary" disabled={verifying} onClick={decline}>
          {vi.citizen.consentDecline}
        </Button>
      </div>
    </section>
  );
}
