import { useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { TextareaWithCounter } from "../../../shared/ui/textarea-with-counter";
import { ErrorAlert } from "../../../shared/ui/error-alert";
import {
  maxCommentLength,
  maxReasonLength,
  ratingCriteria,
  satisfactionLevels,
  type RatingCriterion,
  type RatingInput,
  type SatisfactionLevel,
  type SavedRating,
} from "../rating-api";

interface RatingFormProps {
  initial: SavedRating | null;
  onSubmit: (rating: RatingInput) => Promise<{ ok: true } | { ok: false; message: string }>;
  onCancel?: () => void;
}

const otherReason = "__other__";
const suggested: readonly string[] = vi.rating.suggestedReasons;

export function RatingForm({ initial, onSubmit, onCancel }: RatingFormProps) {
  const [levels, setLevels] = useState<Partial<Record<RatingCriterion, SatisfactionLevel>>>(
    initial ? { attitude: initial.attitude, result: initial.result, overall: initial.overall } : {},
  );
  const initialReason = initial?.reason ?? "";
  const [reasonChoice, setReasonChoice] = useState(initialReason === "" ? "" : suggested.includes(initialReason) ? initialReason : otherReason);
  const [ownReason, setOwnReason] = useState(initialReason !== "" && !suggested.includes(initialReason) ? initialReason : "");
  const [comment, setComment] = useState(initial?.comment ?? "");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // After a send with gaps, each unanswered group says so itself (aria-invalid, described by its own message).
  const [showMissing, setShowMissing] = useState(false);
  const unhappy = ratingCriteria.some((criterion) => levels[criterion] === "khong_hai_long");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { attitude, result, overall } = levels;
    const reason = reasonChoice === otherReason ? ownReason.trim() : reasonChoice;
    if (!attitude || !result || !overall || (unhappy && !reason)) setShowMissing(true);
    if (!attitude || !result || !overall) return setError(vi.rating.chooseAll);
    if (unhappy && !reason) return setError(vi.rating.reasonRequired);
    setError(null);
    setSaving(true);
    const outcome = await onSubmit({
      attitude,
      result,
      overall,
      ...(unhappy ? { reason } : {}),
      ...(comment.trim() ? { comment: comment.trim() } : {}),
    });
    setSaving(false);
    if (!outcome.ok) setError(outcome.message);
  }

  return (
    <form className="rating-form" onSubmit={submit} noValidate>
      {ratingCriteria.map((criterion) => (
        <fieldset key={criterion} className="rating-criterion">
          <legend id={`rating-${criterion}-legend`}>{vi.rating.criteria[criterion]}</legend>
          <div
            className="rating-levels"
            role="radiogroup"
            aria-labelledby={`rating-${criterion}-legend`}
            aria-invalid={showMissing && !levels[criterion] ? true : undefined}
            aria-describedby={showMissing && !levels[criterion] ? `rating-${criterion}-missing` : undefined}
          >
            {satisfactionLevels.map((level) => (
              <label key={level} className={`rating-level rating-level--${level}`}>
                <input
                  type="radio"
                  name={criterion}
                  value={level}
                  checked={levels[criterion] === level}
                  onChange={() => {
                    setLevels((current) => ({ ...current, [criterion]: level }));
                    setError(null);
                  }}
                />
                <span>{vi.rating.levels[level]}</span>
              </label>
            ))}
          </div>
          {showMissing && !levels[criterion] && (
            <p id={`rating-${criterion}-missing`} className="rating-missing">
              {vi.rating.levelMissing}
            </p>
          )}
        </fieldset>
      ))}

      {unhappy && (
        <fieldset className="rating-criterion">
          <legend id="rating-reason-legend">{vi.rating.reasonLegend}</legend>
          <div
            className="rating-reasons"
            role="radiogroup"
            aria-labelledby="rating-reason-legend"
            aria-invalid={showMissing && !reasonChoice ? true : undefined}
            aria-describedby={showMissing && !reasonChoice ? "rating-reason-missing" : undefined}
          >
            {[...suggested, otherReason].map((reason) => (
              <label key={reason} className="rating-reason">
                <input type="radio" name="reason" value={reason} checked={reasonChoice === reason}
                  onChange={() => {
                    setReasonChoice(reason);
                    setError(null);
                  }}
                />
                <span>{reason === otherReason ? vi.rating.otherReason : reason}</span>
              </label>
            ))}
          </div>
          {showMissing && !reasonChoice && (
            <p id="rating-reason-missing" className="rating-missing">
              {vi.rating.reasonRequired}
            </p>
          )}
          {reasonChoice === otherReason && (
            <textarea
              className="motcua-textarea"
              aria-label={vi.rating.otherReason}
              placeholder={vi.rating.otherReasonPlaceholder}
              maxLength={maxReasonLength}
              rows={3}
              value={ownReason}
              onChange={(event) => setOwnReason(event.target.value)}
            />
          )}
        </fieldset>
      )}

      <TextareaWithCounter
        label={vi.rating.comment}
        placeholder={vi.rating.commentPlaceholder}
        maxLength={maxCommentLength}
        rows={3}
        value={comment}
        onChange={setComment}
      />

      <ErrorAlert message={error} />
      <Button htmlType="submit" size="large" fullWidth loading={saving} disabled={saving}>
        {initial ? vi.rating.update : vi.rating.submit}
      </Button>
      {onCancel && (
        <Button variant="tertiary" size="large" fullWidth onClick={onCancel} className="rating-cancel">
          {vi.rating.cancel}
        </Button>
      )}
    </form>
  );
}
