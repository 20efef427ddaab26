import { minDossiersToRank } from "@motcua/contracts/reach";
import { Button, Spinner, Text } from "zmp-ui";
import { reachCopy } from "../../../copy/admin-reach";
import type { StaffProfile } from "../staff-profile";
import { ReportFilter } from "../components/report-filter";
import { useFilteredReport } from "../components/use-filtered-report";
import { StaffGate } from "../components/staff-gate";
import { AgencyLabel } from "../agencies/agency-label";
import type { AgencyNames } from "../agencies/agency-names";
import { useReportCsv } from "../use-report-csv";
import { downloadReachCsv, fetchReachReport, type ReachQuery } from "./reach-api";
import type { ReachFigures, ReachReport } from "./reach-report";
import { AdminError } from "../components/admin-error";
import "../components/admin.css";
import "./reach.css";

const shareKeys = ["reachable", "viewed", "rated"] as const;

/** `/admin/reach`: how many citizens follow their dossiers in Zalo, per month and per desk; the CSV for admins. */
export function ReachScreen() {
  return <StaffGate>{(profile) => <ReachDashboard profile={profile} />}</StaffGate>;
}

const agencyCodesOfReach = (report: ReachReport) => report.agencies.map((a) => a.agencyCode);

function ReachDashboard({ profile }: { profile: StaffProfile }) {
  const { filter, agencies, report, error, loading } = useFilteredReport(profile, fetchReachReport, agencyCodesOfReach);
  const { query } = filter;

  return (
    <div className="admin-screen reach-screen">
      <ReportFilter filter={filter} agencies={agencies} className={{ form: "reach-filters", months: "reach-months" }} testIdPrefix="reach" />
      <AdminError message={error} />
      {loading ? <Spinner visible /> : null}
      {report ? <Report report={report} names={agencies.names} /> : null}
      {report && profile.role === "admin" ? <CsvButton query={query} /> : null}
    </div>
  );
}

function Report({ report, names }: { report: ReachReport; names: AgencyNames }) {
  const { total } = report;
  return (
    <>
      <section className="admin-card" aria-labelledby="reach-headline">
        <Text.Title id="reach-headline">{reachCopy.linkTitle}</Text.Title>
        <div className="reach-headline">
          {shareKeys.map((key) => (
            <div key={key} data-testid={`reach-share-${key}`}>
              <span className="reach-big">{reachCopy.percent(total.shares[key])}</span>
              <span className="reach-share-label">{reachCopy.shares[key]}</span>
              <span className="admin-muted reach-share-hint">{reachCopy.shareHints[key]}</span>
            </div>
          ))}
        </div>
        <ul className="reach-facts">
          <li data-testid="reach-received">{reachCopy.received(total.dossiers)}</li>
          <li>{reachCopy.notified(total.notified.total, total.notified.oa, total.notified.zns)}</li>
          <li>{reachCopy.followers(total.followersGained)}</li>
        </ul>
        <p className="reach-hint">{reachCopy.countedHint}</p>
      </section>
      <section className="admin-card" aria-labelledby="reach-trend">
        <Text.Title id="reach-trend">{reachCopy.trend}</Text.Title>
        <Legend />
        <ol className="reach-months-list" data-testid="reach-trend">
          {report.months.map((row) => (
            <li key={row.month}>
              <div className="reach-row-head">
                <strong>{reachCopy.month(row.month)}</strong>
                <span className="admin-muted">{row.dossiers === 0 ? reachCopy.trendEmpty : reachCopy.dossiers(row.dossiers)}</span>
              </div>
              {row.dossiers === 0 ? null : <ShareBars figures={row} />}
            </li>
          ))}
        </ol>
      </section>
      <section className="admin-card" aria-labelledby="reach-desks">
        <Text.Title id="reach-desks">{reachCopy.desks}</Text.Title>
        <p className="reach-hint">{reachCopy.desksHint(minDossiersToRank)}</p>
        {report.agencies.length === 0 ? <p className="admin-muted">{reachCopy.desksEmpty}</p> : null}
        <ol className="reach-desks" data-testid="reach-desks">
          {report.agencies.map((desk) => (
            <li key={desk.agencyCode} className={desk.fewDossiers ? "reach-desk few" : "reach-desk"} data-testid="reach-desk">
              <div className="reach-row-head">
                <span className="reach-rank">{desk.rank === null ? "–" : reachCopy.rank(desk.rank)}</span>
                <strong className="reach-agency">
                  <AgencyLabel code={desk.agencyCode} names={names} />
                </strong>
                <span className="admin-muted">{reachCopy.dossiers(desk.dossiers)}</span>
              </div>
              {desk.fewDossiers ? <span className="reach-few">{reachCopy.fewDossiers}</span> : null}
              <ShareBars figures={desk} />
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function Legend() {
  return (
    <ul className="reach-legend" aria-hidden="true">
      {shareKeys.map((key) => (
        <li key={key}>
          <span className={`reach-swatch ${key}`} />
          {reachCopy.shares[key]}
        </li>
      ))}
    </ul>
  );
}

/** The three shares as bars, each with its number written beside it (the bar is only a picture of it). */
function ShareBars({ figures }: { figures: ReachFigures }) {
  return (
    <dl className="reach-bars">
      {shareKeys.map((key) => {
        const ratio = figures.shares[key];
        return (
          <div key={key} className="reach-bar-row">
            <dt>{reachCopy.barLabels[key]}</dt>
            <dd>
              <span className="reach-bar-track">
                <span className={`reach-bar ${key}`} style={{ width: `${Math.round((ratio ?? 0) * 100)}%` }} />
              </span>
              <span className="reach-bar-value">{reachCopy.percent(ratio)}</span>
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function CsvButton({ query }: { query: ReachQuery }) {
  const { busy, error, run } = useReportCsv(downloadReachCsv, query);
  return (
    <section className="admin-card">
      <Button variant="secondary" fullWidth onClick={() => void run()} disabled={busy} data-testid="reach-csv">
        {busy ? reachCopy.exporting : reachCopy.exportCsv}
      </Button>
      <AdminError message={error} />
    </section>
  );
}
