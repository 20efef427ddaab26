import "./dossier.css";
import { vi } from "../../../copy/vi";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { AppIcon } from "../../../shared/ui/icons";
import type { DossierView } from "../dossier-view";
import { DossierTimeline } from "./dossier-timeline";
import { OnTimeBadge, StatusBadge } from "./status-badge";

function Field({ label, value, strong }: { label: string; value: string; strong?: boolean }) {
  return (
    <div className="field">
      <dt className="field__label">{label}</dt>
      <dd className={strong ? "field__value field__value--strong" : "field__value"}>{value}</dd>
    </div>
  );
}

export function DossierDetails({ dossier }: { dossier: DossierView }) {
  const isOwner = dossier.view === "owner";
  return (
    <div className="dossier">
      <section className="card" aria-labelledby="dossier-procedure">
        <div className="dossier__code">
          <span className="field__label">{vi.dossier.code}</span>
          <span className="dossier__code-value">{dossier.code}</span>
        </div>
        <h2 id="dossier-procedure" className="dossier__procedure">
          {dossier.procedure.name}
        </h2>
        <div className="dossier__badges">
          <StatusBadge status={dossier.status} label={dossier.statusLabel} />
          <OnTimeBadge onTime={dossier.onTime} label={dossier.onTimeLabel} />
        </div>
        <dl className="fields">
          <Field label={vi.dossier.dueAt} value={formatDateTime(dossier.dueAt)} strong />
          {dossier.finishedAt ? <Field label={vi.dossier.finishedAt} value={formatDateTime(dossier.finishedAt)} /> : null}
          <Field label={vi.dossier.receivedAt} value={formatDateTime(dossier.receivedAt)} />
          <Field label={vi.dossier.agency} value={dossier.agency.name} />
          <Field label={vi.dossier.applicant} value={dossier.applicantName} />
        </dl>
      </section>

      <div className={isOwner ? "notice notice--owner" : "notice notice--public"} data-testid="view-notice">
        <AppIcon name={isOwner ? "check-circle" : "info"} className="notice__icon" />
        <span className="notice__text">{isOwner ? vi.dossier.ownerView : vi.dossier.publicView}</span>
      </div>

      {dossier.apology ? (
        <section className="apology" aria-labelledby="apology-heading">
          <h2 id="apology-heading" className="apology__title">
            {vi.dossier.apologyTitle}
          </h2>
          <div>
            {vi.dossier.apologyNewDue}: <strong>{formatDateTime(dossier.apology.newDueAt)}</strong>
          </div>
          {dossier.apology.reason ? (
            <div>
              {vi.dossier.apologyReason}: {dossier.apology.reason}
            </div>
          ) : null}
        </section>
      ) : null}

      <DossierTimeline entries={dossier.timeline} />
    </div>
  );
}
