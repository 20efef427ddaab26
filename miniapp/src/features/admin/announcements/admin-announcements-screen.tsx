import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Button, Input, Spinner, Text } from "zmp-ui";
import { ConfirmDialog } from "../../../shared/ui/confirm-dialog";
import { adminAnnouncementsCopy as copy } from "../../../copy/admin-announcements";
import { sendQuotaCopy } from "../../../copy/admin-send-quota";
import { vi } from "../../../copy/vi";
import { ApiError } from "../../../shared/api/api-error";
import { loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { useApiClient } from "../../../shared/api/api-client-context";
import { formatTimeOfDay } from "../../../shared/format/format-date-time";
import { AnnouncementView } from "../../../shared/ui/announcement-view";
import { SendQuotaSummary } from "../send-quota/send-quota-summary";
import { StaffGate } from "../components/staff-gate";
import {
  announcementKinds,
  announcementLimits,
  fetchAdminAnnouncements,
  publishAnnouncement,
  stillRunning,
  type AnnouncementDraft,
  type AnnouncementKind,
  type PublishedAnnouncement,
} from "./admin-announcements-api";
import { AdminError } from "../components/admin-error";
import "../components/admin.css";
import "./admin-announcements.css";

/** How often the list is refreshed while a fan-out is writing or sending. */
export const progressPollMs = 2500;
export const pausedPollMs = 60_000;

/** Staff tab → Thông báo: compose, preview as the citizen sees it, publish, watch the fan-out. Admins only. */
export function AdminAnnouncementsScreen() {
  return <StaffGate adminOnly={copy.adminOnly}>{() => <AnnouncementsAdmin />}</StaffGate>;
}

function AnnouncementsAdmin() {
  const { state, reload } = useApiLoad(fetchAdminAnnouncements, "published");
  const list = state.status === "loaded" ? state.data : null;
  const listError = loadErrorMessage(state);
  // Counts the refreshes, so that the send quota shown beside a paused fan-out is refreshed with the list.
  const [refreshes, setRefreshes] = useState(0);
  const refresh = useCallback(() => {
    setRefreshes((n) => n + 1);
    reload();
  }, [reload]);

  const running = list !== null && stillRunning(list);
  const paused = list?.some((item) => item.progress?.paused) ?? false;
  useEffect(() => {
    if (!running && !paused) return;
    // A fan-out waiting for tomorrow's quota changes slowly: a look every minute is enough.
    const timer = setTimeout(refresh, running ? progressPollMs : pausedPollMs);
    return () => clearTimeout(timer);
  }, [running, paused, list, refresh]);

  return (
    <div className="admin-screen">
      <Composer onPublished={refresh} />
      <section className="admin-card" aria-labelledby="announcements-list">
        <Text.Title id="announcements-list">{copy.listHeading}</Text.Title>
        {listError ? <p className="admin-error">{listError}</p> : null}
        {state.status === "loading" ? <Spinner visible /> : null}
        {list?.length === 0 ? <p className="admin-muted">{copy.empty}</p> : null}
        {paused ? <SendQuotaSummary refreshKey={refreshes} /> : null}
        <ul className="fanout-list">
          {list?.map(({ announcement, progress }) => (
            <li key={announcement.id} data-testid="published-announcement">
              <strong>{announcement.title}</strong>
              <span className="admin-muted">{vi.announcements.kinds[announcement.kind]}</span>
              {progress ? (
                <>
                  <FanoutState progress={progress} />
                  <span data-testid="fanout-progress">{copy.progress(progress)}</span>
                </>
              ) : (
                <span className="admin-muted">{copy.noFanout}</span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function FanoutState({ progress }: { progress: NonNullable<PublishedAnnouncement["progress"]> }) {
  if (progress.paused) {
    return (
      <>
        <span className="fanout-state fanout-state--paused" data-testid="fanout-paused">
          {sendQuotaCopy.paused}
        </span>
        <span className="fanout-paused">
          {sendQuotaCopy.pausedDetail({ sent: progress.sent, total: progress.targeted ?? progress.written, pending: progress.pending, resumesAt: formatTimeOfDay(progress.paused.until) })}
        </span>
      </>
    );
  }
  const done = progress.state === "done" && progress.pending === 0;
  return <span className={`fanout-state fanout-state--${done ? "done" : "running"}`}>{done ? copy.done : copy.running}</span>;
}

function Composer({ onPublished }: { onPublished: () => void }) {
  const client = useApiClient();
  const [kind, setKind] = useState<AnnouncementKind>("new_procedure");
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [link, setLink] = useState("");
  const [previewing, setPreviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const draft = (): AnnouncementDraft => ({ kind, title: title.trim(), body: body.trim(), link: link.trim() || null });

  function preview(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    const d = draft();
    if (!d.title || !d.body) return setError(copy.missing);
    if (d.link && !d.link.startsWith("https://")) return setError(copy.badLink);
    setError(null);
    setPreviewing(true);
  }

  async function publish() {
    setConfirming(false);
    setBusy(true);
    try {
      await publishAnnouncement(client, draft());
      setTitle("");
      setBody("");
      setLink("");
      setPreviewing(false);
      setNotice(copy.published);
      onPublished();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="admin-card" aria-labelledby="compose-announcement">
      <Text.Title id="compose-announcement">{copy.composeHeading}</Text.Title>
      {notice ? (
        <p className="admin-notice" role="status">
          {notice}
        </p>
      ) : null}
      {previewing ? (
        <div className="announcement-preview" data-testid="announcement-preview">
          <p className="admin-muted">{copy.previewHeading}</p>
          <AnnouncementView announcement={{ ...draft(), publishedAt: new Date().toISOString() }} />
          <AdminError message={error} />
          <Button fullWidth loading={busy} onClick={() => setConfirming(true)}>
            {copy.publish}
          </Button>
          <Button fullWidth variant="secondary" onClick={() => setPreviewing(false)}>
            {copy.edit}
          </Button>
        </div>
      ) : (
        <form className="admin-form" onSubmit={preview}>
          <label className="admin-field">
            <span>{copy.kindLabel}</span>
            <select value={kind} onChange={(e) => setKind(e.target.value as AnnouncementKind)}>
              {announcementKinds.map((k) => (
                <option key={k} value={k}>
                  {vi.announcements.kinds[k]}
                </option>
              ))}
            </select>
          </label>
          <Input
            label={copy.titleLabel}
            aria-label={copy.titleLabel}
            maxLength={announcementLimits.titleLength}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            helperText={copy.counter(title.length, announcementLimits.titleLength)}
          />
          <Input.TextArea
            label={copy.bodyLabel}
            aria-label={copy.bodyLabel}
            maxLength={announcementLimits.bodyLength}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            helperText={copy.counter(body.length, announcementLimits.bodyLength)}
          />
          <Input
            label={copy.linkLabel}
            aria-label={copy.linkLabel}
            inputMode="url"
            maxLength={announcementLimits.linkLength}
            value={link}
            onChange={(e) => setLink(e.target.value)}
            helperText={copy.linkHelp}
          />
          <AdminError message={error} />
          <Button htmlType="submit" fullWidth variant="secondary">
            {copy.preview}
          </Button>
        </form>
      )}
      <ConfirmDialog
        visible={confirming}
        title={copy.confirmTitle}
        body={copy.confirmBody}
        cancel={copy.cancel}
        confirm={copy.confirm}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void publish()}
      />
    </section>
  );
}
