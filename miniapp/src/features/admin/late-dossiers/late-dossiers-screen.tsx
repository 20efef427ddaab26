import { useState, type FormEvent } from "react";
import { Button, Spinner, Text } from "zmp-ui";
import { lateDossiersCopy as copy } from "../../../copy/admin-late-dossiers";
import { loadErrorMessage } from "../../../shared/api/use-api-load";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import { formatDate } from "../../../shared/format/format-date-time";
import { StaffGate } from "../components/staff-gate";
import { AgencyLabel } from "../agencies/agency-label";
import { useAgencyNames } from "../agencies/use-agency-names";
import { fetchLateDossiers } from "./late-dossiers-api";
import { AdminError } from "../components/admin-error";
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
  const { choices, names } = useAgencyNames();
  // Staff of every agency pick among those the directory names; an officer among their own.
  const pickable = names.sortCodes(agencies ?? choices.map((choice) => choice.code));
  const [agency, setAgency] = useState(fixedAgency ?? agencies?.[0] ?? "");
  // The agency listed and how many times it was asked for: asking again for the same one loads it afresh.
  const [shown, setShown] = useState<{ agency: string; asked: number } | null>(fixedAgency ? { agency: fixedAgency, asked: 0 } : null);
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchLateDossiers(client, { agency: shown!.agency, ...(cursor ? { cursor } : {}) }, signal);
    return { items: page.dossiers, nextCursor: page.nextCursor };
  }, shown && `${shown.agency}#${shown.asked}`);
  const rows = pages.state.status === "loaded" ? pages.state.data.items : null;
  const error = loadErrorMessage(pages.state);

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = agency.trim();
    if (wanted) setShown((previous) => ({ agency: wanted, asked: (previous?.asked ?? 0) + 1 }));
  }

  return (
    <div className="admin-screen">
      <section className="admin-card" aria-labelledby="late-dossiers">
        <Text.Title id="late-dossiers">{copy.title}</Text.Title>
        <p className="admin-muted">{copy.intro}</p>
        {fixedAgency ? (
          <p className="late-agency-fixed">
            <AgencyLabel code={fixedAgency} names={names} />
          </p>
        ) : null}
        {fixedAgency ? null : (
          <form onSubmit={submit} className="admin-form">
            <label className="late-agency-label" htmlFor="late-agency">
              {copy.agencyLabel}
            </label>
            <select id="late-agency" className="late-agency-select" value={agency} onChange={(e) => setAgency(e.target.value)}>
              {agencies ? null : <option value="">{copy.chooseAgency}</option>}
              {pickable.map((code) => (
                <option key={code} value={code}>
                  {names.nameOf(code)}
                </option>
              ))}
            </select>
            <Button htmlType="submit" fullWidth variant="secondary" loading={pages.state.status === "loading"}>
              {copy.show}
            </Button>
          </form>
        )}
        <AdminError message={error} />
        {pages.state.status === "loading" ? <Spinner visible /> : null}
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
        <LoadMoreButton pages={pages} label={copy.more} variant="tertiary" errorClassName="admin-error" />
      </section>
    </div>
  );
}
