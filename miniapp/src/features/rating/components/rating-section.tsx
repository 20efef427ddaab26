import { useState } from "react";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { formatDateTime } from "../../../shared/format/format-date-time";
import { ratableStatuses, ratingCriteria, type RatingInput } from "../rating-api";
import { useRating } from "../use-rating";
import { RatingForm } from "./rating-form";
import "../../../shared/ui/form.css";
import "./rating.css";

interface RatingSectionProps {
  code: string;
  /** The dossier's current status: rating opens at 9/10 (or 3/8). */
  status: number;
  receiptSignature: string | undefined;
}

/** Shown on the owner view of a dossier: rate it once it is finished, change the rating for 7 days. */
export function RatingSection(props: RatingSectionProps) {
  return (
    <section className="rating-section" aria-labelledby="rating-heading">
      <h2 id="rating-heading" className="rating-heading">
        {vi.rating.heading}
      </h2>
      {ratableStatuses.includes(props.status) ? (
        <RatingBody code={props.code} receiptSignature={props.receiptSignature} />
      ) : (
        <p className="rating-muted" data-testid="rating-not-yet">
          {vi.rating.notYet}
        </p>
      )}
    </section>
  );
}

function RatingBody({ code, receiptSignature }: { code: string; receiptSignature: string | undefined }) {
  const { load, save } = useRating(code, receiptSignature);
  const [editing, setEditing] = useState(false);
  const [thanked, setThanked] = useState(false);

  if (load.status === "loading") return <p className="rating-muted">…</p>;
  if (load.status === "failed") {
    return (
      <p className="rating-muted" role="alert">
        {vi.rating.loadError} {load.error.message}
      </p>
    );
  }
  const { rating, canRate, editableUntil, locked } = load.data;

  async function submit(input: RatingInput) {
    const outcome = await save(input);
    if (!outcome.ok) return { ok: false as const, message: outcome.error.message };
    setEditing(false);
    setThanked(true);
    return { ok: true as const };
  }

  if (!rating || editing) {
    if (!canRate) return <p className="rating-muted">{vi.rating.notYet}</p>;
    return (
      <>
        {!rating && <p className="rating-muted">{vi.rating.intro}</p>}
        <RatingForm initial={rating} onSubmit={submit} {...(editing ? { onCancel: () => setEditing(false) } : {})} />
      </>
    );
  }

  return (
    <div className="rating-saved" data-testid="rating-saved">
      {thanked && (
        <p className="page-success" role="status">
          {vi.rating.thanks}
        </p>
      )}
      <h3 className="rating-subheading">{vi.rating.yourRating}</h3>
      <dl className="rating-summary">
        {ratingCriteria.map((criterion) => (
          <div key={criterion} className="rating-summary-row">
            <dt>{vi.rating.criteria[criterion]}</dt>
            <dd>{vi.rating.levels[rating[criterion]]}</dd>
          </div>
        ))}
        {rating.reason && (
          <div className="rating-summary-row">
            <dt>{vi.rating.reason}</dt>
            <dd>{rating.reason}</dd>
          </div>
        )}
      </dl>
      {rating.comment && <p className="rating-comment">“{rating.comment}”</p>}
      {locked ? (
        <p className="rating-muted">{vi.rating.locked}</p>
      ) : (
        <>
          {editableUntil && <p className="rating-muted">{vi.rating.editableUntil(formatDateTime(editableUntil))}</p>}
          {canRate && (
            <Button variant="secondary" size="large" fullWidth onClick={() => setEditing(true)}>
              {vi.rating.edit}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
