import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Button, Input, Spinner, Text } from "zmp-ui";
import { lateDossiersCopy as copy } from "../../../copy/admin-late-dossiers";
import { ApiError } from "../../../shared/api/api-error";
import { useApiClient } from "../../../shared/api/api-client-context";
import { formatDate } from "../../../shared/format/format-date-time";
import { StaffGate } from "../components/staff-gate";
import { fetchLateDossiers, type LateDossier } from "./late-dossiers-api";
import "../components/admin.css";

/** The late dossiers of one agency in the staff member's scope; an officer of one agency sees theirs at once. */
export function LateDossiersScreen() {
  return (
    <StaffGate>
      {(profile) => (
        <LateDossierList
          fixedAgency={!profile.allAgencies && profile.agencyCodes.length === 1 ? profile.agencyCodes[0]! : null}
          agencies={profile.allAgencies ? null : profile.agencyCodes}
        />
      )}
    </StaffGate>
  );
}

function LateDossierList({ fixedAgency, agencies }: { fixedAgency: string | null; agencies: string[] | null }) {
  const client = useApiClient();
  const [agency, setAgency] = useState(fixedAgency ?? agencies?.[0] ?? "");
  const [shown, setShown] = useState<string | null>(fixedAgency);
  const [rows, setRows] = useState<LateDossier[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(
    async (wanted: string, after: string | null) => {
      setBusy(true);
      setError(null);
      try {
        const page = await fetchLateDossiers(client, { agency: wanted, ...(after ? { cursor: after } : {}) });
        setRows((previous) => (after ? [...(previous ?? []), ...page.dossiers] : page.dossiers));
        setCursor(page.nextCursor);
      } catch (failure) {
        setError(failure instanceof ApiError ? failure.message : String(failure));
      } finally {
        setBusy(false);
      }
    },
    [client],
  );

  useEffect(() => {
    if (shown) void load(shown, null);
  }, [shown, load]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = agency.trim();
    if (wanted) {
      setRows(null);
      setShown(wanted);
      if (wanted === shown) void load(wanted, null);
    }
  }

  return (
    <div className="admin-screen">
      <section className="admin-card" aria-labelledby="late-dossiers">
        <Text.Title id="late-dossiers">{copy.title}</Text.Title>
        <p className="admin-muted">{copy.intro}</p>
        {fixedAgency ? null : (
          <form onSubmit={submit} className="admin-form">
            <Input id="late-agency" label={copy.agencyLabel} aria-label={copy.agencyLabel} maxLength={64} value={agency} onChange={(e) => setAgency(e.target.value)} />
            <Button htmlType="submit" fullWidth variant="secondary" loading={busy && rows === null}>
              {copy.show}
            </Button>
          </form>
        )}
        {error ? (
          <p className="admin-error" role="alert">
            {error}
          </p>
        ) : null}
        {shown && rows === null && !error ? <Spinner visible /> : null}
        {rows?.length === 0 ? <p className="admin-muted">{copy.empty}</p> : null}
        {rows && rows.length > 0 ? <p className="admin-muted">{copy.order}</p> : null}
        <ul className="late-list">
          {rows?.map((row) => (
            <li key={row.code} className="late-item" data-testid="late-dossier">
              <strong className="late-code">{row.code}</strong>
              <span>{row.procedureName}</span>
              <span className="admin-muted">
                {copy.dueAt}: {formatDate(row.dueAt)}
                {formatDate(row.promisedDueAt) !== formatDate(row.dueAt) ? ` · ${copy.promisedDueAt}: ${formatDate(row.promisedDueAt)}` : ""} ·{" "}
                <span className="late-days">{copy.daysLate(row.daysLate)}</span>
              </span>
              <span className={row.apology ? "admin-muted" : "admin-error"}>
                {row.apology ? copy.apologySent(formatDate(row.apology.newDueAt)) : copy.apologyMissing}
              </span>
            </li>
          ))}
        </ul>
        {cursor && shown ? (
          <Button fullWidth variant="tertiary" loading={busy} onClick={() => void load(shown, cursor)}>
            {copy.more}
          </Button>
        ) : null}
      </section>
    </div>
  );
}
