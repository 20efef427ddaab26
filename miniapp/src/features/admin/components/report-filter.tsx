import { useCallback, useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { reportFilterCopy as copy } from "../../../copy/admin-report-filter";
import { vietnamMonth } from "../../../shared/format/format-date-time";
import type { AgencyChoice } from "../agencies/agencies-api";
import type { AgencyNames } from "../agencies/agency-names";
import type { ReportQuery } from "../report-query";
import type { StaffProfile } from "../staff-profile";

/** The months between two `YYYY-MM`, both counted. */
const monthSpan = (from: string, to: string) => (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5)) + 1;

/**
 * A staff report's filter state: what is being chosen (`draft`), what is shown (`query`, the last six months at
 * first), and the agencies to choose from (the member's own, or those the answers for every agency named).
 */
export function useReportQuery(profile: StaffProfile) {
  const [draft, setDraft] = useState<ReportQuery>(() => ({ from: vietnamMonth(new Date(), 5), to: vietnamMonth(new Date()), agency: "" }));
  const [query, setQuery] = useState<ReportQuery>(draft);
  // "Xem" asks again even for the same months: the figures may have moved since.
  const [asked, setAsked] = useState(0);
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [knownAgencies, setKnownAgencies] = useState<string[]>(profile.allAgencies ? [] : profile.agencyCodes);

  function apply(event: FormEvent) {
    event.preventDefault();
    const span = monthSpan(draft.from, draft.to);
    // A range may span at most 24 months (the server checks it too).
    if (span < 1 || span > 24) {
      setRangeError(copy.badRange);
      return;
    }
    setRangeError(null);
    setQuery({ ...draft });
    setAsked((n) => n + 1);
  }

  /** The agencies an answer for every agency named, added to the choice. */
  const learnAgencies = useCallback(
    (answeredFor: ReportQuery, agencyCodes: string[]) => {
      if (profile.allAgencies && !answeredFor.agency) setKnownAgencies((known) => [...new Set([...known, ...agencyCodes])].sort());
    },
    [profile.allAgencies],
  );

  const queryKey = `${asked}|${query.from}|${query.to}|${query.agency}`;
  return { draft, setDraft, query, queryKey, rangeError, apply, knownAgencies, learnAgencies, allAgencies: profile.allAgencies };
}

type ReportFilterState = ReturnType<typeof useReportQuery>;

/**
 * The filter form of a staff report: from and to month (the last 36, newest first), agency by name (those the
 * member may pick, and any a report named), "Xem".
 */
export function ReportFilter({
  filter,
  agencies,
  className,
  testIdPrefix,
}: {
  filter: ReportFilterState;
  agencies: { choices: AgencyChoice[]; names: AgencyNames };
  className: { form: string; months: string };
  testIdPrefix?: string;
}) {
  const [monthChoices] = useState(() => Array.from({ length: 36 }, (_, back) => vietnamMonth(new Date(), back)));
  const { draft, setDraft } = filter;
  const testId = (name: string) => (testIdPrefix ? { "data-testid": `${testIdPrefix}-${name}` } : {});
  const monthSelect = (label: string, value: string, onChange: (month: string) => void, name: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} {...testId(name)}>
        {monthChoices.map((month) => (
          <option key={month} value={month}>
            {copy.monthOption(month)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className={`admin-card ${className.form}`} onSubmit={filter.apply}>
      <div className={className.months}>
        {monthSelect(copy.from, draft.from, (from) => setDraft({ ...draft, from }), "from")}
        {monthSelect(copy.to, draft.to, (to) => setDraft({ ...draft, to }), "to")}
      </div>
      <label>
        {copy.agency}
        <select value={draft.agency} onChange={(e) => setDraft({ ...draft, agency: e.target.value })} {...testId("agency")}>
          <option value="">{filter.allAgencies ? copy.allAgencies : copy.allMyAgencies}</option>
          {agencies.names.sortCodes([...filter.knownAgencies, ...agencies.choices.map((choice) => choice.code)]).map((code) => (
            <option key={code} value={code}>
              {agencies.names.nameOf(code)}
            </option>
          ))}
        </select>
      </label>
      <Button htmlType="submit" fullWidth>
        {copy.show}
      </Button>
    </form>
  );
}
