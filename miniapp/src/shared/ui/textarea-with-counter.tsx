import { vi } from "../../copy/vi";
import "./form.css";

/** A labelled text area with its length limit and a "N/max ký tự" counter under it. */
export function TextareaWithCounter({
  label,
  value,
  onChange,
  maxLength,
  rows,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
  rows: number;
  placeholder: string;
}) {
  return (
    <label className="motcua-field">
      <span className="motcua-field-label">{label}</span>
      <textarea className="motcua-textarea" placeholder={placeholder} rows={rows} maxLength={maxLength} value={value} onChange={(event) => onChange(event.target.value)} />
      <span className="motcua-field-helper">{vi.form.characters(value.length, maxLength)}</span>
    </label>
  );
}
