import { useState } from "react";
import { Button } from "zmp-ui";
import { ConfirmDialog } from "../../../shared/ui/confirm-dialog";
import { localPhoneMask } from "../local-phone-mask";
import "./citizen.css";
import { vi } from "../../../copy/vi";
import { PlatformError, usePlatform } from "../../../platform";
import { useApiClient } from "../../../shared/api/api-client-context";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { fetchMyProfile, setAnnouncementSubscription, withdrawPhoneConsent } from "../citizen-profile";
import { useMyProfile } from "../use-my-profile";
import { ProfileLoadState } from "./profile-load-state";

/** The citizen's account: the verified phone (masked) with withdrawal, and following the OA. */
export function ProfileScreen({ oaId }: { oaId: string | undefined }) {
  const { state, reload, setProfile } = useMyProfile();
  const client = useApiClient();
  const platform = usePlatform();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState<"withdraw" | "follow" | "allow" | "announcements" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  async function withdraw() {
    setConfirming(false);
    setBusy("withdraw");
    try {
      setProfile(await withdrawPhoneConsent(client));
      setNotice(vi.citizen.withdrawn);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : vi.errors.server);
    } finally {
      setBusy(null);
    }
  }

  async function follow() {
    if (!oaId) return;
    setNotice(null);
    setBusy("follow");
    try {
      await platform.followOa(oaId);
      // What is shown is Zalo's word through the backend, not this call's.
      setProfile(await fetchMyProfile(client));
    } catch (error) {
      setNotice(error instanceof PlatformError && error.kind === "refused" ? vi.citizen.followRefused : error instanceof Error ? error.message : vi.platform.unknown);
    } finally {
      setBusy(null);
    }
  }

  /** For a citizen with no phone on file who does not follow: the only way left to be told about their dossier. */
  async function allowMessages() {
    if (!oaId) return;
    setNotice(null);
    setBusy("allow");
    try {
      await platform.allowOaMessages(oaId);
      setNotice(vi.citizen.allowMessagesDone);
    } catch (error) {
      setNotice(error instanceof PlatformError && error.kind === "refused" ? vi.citizen.allowMessagesRefused : error instanceof Error ? error.message : vi.platform.unknown);
    } finally {
      setBusy(null);
    }
  }

  async function toggleAnnouncements(subscribed: boolean) {
    setNotice(null);
    setBusy("announcements");
    try {
      setProfile(await setAnnouncementSubscription(client, subscribed));
      setNotice(subscribed ? vi.citizen.announcementsOn : vi.citizen.announcementsOff);
    } catch (error) {
      setNotice(error instanceof Error ? error.message : vi.errors.server);
    } finally {
      setBusy(null);
    }
  }

  if (state.status !== "loaded") return <ProfileLoadState state={state} onRetry={reload} />;
  const profile = state.data;
  return (
    <>
      <section className="card" aria-labelledby="profile-phone-title">
        <h2 id="profile-phone-title" className="section-title">
          {profile.name}
        </h2>
        <dl className="profile__facts">
          <dt>{vi.citizen.phoneLabel}</dt>
          <dd data-testid="profile-phone">{profile.phone ? localPhoneMask(profile.phone.masked) : vi.citizen.phoneNone}</dd>
          {profile.phone && (
            <>
              <dt>{vi.citizen.verifiedAt}</dt>
              <dd>{formatDateTime(profile.phone.verifiedAt)}</dd>
            </>
          )}
        </dl>
        {profile.phone && (
          <Button fullWidth variant="secondary" type="danger" loading={busy === "withdraw"} onClick={() => setConfirming(true)}>
            {vi.citizen.withdraw}
          </Button>
        )}
      </section>

      <section className="card" aria-labelledby="profile-follow-title">
        <h2 id="profile-follow-title" className="section-title">
          {vi.citizen.followTitle}
        </h2>
        {profile.follower.isFollower ? (
          <p data-testid="follow-state">{vi.citizen.following}</p>
        ) : (
          <>
            <p>{vi.citizen.followBody}</p>
            {oaId ? (
              <>
                <Button fullWidth loading={busy === "follow"} onClick={() => void follow()}>
                  {vi.citizen.followButton}
                </Button>
                {profile.phone ? null : (
                  <>
                    <p className="muted">{vi.citizen.allowMessagesBody}</p>
                    <Button fullWidth variant="secondary" loading={busy === "allow"} onClick={() => void allowMessages()}>
                      {vi.citizen.allowMessagesButton}
                    </Button>
                  </>
                )}
              </>
            ) : (
              <p className="muted">{vi.citizen.followNotConfigured}</p>
            )}
          </>
        )}
        <label className="profile__switch">
          <input
            type="checkbox"
            data-testid="announcements-toggle"
            checked={profile.announcements.subscribed}
            disabled={busy === "announcements"}
            onChange={(event) => void toggleAnnouncements(event.target.checked)}
          />
          <span>
            <strong>{vi.citizen.announcementsLabel}</strong>
            <small className="muted">
              {profile.announcements.subscribed && !profile.follower.isFollower ? vi.citizen.announcementsNeedFollow : vi.citizen.announcementsHelp}
            </small>
          </span>
        </label>
      </section>

      {notice && (
        <p className="card profile__notice" role="status">
          {notice}
        </p>
      )}

      <ConfirmDialog
        visible={confirming}
        title={vi.citizen.withdrawConfirmTitle}
        body={vi.citizen.withdrawConfirmBody}
        cancel={vi.citizen.withdrawCancel}
        confirm={vi.citizen.withdrawConfirm}
        danger
        onCancel={() => setConfirming(false)}
        onConfirm={() => void withdraw()}
      />
    </>
  );
}
