import { useEffect, useRef, useState, type FormEvent } from "react";
import { Button, Input, Spinner, Text } from "zmp-ui";
import { syncCredentialsCopy as copy } from "../../../copy/admin-sync-credentials";
import { useApiClient } from "../../../shared/api/api-client-context";
import { asApiError, loadErrorMessage, useApiLoad } from "../../../shared/api/use-api-load";
import { StaffGate } from "../components/staff-gate";
import {
  changeSyncCredential,
  createSyncCredential,
  fetchSyncCredentials,
  parseStatusMap,
  parseUnitPatterns,
  syncUsernamePattern,
} from "./sync-credentials-api";
import { AdminError } from "../components/admin-error";
import "../components/admin.css";
import "./sync-credentials.css";

/** Staff tab → Kết nối hệ thống một cửa: issue, rotate and disable the sync credentials. Admins only. */
export function SyncCredentialsScreen() {
  return <StaffGate adminOnly={copy.adminOnly}>{() => <SyncCredentials />}</StaffGate>;
}

const errorText = (failure: unknown) => asApiError(failure).message;

function SyncCredentials() {
  const { state, reload: refresh, client } = useApiLoad(fetchSyncCredentials, "sync-credentials");
  const list = state.status === "loaded" ? state.data : null;
  const [actionError, setActionError] = useState<string | null>(null);
  const error = actionError ?? loadErrorMessage(state);
  const [shownPassword, setShownPassword] = useState<{ username: string; password: string } | null>(null);

  const [confirming, setConfirming] = useState<Confirmation | null>(null);

  const change = async (username: string, kind: "password" | "disable" | "enable") => {
    setConfirming(null);
    try {
      const result = await changeSyncCredential(client, username, kind);
      if (result.password) setShownPassword({ username, password: result.password });
      setActionError(null);
      refresh();
    } catch (failure) {
      setActionError(errorText(failure));
    }
  };

  return (
    <div className="admin-screen">
      {shownPassword ? (
        <section className="admin-card sync-password" role="status" data-testid="sync-password">
          <Text.Title>{copy.passwordHeading(shownPassword.username)}</Text.Title>
          <code className="sync-password-value">{shownPassword.password}</code>
          <p className="admin-muted">{copy.passwordNote}</p>
          <Button size="small" variant="secondary" onClick={() => setShownPassword(null)}>
            {copy.close}
          </Button>
        </section>
      ) : null}
      <section className="admin-card" aria-labelledby="sync-list">
        <Text.Title id="sync-list">{copy.listHeading}</Text.Title>
        {error ? <p className="admin-error">{error}</p> : null}
        {state.status === "loading" ? <Spinner visible /> : null}
        {list?.length === 0 ? <p className="admin-muted">{copy.empty}</p> : null}
        <ul className="sync-list">
          {list?.map((credential) => (
            <li key={credential.username} data-testid="sync-credential">
              <div className="sync-row-head">
                <strong>{credential.username}</strong>
                <span className={`sync-state ${credential.disabled ? "sync-state--off" : "sync-state--on"}`}>
                  {credential.disabled ? copy.disabled : copy.active}
                </span>
              </div>
              {credential.fromConfiguration ? <span className="admin-muted">{copy.fromConfiguration}</span> : null}
              <span className="admin-muted">
                {copy.units}: {credential.unitPatterns.join(", ")}
              </span>
              <span className="admin-muted">
                {copy.statusMap}:{" "}
                {Object.keys(credential.statusOverrides).length === 0
                  ? copy.nationalStatusMap
                  : Object.entries(credential.statusOverrides).map(([code, status]) => `${code} → ${status}`).join(", ")}
              </span>
              {confirming?.username === credential.username ? (
                <ConfirmChange
                  confirmation={confirming}
                  onConfirm={() => void change(confirming.username, confirming.kind)}
                  onCancel={() => setConfirming(null)}
                />
              ) : (
                <div className="sync-actions">
                  <Button size="small" variant="secondary" onClick={() => setConfirming({ username: credential.username, kind: "password" })}>
                    {copy.rotate}
                  </Button>
                  <Button
                    size="small"
                    variant="tertiary"
                    type={credential.disabled ? "highlight" : "danger"}
                    onClick={() =>
                      credential.disabled
                        ? void change(credential.username, "enable")
                        : setConfirming({ username: credential.username, kind: "disable" })
                    }
                  >
                    {credential.disabled ? copy.enable : copy.disable}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      </section>
      <CreateForm
        onCreated={(username, password) => {
          setShownPassword({ username, password });
          refresh();
        }}
      />
    </div>
  );
}

/** Both changes cut a province's running sync job off at once, so each asks first. */
interface Confirmation {
  username: string;
  kind: "password" | "disable";
}

function ConfirmChange({ confirmation, onConfirm, onCancel }: { confirmation: Confirmation; onConfirm: () => void; onCancel: () => void }) {
  const box = useRef<HTMLDivElement>(null);
  // The button that opened it is gone: keyboard and screen-reader users land on the question.
  useEffect(() => box.current?.focus(), []);
  const disabling = confirmation.kind === "disable";
  const questionId = `sync-confirm-${confirmation.kind}`;
  return (
    <div className="sync-confirm" role="group" aria-labelledby={questionId} tabIndex={-1} ref={box} data-testid="sync-confirm">
      <p id={questionId} className="sync-confirm-question">
        {disabling ? copy.confirmDisableQuestion(confirmation.username) : copy.confirmRotateQuestion(confirmation.username)}
      </p>
      <p className="admin-muted">{disabling ? copy.confirmDisableEffect : copy.confirmRotateEffect}</p>
      <div className="sync-actions">
        <Button size="small" type={disabling ? "danger" : "highlight"} onClick={onConfirm}>
          {disabling ? copy.confirmDisable : copy.confirmRotate}
        </Button>
        <Button size="small" variant="secondary" onClick={onCancel}>
          {copy.cancel}
        </Button>
      </div>
    </div>
  );
}

function CreateForm({ onCreated }: { onCreated: (username: string, password: string) => void }) {
  const client = useApiClient();
  const [username, setUsername] = useState("");
  const [units, setUnits] = useState("");
  const [statusMap, setStatusMap] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unitPatterns = parseUnitPatterns(units);
    const statusOverrides = parseStatusMap(statusMap);
    if (!syncUsernamePattern.test(username.trim())) return setProblem(copy.badUsername);
    if (!unitPatterns) return setProblem(copy.badUnits);
    if (!statusOverrides) return setProblem(copy.badStatusMap);
    setBusy(true);
    try {
      const result = await createSyncCredential(client, { username: username.trim(), unitPatterns, statusOverrides });
      setProblem(null);
      setUsername("");
      setUnits("");
      setStatusMap("");
      onCreated(result.credential.username, result.password ?? "");
    } catch (failure) {
      setProblem(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card" aria-labelledby="sync-create" onSubmit={(event) => void submit(event)}>
      <Text.Title id="sync-create">{copy.createHeading}</Text.Title>
      <Input label={copy.usernameLabel} aria-label={copy.usernameLabel} helperText={copy.usernameHelp} value={username} onChange={(e) => setUsername(e.target.value)} name="username" />
      <Input label={copy.unitsLabel} aria-label={copy.unitsLabel} helperText={copy.unitsHelp} value={units} onChange={(e) => setUnits(e.target.value)} name="units" />
      <Input label={copy.statusMapLabel} aria-label={copy.statusMapLabel} helperText={copy.statusMapHelp} value={statusMap} onChange={(e) => setStatusMap(e.target.value)} name="statusMap" />
      <AdminError message={problem} />
      <Button htmlType="submit" loading={busy} fullWidth>
        {copy.create}
      </Button>
    </form>
  );
}
