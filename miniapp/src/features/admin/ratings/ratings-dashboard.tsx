import { useMemo } from "react";
import { Button, Spinner, Text } from "zmp-ui";
import { ratingsCopy } from "../../../copy/admin-ratings";
import { loadErrorMessage } from "../../../shared/api/use-api-load";
import { useApiPages } from "../../../shared/api/use-api-pages";
import { LoadMoreButton } from "../../../shared/ui/load-more-button";
import type { StaffProfile } from "../staff-profile";
import { ReportFilter } from "../components/report-filter";
import { useFilteredReport } from "../components/use-filtered-report";
import { StaffGate } from "../components/staff-gate";
import { AgencyLabel } from "../agencies/agency-label";
import type { AgencyNames } from "../agencies/agency-names";
import { useReportCsv } from "../use-report-csv";
import { CriteriaChart, TrendChart } from "./charts";
import { criteria, levels, type RatingReport } from "./rating-report";
import { minRatingsToJudgeMonth, ratingTrend, ratingTrendCsv, type TrendMonth } from "./rating-trend";
import { downloadRatingsCsv, fetchRatingPage, fetchRatingReport, type RatingQuery } from "./ratings-api";
import { AdminError } from "../components/admin-error";
import "../components/admin.css";
import "./ratings.css";

/** `/admin/ratings`: the ratings dashboard; officers see their agencies' aggregates, admins also each dossier and the CSV. */
export function RatingsScreen() {
  return <StaffGate>{(profile) => <RatingsDashboard profile={profile} />}</StaffGate>;
}

const agencyCodesOfRatings = (report: RatingReport) => report.byAgency.map((a) => a.agencyCode);

function RatingsDashboard({ profile }: { profile: StaffProfile }) {
  const isAdmin = profile.role === "admin";
  const { filter, agencies, report, error, loading } = useFilteredReport(profile, fetchRatingReport, agencyCodesOfRatings);
  const { query, queryKey } = filter;

  return (
    <div className="admin-screen ratings-screen">
      <ReportFilter filter={filter} agencies={agencies} className={{ form: "ratings-filters", months: "ratings-months" }} />
      <AdminError message={error} />
      {loading ? <Spinner visible /> : null}
      {report ? <Report report={report} names={agencies.names} /> : null}
      {report && isAdmin ? <AdminTools query={query} queryKey={queryKey} /> : null}
    </div>
  );
}

/** One of the headline percentages, large, with what it measures under it. */
function HeadlineRatio({ ratio, label, testId }: { ratio: number | null; label: string; testId: string }) {
  return (
    <div>
      <span className="ratings-big" data-testid={testId}>
        {ratingsCopy.percent(ratio)}
      </span>
      <span className="admin-muted">{label}</span>
    </div>
  );
}

function Report({ report, names }: { report: RatingReport; names: AgencyNames }) {
  const { total } = report;
  return (
    <>
      <section className="admin-card" aria-labelledby="ratings-headline">
        <div className="ratings-headline" id="ratings-headline">
          <HeadlineRatio ratio={total.satisfactionRatio} label={ratingsCopy.satisfaction} testId="satisfaction-ratio" />
          <HeadlineRatio ratio={total.onTimeRatio} label={ratingsCopy.onTime} testId="on-time-ratio" />
        </div>
        <p className="admin-muted" data-testid="rated-count">
          {ratingsCopy.rated(total.ratings)}
        </p>
        <p className="ratings-hint">{ratingsCopy.satisfactionHint}</p>
      </section>
      <section className="admin-card" aria-labelledby="ratings-trend">
        <Text.Title id="ratings-trend">{ratingsCopy.trend}</Text.Title>
        <RatingTrend report={report} />
      </section>
      <section className="admin-card" aria-labelledby="ratings-criteria">
        <Text.Title id="ratings-criteria">{ratingsCopy.criteria}</Text.Title>
        <CriteriaChart summary={total} />
        <table className="ratings-table" data-testid="criteria-table">
          <thead>
            <tr>
              <th />
              {levels.map((level) => (
                <th key={level}>{ratingsCopy.levels[level]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {criteria.map((criterion) => (
              <tr key={criterion}>
                <th>{ratingsCopy.criteriaNames[criterion]}</th>
                {levels.map((level) => (
                  <td key={level}>{total.levels[criterion][level]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="admin-muted">
          {ratingsCopy.onTimeShares}:{" "}
          {(["truoc_han", "dung_han", "qua_han"] as const).map((key) => `${ratingsCopy.onTimeLabels[key]} ${total.onTime[key]}`).join(" · ")}
        </p>
      </section>
      {report.byAgency.length > 1 ? (
        <section className="admin-card" aria-labelledby="ratings-agencies">
          <Text.Title id="ratings-agencies">{ratingsCopy.byAgency}</Text.Title>
          <table className="ratings-table" data-testid="agency-table">
            <thead>
              <tr>
                <th>{ratingsCopy.agency}</th>
                <th>Số đánh giá</th>
                <th>{ratingsCopy.satisfaction}</th>
                <th>{ratingsCopy.onTime}</th>
              </tr>
            </thead>
            <tbody>
              {report.byAgency.map((agency) => (
                <tr key={agency.agencyCode}>
                  <th>
                    <AgencyLabel code={agency.agencyCode} names={names} />
                  </th>
                  <td>{agency.ratings}</td>
                  <td>{ratingsCopy.percent(agency.satisfactionRatio)}</td>
                  <td>{ratingsCopy.percent(agency.onTimeRatio)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

function RatingTrend({ report }: { report: RatingReport }) {
  const months = useMemo(() => ratingTrend(report), [report]);
  const anyTooFew = months.some((m) => !m.enough);
  return (
    <>
      <TrendChart months={months} />
      {anyTooFew ? <p className="ratings-hint">{ratingsCopy.tooFewNote(minRatingsToJudgeMonth)}</p> : null}
      {/* A list, not a table: at 200% text four columns do not fit 360 px, lines that wrap do. */}
      <ul className="ratings-trend-months" data-testid="trend-table">
        {months.map((m) => (
          <li key={m.month} data-testid="trend-month" className={m.enough ? undefined : "ratings-too-few"}>
            <strong>{ratingsCopy.trendMonthLabel(m.month)}</strong>
            <span>{ratingsCopy.trendCountLabel(m.ratings)}</span>
            {m.enough ? (
              <span>
                {ratingsCopy.satisfaction} {ratingsCopy.percent(m.satisfactionRatio)} · {ratingsCopy.onTime} {ratingsCopy.percent(m.onTimeRatio)}
              </span>
            ) : (
              <span className="ratings-too-few-note">{ratingsCopy.tooFew}</span>
            )}
          </li>
        ))}
      </ul>
      <Button size="small" variant="tertiary" onClick={() => saveTrendCsv(months)} data-testid="trend-csv">
        {ratingsCopy.trendCsv}
      </Button>
    </>
  );
}

/** The trend as a CSV file, made in the browser from the summary already on screen (the same numbers, with the counts). */
function saveTrendCsv(months: TrendMonth[]) {
  const csv = ratingTrendCsv(months, { header: ratingsCopy.trendCsvHeader, tooFew: ratingsCopy.tooFew });
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `danh-gia-theo-thang_${months[0]?.month ?? ""}_${months.at(-1)?.month ?? ""}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function AdminTools({ query, queryKey }: { query: RatingQuery; queryKey: string }) {
  const pages = useApiPages(async (client, cursor, signal) => {
    const page = await fetchRatingPage(client, query, cursor, signal);
    return { items: page.ratings, nextCursor: page.nextCursor };
  }, queryKey);
  const { state } = pages;
  const rows = state.status === "loaded" ? state.data.items : [];
  const csv = useReportCsv(downloadRatingsCsv, query);
  const error = csv.error ?? loadErrorMessage(state);

  return (
    <section className="admin-card" aria-labelledby="ratings-list">
      <div className="ratings-list-head">
        <Text.Title id="ratings-list">{ratingsCopy.list}</Text.Title>
        <Button size="small" variant="secondary" loading={csv.busy} onClick={() => void csv.run()}>
          {ratingsCopy.exportCsv}
        </Button>
      </div>
      <AdminError message={error} />
      {state.status === "loaded" && rows.length === 0 ? <p className="admin-muted">{ratingsCopy.listEmpty}</p> : null}
      <ul className="ratings-rows">
        {rows.map((row) => (
          <li key={row.dossierCode} data-testid="rating-row">
            <strong className="ratings-code">{row.dossierCode}</strong>
            <span className="admin-muted">
              {ratingsCopy.criteriaNames.overall}: {ratingsCopy.levels[row.overall]} · {ratingsCopy.onTimeLabels[row.onTime ?? "unknown"]}
            </span>
            {row.reason ? (
              <span>
                {ratingsCopy.reason}: {row.reason}
              </span>
            ) : null}
            {row.comment ? (
              <span>
                {ratingsCopy.comment}: {row.comment}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      {state.status === "loading" ? <Spinner visible /> : null}
      <LoadMoreButton pages={pages} label={ratingsCopy.more} variant="tertiary" errorClassName="admin-error" />
    </section>
  );
}
