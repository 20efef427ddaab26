import { useState, type FormEvent } from "react";
import { Button } from "zmp-ui";
import { vi } from "../../../copy/vi";
import { TextareaWithCounter } from "../../../shared/ui/textarea-with-counter";
import { ApiError } from "../../../shared/api/api-error";
import { useApiClient } from "../../../shared/api/api-client-context";
import { feedbackTypes, maxFeedbackTextLength, submitFeedback, type FeedbackType } from "../feedback-api";
import { ErrorAlert } from "../../../shared/ui/error-alert";
import "../../../shared/ui/form.css";
import "./feedback.css";

const otherCode = "__other__";

interface FeedbackFormProps {
  /** Dossiers the citizen may attach: their recent lookups (and "my dossiers" once phones are verified). */
  dossierCodes: readonly string[];
  onSent: (threadId: string) => void;
}

export function FeedbackForm({ dossierCodes, onSent }: FeedbackFormProps) {
  const client = useApiClient();
  const [type, setType] = useState<FeedbackType>("hoi_dap");
  const [text, setText] = useState("");
  const [codeChoice, setCodeChoice] = useState("");
  const [otherCodeText, setOtherCodeText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (!trimmed) return setError(vi.feedback.textRequired);
    if (trimmed.length > maxFeedbackTextLength) return setError(vi.feedback.textTooLong);
    const dossierCode = codeChoice === otherCode ? otherCodeText.trim() : codeChoice;
    setError(null);
    setSending(true);
    try {
      const thread = await submitFeedback(client, { type, text: trimmed, ...(dossierCode ? { dossierCode } : {}) });
      onSent(thread.id);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : vi.errors.server);
      setSending(false);
    }
  }

  return (
    <form className="feedback-form" onSubmit={submit} noValidate>
      <fieldset className="feedback-types">
        <legend className="motcua-field-label">{vi.feedback.typeLegend}</legend>
        <div className="feedback-type-options">
          {feedbackTypes.map((option) => (
            <label key={option} className="feedback-type">
              <input type="radio" name="type" value={option} checked={type === option} onChange={() => setType(option)} />
              <span>{vi.feedback.types[option]}</span>
            </label>
          ))}
        </div>
      </fieldset>

      <TextareaWithCounter
        label={vi.feedback.textLabel}
        placeholder={vi.feedback.textPlaceholder}
        rows={6}
        maxLength={maxFeedbackTextLength}
        value={text}
        onChange={(value) => {
          setText(value);
          // The "write something" error goes as soon as there is something; other errors stay until the next send.
          if (error === vi.feedback.textRequired && value.trim()) setError(null);
        }}
      />

      <label className="motcua-field">
        <span className="motcua-field-label">{vi.feedback.dossierLabel}</span>
        <select className="motcua-select" value={codeChoice} onChange={(event) => setCodeChoice(event.target.value)}>
          <option value="">{vi.feedback.dossierNone}</option>
          {dossierCodes.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
          <option value={otherCode}>{vi.feedback.dossierOther}</option>
        </select>
      </label>
      {codeChoice === otherCode && (
        <input
          className="motcua-input feedback-other-code"
          aria-label={vi.feedback.dossierOther}
          placeholder={vi.feedback.dossierCodePlaceholder}
          value={otherCodeText}
          maxLength={64}
          onChange={(event) => setOtherCodeText(event.target.value)}
        />
      )}

      <ErrorAlert message={error} />
      <Button htmlType="submit" size="large" fullWidth loading={sending} disabled={sending}>
        {vi.feedback.send}
      </Button>
    </form>
  );
}
